// Deterministic test inputs, following the rules of ../shared/golden/README.md (splitmix64, one
// draw per element, seed = case number, "full range" and "narrow" mappings). `mote run` uses
// them when no --input is given, and the golden tests check that they reproduce the golden
// inputs byte for byte.
#pragma once

#include <cstdint>
#include <vector>

#include "mote/types.h"

namespace mote::tools {

enum class InputRule { kFullRange, kNarrow };

struct InputRuleParams {
  int int8_bits = 5;
  int int16_bits = 6;
  double float_fraction = 0.25;
};

struct InputSpec {
  TensorType type = TensorType::kInt8;
  size_t elements = 0;
  int32_t zero_point = 0;
  double float_lo = -1.0;  // float32 range (full-range rule)
  double float_hi = 1.0;
};

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next();

 private:
  uint64_t state_;
};

// Fills one buffer per spec, in order, from one stream seeded with `seed`. Returns false for a
// type the rules do not cover.
bool generate_inputs(uint64_t seed, InputRule rule, const InputRuleParams& params,
                     const std::vector<InputSpec>& specs, std::vector<std::vector<uint8_t>>* out);

}  // namespace mote::tools
