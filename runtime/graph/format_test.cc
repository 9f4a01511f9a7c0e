// Message formatting without <cstdio>.
#include "mote/format.h"

#include <gtest/gtest.h>

namespace mote {
namespace {

template <typename... Args>
std::string fmt(const char* f, Args... args) {
  char buffer[128];
  format_to(buffer, sizeof(buffer), f, args...);
  return buffer;
}

TEST(Format, Placeholders) {
  EXPECT_EQ(fmt("node {} {}: {} bytes", 7, "CONV_2D", uint64_t{18446744073709551615u}),
            "node 7 CONV_2D: 18446744073709551615 bytes");
  EXPECT_EQ(fmt("{} {} {}", INT64_MIN, true, static_cast<const char*>(nullptr)),
            "-9223372036854775808 true (null)");
  EXPECT_EQ(fmt("no args {}"), "no args ");
  EXPECT_EQ(fmt("{}", 0.5f), "0.5");
  EXPECT_EQ(fmt("{}", 0.0078125), "0.0078125");
  EXPECT_EQ(fmt("{}", 1e-7), "1e-7");
  EXPECT_EQ(fmt("{}", -2.0), "-2");
}

TEST(Format, TruncatesSafely) {
  char small[8];
  const size_t n = format_to(small, sizeof(small), "{} and more text", 123456);
  EXPECT_EQ(n, 7u);
  EXPECT_STREQ(small, "123456 ");
}

}  // namespace
}  // namespace mote
