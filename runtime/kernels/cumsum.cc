// CUMSUM: float32 and int8 (TFLM's set). Inputs: input (rank >= 1), axis (int32 with one value,
// negative counts from the end). Options: CumsumOptions (exclusive, reverse). Output: the input's
// type and shape. int8 runs TFLM's rescaled integer sum (ref/cumsum.h), including its initial
// accumulator of -input_zero_point.
//
// A constant axis is checked in Prepare; a computed one (TFLM reads the axis in Eval) is checked
// in Eval, which fails on an axis outside the input's rank.
#include "kernels/ref/cumsum.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

// CumsumOptions field ids (schema.fbs); not in tflite_schema.h.
constexpr uint16_t kExclusiveField = 0;
constexpr uint16_t kReverseField = 1;

struct CumsumData {
  ref::CumsumGeometry geometry;  // complete when the axis is constant
  ref::CumsumQuant quant;        // int8 only
  Shape shape;
  TensorType type = TensorType::kFloat32;
  bool axis_constant = false;
};

// Views `shape` as [outer, axis, inner] around the (possibly negative) axis; false when the axis
// is out of range.
bool set_axis(const Shape& shape, int64_t axis, ref::CumsumGeometry* g) {
  if (axis < 0) axis += shape.rank;
  if (axis < 0 || axis >= shape.rank) return false;
  const auto a = static_cast<int32_t>(axis);
  g->outer = shape.num_elements(0, a);
  g->axis_size = shape.dims[a];
  g->inner = shape.num_elements(a + 1, shape.rank);
  return true;
}

Status prepare_quantized(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                         ref::CumsumQuant* q) {
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  q->input_offset = -input.quant.zero_point();
  q->output_offset = output.quant.zero_point();
  // TFLM's CalculateOpData, in double: the input is halved (its scale over twice itself) and the
  // output multiplier undoes that and the 2^20 left shift.
  const double twice_max_input_scale = 2 * static_cast<double>(input.quant.scale());
  const double real_input_multiplier =
      static_cast<double>(input.quant.scale()) / twice_max_input_scale;
  const double real_output_multiplier =
      twice_max_input_scale /
      ((1 << ref::kCumsumLeftShift) * static_cast<double>(output.quant.scale()));
  if (!ref::quantize_multiplier_smaller_than_one_exp(real_input_multiplier, &q->input_multiplier,
                                                     &q->input_shift) ||
      !ref::quantize_multiplier_smaller_than_one_exp(real_output_multiplier, &q->output_multiplier,
                                                     &q->output_shift)) {
    return ctx.fail(Status::kInvalidModel,
                    "input scale {} / output scale {} needs an output multiplier of {}, which "
                    "TFLM's int8 CUMSUM requires below 1",
                    input.quant.scale(), output.quant.scale(), real_output_multiplier);
  }
  return kernels::quantized_activation_range(ctx, kernels::FusedActivation::kNone, output,
                                             &q->activation_min, &q->activation_max);
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc axis = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (input.type != TensorType::kFloat32 && input.type != TensorType::kInt8) {
    return ctx.unsupported_type(input, "input");
  }
  MOTE_TRY(ctx.expect_same_type(input, output));
  MOTE_TRY(ctx.expect_type(axis, "axis", TensorType::kInt32));
  if (axis.shape.num_elements() != 1) {
    return ctx.fail(Status::kInvalidModel, "axis tensor {} must hold one value, has {}", axis.index,
                    axis.shape.num_elements());
  }
  if (input.shape.rank < 1) {
    return ctx.fail(Status::kInvalidModel, "input is a scalar; CUMSUM needs rank 1 or more");
  }
  MOTE_TRY(kernels::expect_shape(ctx, output, input.shape));

  auto* data = ctx.allocate<CumsumData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->shape = input.shape;
  data->type = input.type;
  data->geometry.exclusive = ctx.option<uint8_t>(kExclusiveField, 0) != 0;
  data->geometry.reverse = ctx.option<uint8_t>(kReverseField, 0) != 0;
  data->axis_constant = axis.is_constant();
  if (data->axis_constant) {
    if (axis.data_bytes < sizeof(int32_t)) {
      return ctx.fail(Status::kInvalidModel, "axis tensor {} has no data", axis.index);
    }
    const int32_t value = fb::load<int32_t>(axis.data);
    if (!set_axis(input.shape, value, &data->geometry)) {
      return ctx.fail(Status::kInvalidModel, "axis {} is out of range for an input of rank {}",
                      value, input.shape.rank);
    }
  }
  if (input.type == TensorType::kInt8) {
    MOTE_TRY(prepare_quantized(ctx, input, output, &data->quant));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<CumsumData>();
  ref::CumsumGeometry g = data.geometry;
  if (!data.axis_constant) {
    const int32_t axis = *ctx.input<int32_t>(1);
    if (!set_axis(data.shape, axis, &g)) {
      return ctx.fail("axis {} is out of range for an input of rank {}", axis, data.shape.rank);
    }
  }
  if (data.type == TensorType::kInt8) {
    ref::cumsum_s8(g, data.quant, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
  } else {
    ref::cumsum_f32(g, ctx.input<float>(0), ctx.output<float>(0));
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kCumsum = {static_cast<int32_t>(schema::BuiltinOp::kCumsum), nullptr, 1,
                              static_cast<uint8_t>(schema::Options::kCumsum),   prepare, eval};
}  // namespace ops
}  // namespace mote
