#include "shared_data.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

namespace mote::testing {

std::string shared_dir() { return MOTE_SHARED_DIR; }

std::string model_path(const std::string& stem) {
  return shared_dir() + "/models/" + stem + ".tflite";
}

std::vector<std::string> golden_model_stems() {
  std::vector<std::string> stems;
  const std::filesystem::path root = shared_dir() + "/golden";
  if (!std::filesystem::exists(root)) return stems;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "manifest.json")) {
      stems.push_back(entry.path().filename().string());
    }
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

std::vector<std::string> model_stems() {
  std::vector<std::string> stems;
  const std::filesystem::path root = shared_dir() + "/models";
  if (!std::filesystem::exists(root)) return stems;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.path().extension() == ".tflite") stems.push_back(entry.path().stem().string());
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  return nlohmann::json::parse(in);
}

TensorType type_from_name(const std::string& name) {
  for (int t = 0; t <= kMaxTensorType; ++t) {
    if (name == type_name(static_cast<TensorType>(t))) return static_cast<TensorType>(t);
  }
  throw std::runtime_error("unknown dtype " + name);
}

std::string compare_tensor(TensorType type, const uint8_t* actual, const uint8_t* expected,
                           size_t bytes) {
  size_t mismatches = 0;
  std::string first;
  if (type == TensorType::kFloat32) {
    for (size_t i = 0; i < bytes / 4; ++i) {
      float a, b;
      std::memcpy(&a, actual + 4 * i, 4);
      std::memcpy(&b, expected + 4 * i, 4);
      const bool ok =
          std::fabs(a - b) <= 1e-5f + 1e-4f * std::fabs(b) || (std::isnan(a) && std::isnan(b));
      if (!ok) {
        if (mismatches == 0) first = fmt::format("element {}: got {} expected {}", i, a, b);
        ++mismatches;
      }
    }
  } else {
    const size_t element = std::max<size_t>(type_size(type), 1);
    for (size_t i = 0; i < bytes; i += element) {
      if (std::memcmp(actual + i, expected + i, element) != 0) {
        if (mismatches == 0) {
          int64_t a = 0, b = 0;
          if (type == TensorType::kInt8) {
            a = static_cast<int8_t>(actual[i]);
            b = static_cast<int8_t>(expected[i]);
          } else if (type == TensorType::kInt16) {
            int16_t x, y;
            std::memcpy(&x, actual + i, 2);
            std::memcpy(&y, expected + i, 2);
            a = x;
            b = y;
          } else if (type == TensorType::kInt32) {
            int32_t x, y;
            std::memcpy(&x, actual + i, 4);
            std::memcpy(&y, expected + i, 4);
            a = x;
            b = y;
          } else {
            a = actual[i];
            b = expected[i];
          }
          first = fmt::format("element {}: got {} expected {}", i / element, a, b);
        }
        ++mismatches;
      }
    }
  }
  if (mismatches == 0) return "";
  return fmt::format("{} of {} elements differ; first: {}", mismatches,
                     bytes / std::max<size_t>(type_size(type), 1), first);
}

}  // namespace mote::testing
