#include "macs.h"

#include "mote/tflite_schema.h"

namespace mote::tools {
namespace {

Shape shape_of(const Model& model, const OperatorDesc& op, bool output, uint32_t i) {
  const PackedArray<int32_t>& list = output ? op.outputs : op.inputs;
  if (i >= list.size() || list[i] < 0) return Shape();
  return model.tensor(static_cast<uint32_t>(list[i])).shape;
}

int64_t last_dim(const Shape& s) { return s.rank > 0 ? s.dims[s.rank - 1] : 1; }

}  // namespace

int64_t count_macs(const Model& model, const OperatorDesc& op) {
  using schema::BuiltinOp;
  const auto code = static_cast<BuiltinOp>(op.builtin_code);
  const Shape out = shape_of(model, op, true, 0);
  const Shape filter = shape_of(model, op, false, 1);
  switch (code) {
    case BuiltinOp::kConv2D:  // filter [out_c, kh, kw, in_c]
      if (filter.rank != 4) return 0;
      return out.num_elements() * filter.dims[1] * filter.dims[2] * filter.dims[3];
    case BuiltinOp::kDepthwiseConv2D:  // filter [1, kh, kw, out_c]
      if (filter.rank != 4) return 0;
      return out.num_elements() * filter.dims[1] * filter.dims[2];
    case BuiltinOp::kFullyConnected:  // filter [units, depth]
      return out.num_elements() * last_dim(filter);
    case BuiltinOp::kTransposeConv: {  // inputs: output_shape, filter [out_c, kh, kw, in_c], x
      const Shape input = shape_of(model, op, false, 2);
      if (filter.rank != 4) return 0;
      return input.num_elements() * filter.dims[0] * filter.dims[1] * filter.dims[2];
    }
    case BuiltinOp::kSvdf: {  // feature [filters, in], time [filters, memory]
      const Shape input = shape_of(model, op, false, 0);
      const Shape time = shape_of(model, op, false, 2);
      const int64_t batch = input.rank > 0 ? input.dims[0] : 1;
      const int64_t filters = filter.rank > 0 ? filter.dims[0] : 0;
      return batch * filters * (last_dim(filter) + last_dim(time));
    }
    case BuiltinOp::kUnidirectionalSequenceLstm: {
      // Four gates, each an input and a recurrent matrix-vector product per step.
      const Shape input = shape_of(model, op, false, 0);
      const Shape input_to_output = shape_of(model, op, false, 4);      // [cells, input]
      const Shape recurrent_to_output = shape_of(model, op, false, 8);  // [cells, output]
      const Shape projection = shape_of(model, op, false, 16);          // [output, cells]
      const int64_t steps = input.num_elements() / (last_dim(input) > 0 ? last_dim(input) : 1);
      const int64_t per_step =
          4 * (input_to_output.num_elements() + recurrent_to_output.num_elements()) +
          projection.num_elements();
      return steps * per_step;
    }
    default:
      return 0;
  }
}

}  // namespace mote::tools
