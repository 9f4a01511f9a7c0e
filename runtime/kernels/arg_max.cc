// ARG_MAX: index of the largest value along one axis. Input float32 or int8 (TFLM's set), also
// int16 and int32; axis tensor int32 (TFLM) or int64 with one value (only the first is read, as
// TFLM does); output int32 (TFLM) or int64, chosen by the output tensor's type. TFLM ignores
// ArgMaxOptions.output_type, and so does Mote. A constant axis is resolved and checked in
// Prepare; a computed one is checked in Eval.
#include <cstring>

#include "kernels/kernel_util.h"
#include "kernels/ref/arg_max.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct ArgMaxData {
  ref::ArgMaxGeometry geometry;  // set in Prepare when the axis is constant
  Shape input_shape;             // kept for a computed axis
  Shape output_shape;
  TensorType input_type = TensorType::kFloat32;
  TensorType output_type = TensorType::kInt32;
  TensorType axis_type = TensorType::kInt32;
  bool axis_constant = false;
};

int64_t read_axis(const uint8_t* data, TensorType type) {
  if (type == TensorType::kInt64) {
    int64_t v = 0;
    std::memcpy(&v, data, sizeof(v));
    return v;
  }
  int32_t v = 0;
  std::memcpy(&v, data, sizeof(v));
  return v;
}

enum class AxisCheck : uint8_t { kOk, kOutOfRange, kWrongOutput };

// Resolves a (possibly negative) axis and checks that the output is the input without it.
AxisCheck make_geometry(const Shape& input, const Shape& output, int64_t axis,
                        ref::ArgMaxGeometry* g) {
  if (axis < 0) axis += input.rank;
  if (axis < 0 || axis >= input.rank) return AxisCheck::kOutOfRange;
  const auto a = static_cast<int32_t>(axis);
  if (output.rank != input.rank - 1) return AxisCheck::kWrongOutput;
  for (int32_t i = 0; i < output.rank; ++i) {
    if (output.dims[i] != input.dims[i < a ? i : i + 1]) return AxisCheck::kWrongOutput;
  }
  g->outer = input.num_elements(0, a);
  g->axis_size = input.dims[a];
  g->inner = input.num_elements(a + 1, input.rank);
  return AxisCheck::kOk;
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc axis = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  switch (input.type) {
    case TensorType::kFloat32:
    case TensorType::kInt8:
    case TensorType::kInt16:
    case TensorType::kInt32:
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  if (output.type != TensorType::kInt32 && output.type != TensorType::kInt64) {
    return ctx.unsupported_type(output, "output");
  }
  if (axis.type != TensorType::kInt32 && axis.type != TensorType::kInt64) {
    return ctx.unsupported_type(axis, "axis");
  }
  if (axis.shape.num_elements() < 1) {
    return ctx.fail(Status::kInvalidModel, "axis tensor {} is empty", axis.index);
  }
  if (input.shape.rank < 1) {
    return ctx.fail(Status::kInvalidModel, "input is a scalar; ARG_MAX needs rank 1 or more");
  }
  if (output.shape.rank != input.shape.rank - 1) {
    return ctx.fail(Status::kInvalidModel, "output has rank {}, expected {} (input rank - 1)",
                    output.shape.rank, input.shape.rank - 1);
  }

  auto* data = ctx.allocate<ArgMaxData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->input_shape = input.shape;
  data->output_shape = output.shape;
  data->input_type = input.type;
  data->output_type = output.type;
  data->axis_type = axis.type;
  data->axis_constant = axis.is_constant();
  if (data->axis_constant) {
    if (axis.data_bytes < type_size(axis.type)) {
      return ctx.fail(Status::kInvalidModel, "axis tensor {} has no data", axis.index);
    }
    const int64_t value = read_axis(axis.data, axis.type);
    switch (make_geometry(input.shape, output.shape, value, &data->geometry)) {
      case AxisCheck::kOk:
        break;
      case AxisCheck::kOutOfRange:
        return ctx.fail(Status::kInvalidModel, "axis {} is out of range for an input of rank {}",
                        value, input.shape.rank);
      case AxisCheck::kWrongOutput:
        return ctx.fail(Status::kInvalidModel,
                        "output tensor {} is not the input shape without axis {}", output.index,
                        value);
    }
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

template <typename T>
Status run(EvalContext& ctx, const ArgMaxData& data, const ref::ArgMaxGeometry& g) {
  if (data.output_type == TensorType::kInt64) {
    ref::arg_max(g, ctx.input<T>(0), ctx.output<int64_t>(0));
  } else {
    ref::arg_max(g, ctx.input<T>(0), ctx.output<int32_t>(0));
  }
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ArgMaxData>();
  ref::ArgMaxGeometry g = data.geometry;
  if (!data.axis_constant) {
    const int64_t value = read_axis(ctx.input<uint8_t>(1), data.axis_type);
    switch (make_geometry(data.input_shape, data.output_shape, value, &g)) {
      case AxisCheck::kOk:
        break;
      case AxisCheck::kOutOfRange:
        return ctx.fail("axis {} is out of range for an input of rank {}", value,
                        data.input_shape.rank);
      case AxisCheck::kWrongOutput:
        return ctx.fail("the output shape does not match the input without axis {}", value);
    }
  }
  switch (data.input_type) {
    case TensorType::kFloat32:
      return run<float>(ctx, data, g);
    case TensorType::kInt8:
      return run<int8_t>(ctx, data, g);
    case TensorType::kInt16:
      return run<int16_t>(ctx, data, g);
    case TensorType::kInt32:
      return run<int32_t>(ctx, data, g);
    default:
      return Status::kEvalFailed;
  }
}

}  // namespace

namespace ops {
constexpr OpKernel kArgMax = {static_cast<int32_t>(schema::BuiltinOp::kArgMax), nullptr, 3,
                              static_cast<uint8_t>(schema::Options::kArgMax),   prepare, eval};
}  // namespace ops
}  // namespace mote
