// Line-oriented output for firmware: text and integers, without printf (which would add
// kilobytes of flash to every image). A Line collects its pieces and writes them, with a
// newline, through semihosting when it goes out of scope:
//
//   mote::target::Line() << "case " << number << " pass";
//
// Lines longer than kCapacity characters are cut. Never used inside a measured region.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace mote::target {

// Prints as 0x-prefixed hexadecimal: Line() << Hex{address};
struct Hex {
  uint32_t value;
};

class Line {
 public:
  static constexpr size_t kCapacity = 240;

  Line() = default;
  Line(const Line&) = delete;
  Line& operator=(const Line&) = delete;
  ~Line();

  Line& operator<<(const char* text);
  Line& operator<<(char c);
  Line& operator<<(Hex hex);

  template <typename T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
  Line& operator<<(T value) {
    if constexpr (std::is_signed_v<T>) {
      append_signed(static_cast<int64_t>(value));
    } else {
      append_unsigned(static_cast<uint64_t>(value));
    }
    return *this;
  }

 private:
  void append_signed(int64_t value);
  void append_unsigned(uint64_t value);

  char text_[kCapacity + 2] = {};  // room for the newline and the terminator
  size_t length_ = 0;
};

}  // namespace mote::target
