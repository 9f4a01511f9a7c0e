#include "kernels/const_tensor.h"

#include <cstring>

#include "kernels/kernel_util.h"

namespace mote {
namespace kernels {

bool is_integer_index_type(TensorType type) {
  return is_one_of(type, TensorType::kInt8, TensorType::kInt16, TensorType::kInt32,
                   TensorType::kInt64);
}

int64_t load_integer(const uint8_t* data, TensorType type, int64_t i) {
  const auto at = static_cast<size_t>(i);
  switch (type) {
    case TensorType::kInt8:
      return static_cast<int8_t>(data[at]);
    case TensorType::kInt16: {
      int16_t v = 0;
      std::memcpy(&v, data + at * sizeof(v), sizeof(v));
      return v;
    }
    case TensorType::kInt32: {
      int32_t v = 0;
      std::memcpy(&v, data + at * sizeof(v), sizeof(v));
      return v;
    }
    case TensorType::kInt64: {
      int64_t v = 0;
      std::memcpy(&v, data + at * sizeof(v), sizeof(v));
      return v;
    }
    default:
      return 0;
  }
}

Status read_constant_ints(const PrepareContext& ctx, const TensorDesc& tensor, const char* role,
                          int64_t* values, int64_t count) {
  if (!is_integer_index_type(tensor.type)) return ctx.unsupported_type(tensor, role);
  if (tensor.shape.num_elements() != count) {
    return ctx.fail(Status::kInvalidModel, "{} tensor {} has {} values, expected {}", role,
                    tensor.index, tensor.shape.num_elements(), count);
  }
  if (count == 0) return Status::kOk;  // an empty tensor may have no buffer at all
  if (!tensor.is_constant()) {
    return ctx.fail(Status::kUnsupported, "{} tensor {} is not constant", role, tensor.index);
  }
  if (static_cast<int64_t>(tensor.data_bytes) <
      count * static_cast<int64_t>(type_size(tensor.type))) {
    return ctx.fail(Status::kInvalidModel, "{} tensor {} holds {} bytes for {} values", role,
                    tensor.index, tensor.data_bytes, count);
  }
  for (int64_t i = 0; i < count; ++i) values[i] = load_integer(tensor.data, tensor.type, i);
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
