// Every truncation of small models is rejected with a status (or, for a prefix that happens to
// be a whole valid file, runs), never a crash or an out-of-bounds read (ASan in CI).
#include <gtest/gtest.h>

#include "shared_data.h"
#include "untrusted.h"

namespace mote::testing {
namespace {

class TruncationTest : public ::testing::TestWithParam<std::string> {};

TEST_P(TruncationTest, EveryPrefixIsRejectedCleanly) {
  const std::vector<uint8_t> bytes = read_bytes(model_path(GetParam()));
  ASSERT_FALSE(bytes.empty());
  // Models under 64 KiB: every length. Larger ones: every length in the first 4 KiB (headers,
  // vtables) and the last 4 KiB (tables FlatBuffers writes at the end), and a stride between.
  const size_t n = bytes.size();
  size_t rejected = 0, tried = 0;
  for (size_t length = 0; length < n; ++length) {
    const bool dense = n <= 65536 || length < 4096 || length + 4096 >= n;
    if (!dense && length % 997 != 0) continue;
    const UntrustedResult r = run_untrusted(bytes.data(), length, 1000000);
    ++tried;
    if (r.load != Status::kOk) {
      ++rejected;
      EXPECT_EQ(r.load, Status::kInvalidModel) << "length " << length;
      EXPECT_FALSE(r.messages.empty()) << "length " << length << ": rejected without a reason";
    }
  }
  // A truncated FlatBuffer loses its tail, which holds data the root refers to: nearly every
  // prefix must be rejected.
  EXPECT_GT(rejected, tried * 99 / 100) << rejected << " of " << tried;
}

INSTANTIATE_TEST_SUITE_P(Models, TruncationTest,
                         ::testing::Values("hello_world_int8", "hello_world_float",
                                           "micro_speech_quantized", "kws_ref_model"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace mote::testing
