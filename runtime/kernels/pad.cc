// PAD and PADV2: float32, int8, int16, int32 (TFLM's set), up to 5D (TFLM's
// PadKernelMaxDimensionCount). Inputs: input, paddings (constant int32 [rank, 2]: before and
// after each axis, >= 0), optional constant_values (one element of the input's type; PADV2's
// third input, which TFLM also accepts on PAD). Output: the input's type, input dims plus
// paddings.
//
// Pad value, as TFLM chooses it: constant_values when given; otherwise 0, except int8, which
// pads with the output zero point (real 0). int16 pads with 0 whatever its zero point. int8
// constant_values must share the output's scale and zero point; nothing else is requantized.
#include <cstring>

#include "kernels/kernel_util.h"
#include "kernels/ref/pad.h"
#include "mote/ops.h"

namespace mote {
namespace {

constexpr int32_t kMaxPadRank = 5;

struct PadData {
  ref::PadGeometry geometry;
  uint8_t pad_value[8] = {};      // one element, when there is no constant_values input
  bool value_from_input = false;  // constant_values (input 2) holds the pad value
};

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                            TensorType::kInt32);
}

// Per-tensor (scale, zero point), or (0, 0) for a tensor without quantization parameters, which
// is what TFLM's TfLiteTensor::params holds then.
float scale_of(const TensorDesc& t) { return t.quant.present() ? t.quant.scale() : 0.0f; }
int32_t zero_point_of(const TensorDesc& t) { return t.quant.present() ? t.quant.zero_point() : 0; }

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 3, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc paddings = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (!supported_type(input.type)) return ctx.unsupported_type(input, "input");
  MOTE_TRY(ctx.expect_same_type(input, output));
  const int32_t rank = input.shape.rank;
  if (rank > kMaxPadRank) {
    return ctx.fail(Status::kUnsupported, "input has rank {}; at most {} is supported", rank,
                    kMaxPadRank);
  }
  if (output.shape.rank != rank) {
    return ctx.fail(Status::kInvalidModel, "output has rank {}, the input has rank {}",
                    output.shape.rank, rank);
  }
  const bool has_constant = ctx.has_input(2);
  if (has_constant) {
    const TensorDesc constant = ctx.input(2);
    MOTE_TRY(ctx.expect_same_type(constant, input));
    if (constant.shape.num_elements() != 1) {
      return ctx.fail(Status::kInvalidModel,
                      "constant_values tensor {} has {} elements, expected 1", constant.index,
                      constant.shape.num_elements());
    }
    if (input.type == TensorType::kInt8 && (scale_of(constant) != scale_of(output) ||
                                            zero_point_of(constant) != zero_point_of(output))) {
      return ctx.fail(Status::kInvalidModel,
                      "int8 constant_values (scale {}, zero point {}) must be quantized like the "
                      "output (scale {}, zero point {})",
                      scale_of(constant), zero_point_of(constant), scale_of(output),
                      zero_point_of(output));
    }
  }
  // TFLM reads the paddings in Prepare to check the output shape: they must be constant.
  if (!paddings.is_constant()) {
    return ctx.fail(Status::kUnsupported, "paddings tensor {} is not constant", paddings.index);
  }
  MOTE_TRY(ctx.expect_type(paddings, "paddings", TensorType::kInt32));
  if (paddings.shape.num_elements() != 2 * int64_t{rank}) {
    return ctx.fail(Status::kInvalidModel, "paddings tensor {} has {} elements, expected {}",
                    paddings.index, paddings.shape.num_elements(), 2 * rank);
  }

  auto* data = ctx.allocate<PadData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::PadGeometry& g = data->geometry;
  g.rank = rank;
  g.element_size = type_size(input.type);
  for (int32_t d = 0; d < rank; ++d) {
    const int32_t before = fb::load<int32_t>(paddings.data + (2 * d) * sizeof(int32_t));
    const int32_t after = fb::load<int32_t>(paddings.data + (2 * d + 1) * sizeof(int32_t));
    if (before < 0 || after < 0) {
      return ctx.fail(Status::kInvalidModel, "paddings of axis {} are {} and {}; expected >= 0", d,
                      before, after);
    }
    const int64_t expected = int64_t{input.shape.dims[d]} + before + after;
    if (output.shape.dims[d] != expected) {
      return ctx.fail(Status::kInvalidModel,
                      "output dimension {} has size {}, expected {} (input {} + {} + {})", d,
                      output.shape.dims[d], expected, input.shape.dims[d], before, after);
    }
    g.input_dims[d] = input.shape.dims[d];
    g.before[d] = before;
    g.after[d] = after;
  }
  data->value_from_input = has_constant;
  if (!has_constant && input.type == TensorType::kInt8) {
    // The loader keeps zero points within the type's range, as TFLM's Prepare requires.
    const auto zero_point = static_cast<int8_t>(zero_point_of(output));
    std::memcpy(data->pad_value, &zero_point, sizeof(zero_point));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<PadData>();
  const void* pad_value = data.value_from_input ? ctx.input_data(2) : data.pad_value;
  ref::pad(data.geometry, ctx.input_data(0), pad_value, ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
// Not declared in mote/ops.h yet; the declaration gives the constant external linkage.
extern const OpKernel kPadV2;

constexpr OpKernel kPad = {static_cast<int32_t>(schema::BuiltinOp::kPad), nullptr, 4,
                           static_cast<uint8_t>(schema::Options::kPad),   prepare, eval};
// TFLM registers the same kernel for PADV2.
constexpr OpKernel kPadV2 = {static_cast<int32_t>(schema::BuiltinOp::kPadV2), nullptr, 4,
                             static_cast<uint8_t>(schema::Options::kPadV2),   prepare, eval};
}  // namespace ops
}  // namespace mote
