#include "kernels/reduce.h"

#include <cstring>

#include "kernels/kernel_util.h"

namespace mote {
namespace kernels {
namespace {

// Marks the dimensions the constant axis tensor names. Negative axes count from the end and
// repeats are allowed (TFLite's ResolveAxis drops them). A scalar input ignores the axes, as
// TFLite does.
Status resolve_axes(const PrepareContext& ctx, const TensorDesc& input, const TensorDesc& axis,
                    bool* reduced) {
  if (axis.type != TensorType::kInt32) return ctx.unsupported_type(axis, "axis");
  const int64_t count = axis.shape.num_elements();
  if (count == 0) return Status::kOk;  // no axes (an empty tensor may have no buffer at all)
  if (!axis.is_constant()) {
    return ctx.fail(Status::kUnsupported,
                    "axis tensor {} is not constant; the reduced axes must be known at Prepare",
                    axis.index);
  }
  if (static_cast<int64_t>(axis.data_bytes) < count * 4) {
    return ctx.fail(Status::kInvalidModel, "axis tensor {} holds {} bytes for {} values",
                    axis.index, axis.data_bytes, count);
  }
  const int32_t rank = input.shape.rank;
  if (rank == 0) return Status::kOk;
  for (int64_t i = 0; i < count; ++i) {
    int32_t value = 0;
    std::memcpy(&value, axis.data + i * 4, sizeof(value));  // flatbuffer data may be unaligned
    const int64_t resolved = value < 0 ? static_cast<int64_t>(value) + rank : value;
    if (resolved < 0 || resolved >= rank) {
      return ctx.fail(Status::kInvalidModel, "axis {} is out of range for an input of rank {}",
                      value, rank);
    }
    reduced[resolved] = true;
  }
  return Status::kOk;
}

// The output must hold the reduced shape: kept dimensions in order, reduced ones as 1 with
// keep_dims or dropped without. Dimensions of size 1 are not compared (TFLM only uses the
// output's element count, and its own tests write [1, 2] for [2, 1]); the others fix the layout.
Status check_output_shape(const PrepareContext& ctx, const TensorDesc& input, const bool* reduced,
                          const TensorDesc& output) {
  int32_t expected[kMaxRank] = {};
  int32_t expected_count = 0;
  for (int32_t i = 0; i < input.shape.rank; ++i) {
    if (!reduced[i] && input.shape.dims[i] != 1) expected[expected_count++] = input.shape.dims[i];
  }
  int32_t k = 0;
  bool matches = true;
  for (int32_t i = 0; i < output.shape.rank && matches; ++i) {
    const int32_t d = output.shape.dims[i];
    if (d == 1) continue;
    matches = k < expected_count && expected[k] == d;
    ++k;
  }
  if (!matches || k != expected_count) {
    return ctx.fail(Status::kInvalidModel,
                    "output tensor {} (rank {}, {} elements) does not hold the input reduced over "
                    "the given axes",
                    output.index, output.shape.rank, output.shape.num_elements());
  }
  return Status::kOk;
}

Status prepare_quantized(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                         ReduceKind kind, ReduceData* data) {
  MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  ref::ReduceQuant& q = data->quant;
  q.input_zero_point = input.quant.zero_point();
  q.output_zero_point = output.quant.zero_point();
  // TFLM: QuantizeMultiplier(double(input_scale) / double(output_scale)).
  const double real_multiplier =
      static_cast<double>(input.quant.scale()) / static_cast<double>(output.quant.scale());
  int shift = 0;
  if (!ref::quantize_multiplier(real_multiplier, &q.multiplier, &shift)) {
    return ctx.fail(Status::kInvalidModel, "input/output scale ratio {} is not finite",
                    real_multiplier);
  }
  q.shift = shift;
  data->same_quantization = kind == ReduceKind::kMean &&
                            input.quant.zero_point() == output.quant.zero_point() &&
                            input.quant.scale() == output.quant.scale();
  if (kind == ReduceKind::kMean && !data->same_quantization) {
    ref::fold_mean_count(data->geometry.reduced_count, &q.multiplier, &q.shift);
  }
  const int64_t bytes = data->geometry.output_count * static_cast<int64_t>(sizeof(int32_t));
  return ctx.request_scratch(static_cast<size_t>(bytes > 0 ? bytes : 4), &data->scratch_index);
}

// REDUCE_MAX / REDUCE_MIN compare quantized values directly, so TFLM requires (in Eval) input and
// output to share scale and zero point; TFLite also wants int16 zero points of 0.
Status prepare_same_quantization(const PrepareContext& ctx, const TensorDesc& input,
                                 const TensorDesc& output) {
  // Plain integers (no quantization parameters on either side) compare as they are.
  if (!input.quant.present() && !output.quant.present()) return Status::kOk;
  MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  if (input.quant.scale() != output.quant.scale() ||
      input.quant.zero_point() != output.quant.zero_point()) {
    return ctx.fail(Status::kInvalidModel,
                    "input (scale {}, zero point {}) and output (scale {}, zero point {}) must "
                    "share their quantization",
                    input.quant.scale(), input.quant.zero_point(), output.quant.scale(),
                    output.quant.zero_point());
  }
  if (input.type == TensorType::kInt16 && input.quant.zero_point() != 0) {
    return ctx.fail(Status::kInvalidModel, "int16 input and output must have zero point 0");
  }
  return Status::kOk;
}

// TFLite's PrepareProd for quantized int8/int16: one multiplier applied at every step of the
// product, input_scale / output_scale^(1 / reduced_count), so that the product of
// reduced_count values ends at the output scale.
Status prepare_quantized_product(PrepareContext& ctx, const TensorDesc& input,
                                 const TensorDesc& output, ReduceData* data) {
  MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  if (input.type == TensorType::kInt16 &&
      (input.quant.zero_point() != 0 || output.quant.zero_point() != 0)) {
    return ctx.fail(Status::kInvalidModel, "int16 input and output must have zero point 0");
  }
  const ref::ReduceGeometry& g = data->geometry;
  // TFLite computes no multiplier for an empty input and leaves the output unwritten.
  if (g.input_count == 0 || g.output_count == 0) {
    return ctx.fail(Status::kUnsupported, "quantized REDUCE_PROD of an empty tensor");
  }
  ref::ReduceQuant& q = data->quant;
  q.input_zero_point = input.quant.zero_point();
  q.output_zero_point = output.quant.zero_point();
  const double scaling = ref::quantized_product_scaling(input.quant.scale(), output.quant.scale(),
                                                        g.input_count / g.output_count);
  int shift = 0;
  if (!ref::quantize_multiplier(scaling, &q.multiplier, &shift)) {
    return ctx.fail(Status::kInvalidModel, "product multiplier {} is not finite", scaling);
  }
  q.shift = shift;
  data->quantized_product = true;
  const int64_t bytes = g.output_count * static_cast<int64_t>(sizeof(int32_t));
  return ctx.request_scratch(static_cast<size_t>(bytes), &data->scratch_index);
}

bool supported_type(ReduceKind kind, TensorType type) {
  switch (kind) {
    case ReduceKind::kMean:
    case ReduceKind::kSum:
      return is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16);
    case ReduceKind::kMax:
    case ReduceKind::kMin:
      return is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                       TensorType::kInt32);
    case ReduceKind::kProd:
      return is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                       TensorType::kInt32, TensorType::kInt64);
  }
  return false;
}

}  // namespace

