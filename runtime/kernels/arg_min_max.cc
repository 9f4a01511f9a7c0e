#include "kernels/arg_min_max.h"

#include <cstring>

#include "kernels/ref/arg_max.h"

namespace mote {
namespace kernels {
namespace {

struct ArgMinMaxData {
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

template <typename T, typename Index>
void write_indices(const ref::ArgMaxGeometry& g, const T* input, Index* output, ArgKind kind) {
  if (kind == ArgKind::kMax) {
    ref::arg_max(g, input, output);
  } else {
    ref::arg_min(g, input, output);
  }
}

template <typename T>
Status run(EvalContext& ctx, const ArgMinMaxData& data, const ref::ArgMaxGeometry& g,
           ArgKind kind) {
  if (data.output_type == TensorType::kInt64) {
    write_indices(g, ctx.input<T>(0), ctx.output<int64_t>(0), kind);
  } else {
    write_indices(g, ctx.input<T>(0), ctx.output<int32_t>(0), kind);
  }
  return Status::kOk;
}

}  // namespace

Status prepare_arg_min_max(PrepareContext& ctx) {
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
    return ctx.fail(Status::kInvalidModel, "input is a scalar; the op needs rank 1 or more");
  }
  if (output.shape.rank != input.shape.rank - 1) {
    return ctx.fail(Status::kInvalidModel, "output has rank {}, expected {} (input rank - 1)",
                    output.shape.rank, input.shape.rank - 1);
  }

  auto* data = ctx.allocate<ArgMinMaxData>();
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

Status eval_arg_min_max(EvalContext& ctx, ArgKind kind) {
  const auto& data = ctx.op_data<ArgMinMaxData>();
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
      return run<float>(ctx, data, g, kind);
    case TensorType::kInt8:
      return run<int8_t>(ctx, data, g, kind);
    case TensorType::kInt16:
      return run<int16_t>(ctx, data, g, kind);
    case TensorType::kInt32:
      return run<int32_t>(ctx, data, g, kind);
    default:
      return Status::kEvalFailed;
  }
}

}  // namespace kernels
}  // namespace mote
