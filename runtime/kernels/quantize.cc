// QUANTIZE: float32 -> int8/int16, and requantization int8 -> int8/uint8/int16/int32,
// uint8 -> int8, int16 -> int8/int16/int32, int32 -> int8/int16: exactly the pairs TFLM's
// reference kernel runs. Per-tensor output parameters (TFLM has no per-channel QUANTIZE).
#include "kernels/ref/quantize.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct QuantizeData;
using RunFn = void (*)(const EvalContext& ctx, const QuantizeData& data);

struct QuantizeData {
  int64_t count = 0;
  float output_scale = 0.0f;  // float -> integer
  int32_t output_zero_point = 0;
  ref::RequantizeParams requantize;  // integer -> integer
  RunFn run = nullptr;               // the (input, output) variant, chosen in Prepare
};

void from_float_s8(const EvalContext& ctx, const QuantizeData& d) {
  ref::affine_quantize(ctx.input<float>(0), d.count, d.output_scale, d.output_zero_point,
                       ctx.output<int8_t>(0));
}

void from_float_s16(const EvalContext& ctx, const QuantizeData& d) {
  ref::affine_quantize(ctx.input<float>(0), d.count, d.output_scale, d.output_zero_point,
                       ctx.output<int16_t>(0));
}

template <typename In, typename Out>
void requantize(const EvalContext& ctx, const QuantizeData& d) {
  ref::requantize(ctx.input<In>(0), d.count, d.requantize, ctx.output<Out>(0));
}

struct Variant {
  TensorType input;
  TensorType output;
  RunFn run;
};

constexpr Variant kFromFloat[] = {
    {TensorType::kFloat32, TensorType::kInt8, from_float_s8},
    {TensorType::kFloat32, TensorType::kInt16, from_float_s16},
};

constexpr Variant kRequantize[] = {
    {TensorType::kInt8, TensorType::kInt8, requantize<int8_t, int8_t>},
    {TensorType::kInt8, TensorType::kUInt8, requantize<int8_t, uint8_t>},
    {TensorType::kInt8, TensorType::kInt16, requantize<int8_t, int16_t>},
    {TensorType::kInt8, TensorType::kInt32, requantize<int8_t, int32_t>},
    {TensorType::kUInt8, TensorType::kInt8, requantize<uint8_t, int8_t>},
    {TensorType::kInt16, TensorType::kInt8, requantize<int16_t, int8_t>},
    {TensorType::kInt16, TensorType::kInt16, requantize<int16_t, int16_t>},
    {TensorType::kInt16, TensorType::kInt32, requantize<int16_t, int32_t>},
    {TensorType::kInt32, TensorType::kInt8, requantize<int32_t, int8_t>},
    {TensorType::kInt32, TensorType::kInt16, requantize<int32_t, int16_t>},
};

template <size_t N>
RunFn find_variant(const Variant (&variants)[N], TensorType input, TensorType output) {
  for (const Variant& v : variants) {
    if (v.input == input && v.output == output) return v.run;
  }
  return nullptr;
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  auto* data = ctx.allocate<QuantizeData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  if (input.shape != output.shape) {
    return ctx.fail(Status::kInvalidModel, "output shape {} differs from the input shape {}",
                    kernels::ShapeText(output.shape).c_str(),
                    kernels::ShapeText(input.shape).c_str());
  }
  data->count = input.shape.num_elements();
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  data->output_scale = output.quant.scale();
  data->output_zero_point = output.quant.zero_point();
  data->run = find_variant(kFromFloat, input.type, output.type);
  if (data->run == nullptr) {
    data->run = find_variant(kRequantize, input.type, output.type);
    if (data->run == nullptr) {
      return ctx.fail(Status::kUnsupported, "quantizing {} to {} is not supported",
                      type_name(input.type), type_name(output.type));
    }
    MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
    // TFLM: the ratio of the scales in double, then QuantizeMultiplier.
    const double effective_scale =
        static_cast<double>(input.quant.scale()) / static_cast<double>(output.quant.scale());
    ref::RequantizeParams& r = data->requantize;
    int shift = 0;
    if (!ref::quantize_multiplier(effective_scale, &r.multiplier, &shift) || shift > 30) {
      // A shift above 30 (a ratio of 2^30 or more) overflows TFLite's `1 << shift`.
      return ctx.fail(Status::kUnsupported, "input scale {} / output scale {} is too large",
                      input.quant.scale(), output.quant.scale());
    }
    r.shift = shift;
    r.input_zero_point = input.quant.zero_point();
    r.output_zero_point = output.quant.zero_point();
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<QuantizeData>();
  data.run(ctx, data);
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kQuantize = {static_cast<int32_t>(schema::BuiltinOp::kQuantize), nullptr, 4,
                                static_cast<uint8_t>(schema::Options::kQuantize),   prepare, eval};
}  // namespace ops
}  // namespace mote
