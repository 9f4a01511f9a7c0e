#include "input_gen.h"

#include <algorithm>
#include <cstring>

namespace mote::tools {

uint64_t SplitMix64::next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

namespace {

template <typename T>
void put(std::vector<uint8_t>& buffer, size_t i, T value) {
  std::memcpy(buffer.data() + i * sizeof(T), &value, sizeof(T));
}

int clamp_int(int v, int lo, int hi) { return std::min(std::max(v, lo), hi); }

}  // namespace

bool generate_inputs(uint64_t seed, InputRule rule, const InputRuleParams& params,
                     const std::vector<InputSpec>& specs, std::vector<std::vector<uint8_t>>* out) {
  SplitMix64 rng(seed);
  out->clear();
  const bool narrow = rule == InputRule::kNarrow;
  for (const InputSpec& spec : specs) {
    std::vector<uint8_t> buffer(spec.elements * type_size(spec.type));
    double lo = spec.float_lo, hi = spec.float_hi;
    if (narrow) {
      const double f = params.float_fraction;
      const double new_lo = spec.float_lo + ((1.0 - f) / 2.0) * (spec.float_hi - spec.float_lo);
      const double new_hi = spec.float_lo + ((1.0 + f) / 2.0) * (spec.float_hi - spec.float_lo);
      lo = new_lo;
      hi = new_hi;
    }
    for (size_t i = 0; i < spec.elements; ++i) {
      const uint64_t x = rng.next();
      switch (spec.type) {
        case TensorType::kInt8:
          if (narrow) {
            const int b = params.int8_bits;
            const int v = spec.zero_point + (static_cast<int>(x >> (64 - b)) - (1 << (b - 1)));
            put<int8_t>(buffer, i, static_cast<int8_t>(clamp_int(v, -128, 127)));
          } else {
            put<int8_t>(buffer, i, static_cast<int8_t>(x >> 56));
          }
          break;
        case TensorType::kInt16:
          if (narrow) {
            const int b = params.int16_bits;
            const int v = spec.zero_point + (static_cast<int>(x >> (64 - b)) - (1 << (b - 1)));
            put<int16_t>(buffer, i, static_cast<int16_t>(clamp_int(v, -32768, 32767)));
          } else {
            put<int16_t>(buffer, i, static_cast<int16_t>(x >> 48));
          }
          break;
        case TensorType::kUInt8:
          put<uint8_t>(buffer, i, static_cast<uint8_t>(x >> 56));
          break;
        case TensorType::kInt32:
          put<int32_t>(buffer, i, static_cast<int32_t>(x >> 32));
          break;
        case TensorType::kBool:
          put<uint8_t>(buffer, i, (x >> 63) != 0 ? 1 : 0);
          break;
        case TensorType::kFloat32: {
          const double u = static_cast<double>(x >> 11) * 0x1.0p-53;
          put<float>(buffer, i, static_cast<float>(lo + (hi - lo) * u));
          break;
        }
        default:
          return false;
      }
    }
    out->push_back(std::move(buffer));
  }
  return true;
}

}  // namespace mote::tools
