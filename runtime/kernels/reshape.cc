// RESHAPE: any fixed-size element type (TFLM copies bytes whatever the type). Inputs: input,
// optional shape (int32 [rank]); option new_shape. Output and input have the same type.
//
// As in TFLM, the output shape is the one the model gives the output tensor and the data is
// copied unchanged (quantization parameters are not looked at). Prepare also resolves the
// requested shape (the shape tensor when it is a constant int32 vector, else the new_shape
// option; one -1 is inferred from the element count) and requires it to be the output's shape,
// so a model whose shape data contradicts its tensors is rejected at load. A shape tensor
// computed at run time is not checked (TFLM never reads it either).
#include <cstring>
#include <limits>

#include "mote/ops.h"

namespace mote {
namespace {

struct ReshapeData {
  uint32_t bytes = 0;
};

// The requested shape as stored in the model (any alignment), or known == false.
struct NewShape {
  bool known = false;
  bool from_tensor = false;
  uint32_t count = 0;
  const uint8_t* data = nullptr;  // count little-endian int32
};

NewShape find_new_shape(const PrepareContext& ctx) {
  NewShape s;
  if (ctx.has_input(1)) {
    const TensorDesc shape = ctx.input(1);
    if (!shape.is_constant()) return s;
    if (shape.type == TensorType::kInt32 && shape.shape.rank == 1) {
      s.known = true;
      s.from_tensor = true;
      s.count = static_cast<uint32_t>(shape.shape.dims[0]);
      s.data = shape.data;
      return s;
    }
  }
  if (!ctx.options().valid()) return s;
  fb::Vector v;
  if (ctx.options().vector(schema::reshape_options::kNewShape, sizeof(int32_t), &v) !=
      fb::FieldState::kPresent) {
    return s;
  }
  s.known = true;
  s.count = v.length();
  s.data = v.data();
  return s;
}

Status check_new_shape(const PrepareContext& ctx, const NewShape& s, int64_t input_elements,
                       const Shape& output) {
  const char* source = s.from_tensor ? "shape tensor" : "new_shape option";
  uint32_t count = s.count;
  // Legacy converters wrote new_shape [0] for a scalar (TFLM's ReshapeOutput does the same).
  if (!s.from_tensor && ctx.input_count() == 1 && count == 1 && fb::load<int32_t>(s.data) == 0) {
    count = 0;
  }
  if (count != static_cast<uint32_t>(output.rank)) {
    return ctx.fail(Status::kInvalidModel, "{} has {} dimensions but the output has rank {}",
                    source, count, output.rank);
  }
  int32_t dims[kMaxRank] = {};
  int32_t stretch = -1;
  int64_t product = 1;
  for (uint32_t i = 0; i < count; ++i) {
    dims[i] = fb::load<int32_t>(s.data + i * sizeof(int32_t));
    if (dims[i] == -1) {
      if (stretch >= 0) {
        return ctx.fail(Status::kInvalidModel, "{} has more than one -1 dimension", source);
      }
      stretch = static_cast<int32_t>(i);
    } else if (dims[i] < 0) {
      return ctx.fail(Status::kInvalidModel, "{} dimension {} is {}", source, i, dims[i]);
    } else {
      // Dimensions are int32 and there are at most kMaxRank of them; stop before the product
      // could overflow (it then exceeds any element count anyway).
      if (dims[i] != 0 && product > std::numeric_limits<int64_t>::max() / dims[i]) {
        return ctx.fail(Status::kInvalidModel, "{} describes too many elements", source);
      }
      product *= dims[i];
    }
  }
  if (stretch >= 0) {
    if (product == 0 || input_elements % product != 0 ||
        input_elements / product > std::numeric_limits<int32_t>::max()) {
      return ctx.fail(Status::kInvalidModel,
                      "cannot infer the -1 dimension of the {}: {} input elements, {} in the "
                      "other dimensions",
                      source, input_elements, product);
    }
    dims[stretch] = static_cast<int32_t>(input_elements / product);
  } else if (product != input_elements) {
    return ctx.fail(Status::kInvalidModel, "{} holds {} elements, the input has {}", source,
                    product, input_elements);
  }
  for (uint32_t i = 0; i < count; ++i) {
    if (dims[i] != output.dims[i]) {
      return ctx.fail(Status::kInvalidModel,
                      "{} gives dimension {} as {} but the output tensor has {}", source, i,
                      dims[i], output.dims[i]);
    }
  }
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(1, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_same_type(input, output));
  if (type_size(input.type) == 0) return ctx.unsupported_type(input, "input");
  const int64_t input_elements = input.shape.num_elements();
  if (output.shape.num_elements() != input_elements) {
    return ctx.fail(Status::kInvalidModel, "input has {} elements but the output has {}",
                    input_elements, output.shape.num_elements());
  }
  const NewShape new_shape = find_new_shape(ctx);
  if (new_shape.known) MOTE_TRY(check_new_shape(ctx, new_shape, input_elements, output.shape));

  auto* data = ctx.allocate<ReshapeData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->bytes = input.byte_size();
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ReshapeData>();
  const void* in = ctx.input_data(0);
  void* out = ctx.output_data(0);
  // An in-place (aliased) reshape has nothing to copy, as in TFLM.
  if (data.bytes > 0 && in != out) std::memcpy(out, in, data.bytes);
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kReshape = {static_cast<int32_t>(schema::BuiltinOp::kReshape), nullptr, 1,
                               static_cast<uint8_t>(schema::Options::kReshape),   prepare, eval};
}  // namespace ops
}  // namespace mote
