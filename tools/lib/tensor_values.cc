#include "tensor_values.h"

#include <cstdint>
#include <cstring>

namespace mote::tools {

double element_as_real(const TensorHandle& t, size_t i) {
  const auto* p = static_cast<const uint8_t*>(t.data);
  double q = 0.0;
  switch (t.type) {
    case TensorType::kFloat32: {
      float v;
      std::memcpy(&v, p + 4 * i, 4);
      return v;
    }
    case TensorType::kInt8:
      q = static_cast<int8_t>(p[i]);
      break;
    case TensorType::kUInt8:
      q = p[i];
      break;
    case TensorType::kInt16: {
      int16_t v;
      std::memcpy(&v, p + 2 * i, 2);
      q = v;
      break;
    }
    case TensorType::kInt32: {
      int32_t v;
      std::memcpy(&v, p + 4 * i, 4);
      q = v;
      break;
    }
    case TensorType::kInt64: {
      int64_t v;
      std::memcpy(&v, p + 8 * i, 8);
      q = static_cast<double>(v);
      break;
    }
    case TensorType::kBool:
      return p[i] != 0 ? 1.0 : 0.0;
    default:
      return 0.0;
  }
  return t.scale > 0.0f ? t.scale * (q - t.zero_point) : q;
}

}  // namespace mote::tools