Status prepare_reduce(PrepareContext& ctx, ReduceKind kind) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc axis = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (!supported_type(kind, input.type)) return ctx.unsupported_type(input, "input");
  MOTE_TRY(ctx.expect_same_type(input, output));
  bool reduced[kMaxRank] = {};
  MOTE_TRY(resolve_axes(ctx, input, axis, reduced));
  // keep_dims only changes the output's shape, which check_output_shape accepts either way.
  MOTE_TRY(check_output_shape(ctx, input, reduced, output));

  auto* data = ctx.allocate<ReduceData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  if (!ref::make_reduce_geometry(input.shape.dims, input.shape.rank, reduced, &data->geometry)) {
    return ctx.fail(Status::kUnsupported,
                    "input of {} elements is too large to reduce (limit 2^31 - 1 per count)",
                    input.shape.num_elements());
  }
  data->type = input.type;
  const bool quantized_type = input.type == TensorType::kInt8 || input.type == TensorType::kInt16;
  switch (kind) {
    case ReduceKind::kMean:
    case ReduceKind::kSum:
      if (input.type != TensorType::kFloat32) {
        MOTE_TRY(prepare_quantized(ctx, input, output, kind, data));
      }
      break;
    case ReduceKind::kMax:
    case ReduceKind::kMin:
      if (quantized_type) MOTE_TRY(prepare_same_quantization(ctx, input, output));
      break;
    case ReduceKind::kProd:
      // TFLite multiplies int8/int16 without quantization parameters as plain integers.
      if (quantized_type && input.quant.present()) {
        MOTE_TRY(prepare_quantized_product(ctx, input, output, data));
      }
      break;
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

namespace {

template <typename T>
void reduce_max_or_min(EvalContext& ctx, const ReduceData& data, ReduceKind kind) {
  if (kind == ReduceKind::kMax) {
    ref::reduce_max(data.geometry, ctx.input<T>(0), ctx.output<T>(0));
  } else {
    ref::reduce_min(data.geometry, ctx.input<T>(0), ctx.output<T>(0));
  }
}

}  // namespace

Status eval_reduce_max_or_min(EvalContext& ctx, ReduceKind kind) {
  const auto& data = ctx.op_data<ReduceData>();
  switch (data.type) {
    case TensorType::kFloat32:
      reduce_max_or_min<float>(ctx, data, kind);
      break;
    case TensorType::kInt8:
      reduce_max_or_min<int8_t>(ctx, data, kind);
      break;
    case TensorType::kInt16:
      reduce_max_or_min<int16_t>(ctx, data, kind);
      break;
    case TensorType::kInt32:
      reduce_max_or_min<int32_t>(ctx, data, kind);
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
