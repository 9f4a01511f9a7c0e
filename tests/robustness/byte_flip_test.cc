// Thousands of random byte flips of every model in ../shared/models: each mutant either loads,
// prepares and runs, or is rejected with a status and a message. Never a crash (ASan+UBSan).
//
// Flips are biased towards the FlatBuffer structure (tables, vectors, quantization, shapes) and
// away from constant weight data, where a flip only changes values. Every mutant that prepares is
// invoked. MOTE_FLIP_COUNT sets the number of mutants per model (default 2000).
#include <cstdlib>
#include <random>

#include <gtest/gtest.h>

#include "model_file.h"
#include "shared_data.h"
#include "untrusted.h"

namespace mote::testing {
namespace {

int flip_count() {
  const char* env = std::getenv("MOTE_FLIP_COUNT");
  return env != nullptr ? std::atoi(env) : 2000;
}

// Byte ranges holding constant tensor data, to aim flips elsewhere.
std::vector<std::pair<size_t, size_t>> data_ranges(const std::vector<uint8_t>& bytes) {
  std::vector<std::pair<size_t, size_t>> ranges;
  std::string error;
  auto model = tools::load_model_bytes(bytes, "model", &error);
  if (model == nullptr) return ranges;
  for (uint32_t i = 0; i < model->model.tensor_count(); ++i) {
    const TensorDesc t = model->model.tensor(i);
    if (t.data == nullptr) continue;
    const size_t begin = static_cast<size_t>(t.data - model->bytes);
    ranges.emplace_back(begin, begin + t.data_bytes);
  }
  return ranges;
}

class ByteFlipTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ByteFlipTest, MutantsRunOrAreRejected) {
  const std::vector<uint8_t> original = read_bytes(model_path(GetParam()));
  const auto ranges = data_ranges(original);
  auto in_data = [&](size_t pos) {
    for (const auto& [b, e] : ranges) {
      if (pos >= b && pos < e) return true;
    }
    return false;
  };
  std::mt19937_64 rng(std::hash<std::string>()(GetParam()));
  int loaded = 0, prepared = 0, invoked = 0;
  const int count = flip_count();
  for (int m = 0; m < count; ++m) {
    std::vector<uint8_t> mutant = original;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      size_t pos = rng() % mutant.size();
      // 9 in 10 flips land outside weight data.
      for (int tries = 0; tries < 64 && in_data(pos) && rng() % 10 != 0; ++tries) {
        pos = rng() % mutant.size();
      }
      mutant[pos] = static_cast<uint8_t>(rng() >> 56);
    }
    const UntrustedResult r = run_untrusted(mutant);
    if (r.load == Status::kOk) ++loaded;
    if (r.load != Status::kOk || (r.prepare != Status::kOk)) {
      const Status s = r.load != Status::kOk ? r.load : r.prepare;
      EXPECT_NE(s, Status::kOk);
      EXPECT_FALSE(r.messages.empty())
          << "mutant " << m << " rejected (" << status_name(s) << ") without a reason";
    } else {
      ++prepared;
    }
    if (r.invoked) ++invoked;
  }
  RecordProperty("loaded", loaded);
  RecordProperty("prepared", prepared);
  RecordProperty("invoked", invoked);
  std::printf("%s: %d mutants, %d loaded, %d prepared, %d invoked\n", GetParam().c_str(), count,
              loaded, prepared, invoked);
}

INSTANTIATE_TEST_SUITE_P(Models, ByteFlipTest, ::testing::ValuesIn(model_stems()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace mote::testing
