#include "kernels/select_common.h"

#include "kernels/kernel_util.h"
#include "kernels/ref/select.h"
#include "mote/types.h"

namespace mote {
namespace kernels {
namespace {

enum class SelectLayout : uint8_t { kElementwise, kRankOne, kBroadcast };

struct SelectData {
  ref::SelectGeometry geometry;  // kBroadcast
  int64_t count = 0;             // kElementwise
  int64_t outer = 0;             // kRankOne
  int64_t inner = 0;             // kRankOne
  uint8_t element_size = 1;
  SelectLayout layout = SelectLayout::kElementwise;
};

template <typename T>
void run(EvalContext& ctx, const SelectData& data) {
  const auto* condition = ctx.input<uint8_t>(0);
  const T* x = ctx.input<T>(1);
  const T* y = ctx.input<T>(2);
  T* output = ctx.output<T>(0);
  switch (data.layout) {
    case SelectLayout::kElementwise:
      ref::select_elementwise(data.count, condition, x, y, output);
      break;
    case SelectLayout::kRankOne:
      ref::select_rank_one(data.outer, data.inner, condition, x, y, output);
      break;
    case SelectLayout::kBroadcast:
      ref::select_broadcast(data.geometry, condition, x, y, output);
      break;
  }
}

Status expect_output_shape(const PrepareContext& ctx, const TensorDesc& output,
                           const Shape& expected) {
  if (ref::same_extended_shape(output.shape, expected)) return Status::kOk;
  return ctx.fail(Status::kInvalidModel, "output shape {} differs from the selected shape {}",
                  ShapeText(output.shape).c_str(), ShapeText(expected).c_str());
}

// TFLite's SELECT (version one) when the shapes differ: a scalar condition picks all of x or y;
// a vector condition picks slices along x's first dimension.
Status prepare_rank_one(const PrepareContext& ctx, const TensorDesc& condition, const TensorDesc& x,
                        const TensorDesc& y, SelectData* data) {
  const bool scalar = condition.shape.rank == 0;
  const bool vector =
      condition.shape.rank == 1 && x.shape.rank >= 1 && condition.shape.dims[0] == x.shape.dims[0];
  if (!scalar && !vector) {
    return ctx.fail(Status::kInvalidModel,
                    "condition shape {} is neither x's shape {}, a scalar, nor a vector along x's "
                    "first dimension",
                    ShapeText(condition.shape).c_str(), ShapeText(x.shape).c_str());
  }
  if (x.shape != y.shape) {
    return ctx.fail(Status::kInvalidModel, "x shape {} differs from y shape {}",
                    ShapeText(x.shape).c_str(), ShapeText(y.shape).c_str());
  }
  data->layout = SelectLayout::kRankOne;
  data->outer = condition.shape.num_elements();
  data->inner = scalar ? x.shape.num_elements() : x.shape.num_elements(1, x.shape.rank);
  return Status::kOk;
}

}  // namespace

Status prepare_select(PrepareContext& ctx, SelectVersion version) {
  MOTE_TRY(ctx.expect_counts(3, 3, 1));
  const TensorDesc condition = ctx.input(0);
  const TensorDesc x = ctx.input(1);
  const TensorDesc y = ctx.input(2);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_type(condition, "condition", TensorType::kBool));
  MOTE_TRY(ctx.expect_same_type(x, y));
  MOTE_TRY(ctx.expect_same_type(x, output));
  if (!is_one_of(x.type, TensorType::kBool, TensorType::kFloat32, TensorType::kUInt8,
                 TensorType::kInt8, TensorType::kInt16, TensorType::kInt32, TensorType::kInt64)) {
    return ctx.unsupported_type(x, "x");
  }
  auto* data = ctx.allocate<SelectData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->element_size = static_cast<uint8_t>(type_size(x.type));

  const bool all_single = condition.shape.num_elements() == 1 && x.shape.num_elements() == 1 &&
                          y.shape.num_elements() == 1 && output.shape.num_elements() == 1;
  const bool same_shapes = condition.shape == x.shape && x.shape == y.shape;
  if (all_single || same_shapes) {
    // TFLite keeps the output's own shape for one-element tensors of mixed ranks.
    if (!all_single) MOTE_TRY(expect_output_shape(ctx, output, x.shape));
    data->layout = SelectLayout::kElementwise;
    data->count = x.shape.num_elements();
  } else if (version == SelectVersion::kSelect) {
    MOTE_TRY(prepare_rank_one(ctx, condition, x, y, data));
    MOTE_TRY(expect_output_shape(ctx, output, x.shape));
  } else {
    Shape broadcast;
    if (!ref::make_select_geometry(condition.shape, x.shape, y.shape, &broadcast,
                                   &data->geometry)) {
      return ctx.fail(Status::kInvalidModel,
                      "condition, x and y shapes {}, {} and {} do not "
                      "broadcast",
                      ShapeText(condition.shape).c_str(), ShapeText(x.shape).c_str(),
                      ShapeText(y.shape).c_str());
    }
    MOTE_TRY(expect_output_shape(ctx, output, broadcast));
    data->layout = SelectLayout::kBroadcast;
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_select(EvalContext& ctx) {
  const auto& data = ctx.op_data<SelectData>();
  switch (data.element_size) {
    case 1:
      run<uint8_t>(ctx, data);
      break;
    case 2:
      run<uint16_t>(ctx, data);
      break;
    case 4:
      run<uint32_t>(ctx, data);
      break;
    case 8:
      run<uint64_t>(ctx, data);
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
