#include "kernels/opt/requant.h"

#include <cstring>

namespace mote {
namespace opt {

int64_t max_abs_bias(const TensorDesc& bias, bool has_bias, const int32_t* multipliers,
                     bool per_channel) {
  if (!has_bias) return 0;
  if (bias.data == nullptr || bias.type != TensorType::kInt32) return -1;
  int64_t max_abs = 0;
  const uint32_t count = bias.data_bytes / sizeof(int32_t);
  for (uint32_t i = 0; i < count; ++i) {
    if (multipliers[per_channel ? i : 0] == 0) continue;
    int32_t v = 0;
    std::memcpy(&v, bias.data + i * sizeof(int32_t), sizeof(v));
    const int64_t a = v < 0 ? -static_cast<int64_t>(v) : v;
    max_abs = a > max_abs ? a : max_abs;
  }
  return max_abs;
}

bool accumulator_fits(int64_t depth, int64_t max_abs_bias) {
  constexpr int64_t kMaxTerm = 255 * 128;
  if (max_abs_bias < 0 || depth < 0) return false;
  if (depth > prim::kRequantMaxAccumulator / kMaxTerm) return false;
  return depth * kMaxTerm + max_abs_bias <= prim::kRequantMaxAccumulator;
}

bool requant_supported(const int32_t* multipliers, const int32_t* shifts, int32_t count) {
  for (int32_t i = 0; i < count; ++i) {
    if (!prim::requant_supported(multipliers[i], shifts[i])) return false;
  }
  return true;
}

void canonicalize_zero_multipliers(const int32_t* multipliers, int32_t* shifts, int32_t count) {
  for (int32_t i = 0; i < count; ++i) {
    if (multipliers[i] == 0) shifts[i] = -1;
  }
}

}  // namespace opt
}  // namespace mote
