// Test access to ../shared (models, golden vectors, baselines) and tensor comparison helpers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mote/types.h"

namespace mote::testing {

// The shared folder (read-only), as configured at build time.
std::string shared_dir();
std::string model_path(const std::string& stem);

// Every model stem with a golden folder, sorted.
std::vector<std::string> golden_model_stems();
// Every .tflite model in ../shared/models, sorted (stems).
std::vector<std::string> model_stems();

nlohmann::json read_json(const std::string& path);
std::vector<uint8_t> read_bytes(const std::string& path);

TensorType type_from_name(const std::string& name);

// Compares two tensors of `type`: integers byte for byte, float32 within |a-b| <= 1e-5 + 1e-4|b|
// (../shared/golden/README.md). Returns "" when equal, else a description of the first
// mismatch and the number of mismatching elements.
std::string compare_tensor(TensorType type, const uint8_t* actual, const uint8_t* expected,
                           size_t bytes);

}  // namespace mote::testing
