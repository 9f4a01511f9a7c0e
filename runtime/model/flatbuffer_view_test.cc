// The bounds-checked FlatBuffers reader on hand-made byte strings.
#include "mote/flatbuffer_view.h"

#include <cstring>
#include <vector>

#include <gtest/gtest.h>

namespace mote::fb {
namespace {

// A table at position 8 with a vtable at 0 declaring two fields: a uint32 at +4 and an offset
// to a vector at +8.
std::vector<uint8_t> small_buffer() {
  std::vector<uint8_t> b(40, 0);
  auto put16 = [&](size_t at, uint16_t v) { std::memcpy(&b[at], &v, 2); };
  auto put32 = [&](size_t at, uint32_t v) { std::memcpy(&b[at], &v, 4); };
  put16(0, 8);   // vtable size: 4 + 2 fields * 2
  put16(2, 12);  // table size
  put16(4, 4);   // field 0 at table + 4
  put16(6, 8);   // field 1 at table + 8
  put32(8, 8);   // table: soffset to vtable (table - 8 = 0)
  put32(12, 0xABCD);
  put32(16, 8);  // field 1: uoffset from 16 -> vector at 24
  put32(24, 3);  // vector length 3 (int32)
  put32(28, 10);
  put32(32, 20);
  put32(36, 30);
  return b;
}

TEST(FlatbufferView, ReadsScalarsAndVectors) {
  const auto bytes = small_buffer();
  const Buffer buffer{bytes.data(), static_cast<uint32_t>(bytes.size())};
  const Table t = Table::at(buffer, 8);
  ASSERT_TRUE(t.valid());
  EXPECT_EQ(t.scalar<uint32_t>(0, 0), 0xABCDu);
  EXPECT_EQ(t.scalar<uint32_t>(5, 77), 77u);  // absent: default
  Vector v;
  ASSERT_EQ(t.vector(1, 4, &v), FieldState::kPresent);
  ASSERT_EQ(v.length(), 3u);
  EXPECT_EQ(v.at<int32_t>(2), 30);
}

TEST(FlatbufferView, RejectsEveryTruncation) {
  const auto bytes = small_buffer();
  for (uint32_t size = 0; size < bytes.size(); ++size) {
    const Buffer buffer{bytes.data(), size};
    const Table t = Table::at(buffer, 8);
    if (!t.valid()) continue;
    Vector v;
    EXPECT_NE(t.vector(1, 4, &v), FieldState::kPresent) << "size " << size;
  }
}

TEST(FlatbufferView, RejectsHostileOffsetsAndLengths) {
  auto bytes = small_buffer();
  const Buffer buffer{bytes.data(), static_cast<uint32_t>(bytes.size())};
  std::vector<uint8_t> copy = bytes;
  const uint32_t huge = 0xFFFFFFF0u;
  std::memcpy(&copy[24], &huge, 4);  // vector length that would overflow 32-bit arithmetic
  Vector v;
  EXPECT_EQ(Table::at(Buffer{copy.data(), buffer.size}, 8).vector(1, 4, &v), FieldState::kBad);
  copy = bytes;
  std::memcpy(&copy[16], &huge, 4);  // offset past the end
  EXPECT_EQ(Table::at(Buffer{copy.data(), buffer.size}, 8).vector(1, 4, &v), FieldState::kBad);
  copy = bytes;
  const int32_t far = -1000000;
  std::memcpy(&copy[8], &far, 4);  // vtable after the end
  EXPECT_FALSE(Table::at(Buffer{copy.data(), buffer.size}, 8).valid());
  copy = bytes;
  const uint16_t field_past_table = 40;
  std::memcpy(&copy[4], &field_past_table, 2);  // field outside its table
  EXPECT_EQ(Table::at(Buffer{copy.data(), buffer.size}, 8).field(0, 4, nullptr), FieldState::kBad);
  EXPECT_FALSE(Table::at(buffer, 9).valid());  // misaligned table
  EXPECT_FALSE(Table::at(Buffer{nullptr, 0}, 0).valid());
}

TEST(FlatbufferView, StringsNeedTheirTerminator) {
  std::vector<uint8_t> b(24, 0);
  auto put16 = [&](size_t at, uint16_t v) { std::memcpy(&b[at], &v, 2); };
  auto put32 = [&](size_t at, uint32_t v) { std::memcpy(&b[at], &v, 4); };
  put16(0, 6);
  put16(2, 8);
  put16(4, 4);
  put32(8, 8);
  put32(12, 4);  // -> string at 16
  put32(16, 3);
  b[20] = 'a';
  b[21] = 'b';
  b[22] = 'c';
  b[23] = 0;
  const char* s = nullptr;
  EXPECT_EQ(Table::at(Buffer{b.data(), 24}, 8).string(0, &s), FieldState::kPresent);
  EXPECT_STREQ(s, "abc");
  b[23] = 'd';
  EXPECT_EQ(Table::at(Buffer{b.data(), 24}, 8).string(0, &s), FieldState::kBad);
  EXPECT_EQ(Table::at(Buffer{b.data(), 23}, 8).string(0, &s), FieldState::kBad);
}

}  // namespace
}  // namespace mote::fb
