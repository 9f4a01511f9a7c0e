#include "console.h"

#include "semihosting.h"

namespace mote::target {

Line::~Line() {
  text_[length_] = '\n';
  text_[length_ + 1] = '\0';
  semihosting::write0(text_);
}

Line& Line::operator<<(const char* text) {
  while (*text != '\0' && length_ < kCapacity) text_[length_++] = *text++;
  return *this;
}

Line& Line::operator<<(char c) {
  if (length_ < kCapacity) text_[length_++] = c;
  return *this;
}

Line& Line::operator<<(Hex hex) {
  *this << "0x";
  for (int shift = 28; shift >= 0; shift -= 4)
    *this << "0123456789abcdef"[(hex.value >> shift) & 0xF];
  return *this;
}

void Line::append_signed(int64_t value) {
  if (value < 0) {
    *this << '-';
    // Through unsigned, so that the most negative value negates without overflow.
    append_unsigned(0u - static_cast<uint64_t>(value));
  } else {
    append_unsigned(static_cast<uint64_t>(value));
  }
}

void Line::append_unsigned(uint64_t value) {
  char digits[20];
  size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count > 0) *this << digits[--count];
}

}  // namespace mote::target
