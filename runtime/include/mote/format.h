// Minimal, allocation-free text formatting for error messages.
//
// `format_to(buf, cap, "node {} {}: bad shape", 3, "CONV_2D")` replaces each `{}` with the next
// argument. Supported arguments: integers (signed/unsigned, up to 64 bits), bool, const char*
// (nullptr prints "(null)"), float/double (printed with up to 6 significant digits). The output is
// always NUL-terminated and silently truncated to `cap` bytes. Freestanding: no <cstdio>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace mote {

// Appends into a fixed buffer; keeps the buffer NUL-terminated after every call.
class TextBuffer {
 public:
  TextBuffer(char* data, size_t capacity);
  void append(const char* text);
  void append(char c);
  void append_int(int64_t value);
  void append_uint(uint64_t value);
  void append_float(double value);
  size_t length() const { return length_; }

 private:
  char* data_;
  size_t capacity_;
  size_t length_ = 0;
};

namespace format_detail {

template <typename T>
void append_arg(TextBuffer& out, const T& value) {
  if constexpr (std::is_same<T, bool>::value) {
    out.append(value ? "true" : "false");
  } else if constexpr (std::is_integral<T>::value && std::is_signed<T>::value) {
    out.append_int(static_cast<int64_t>(value));
  } else if constexpr (std::is_integral<T>::value) {
    out.append_uint(static_cast<uint64_t>(value));
  } else if constexpr (std::is_enum<T>::value) {
    out.append_int(static_cast<int64_t>(value));
  } else if constexpr (std::is_floating_point<T>::value) {
    out.append_float(static_cast<double>(value));
  } else {
    const char* text = value;
    out.append(text != nullptr ? text : "(null)");
  }
}

// Copies fmt up to the next "{}" and returns the rest (after the placeholder), or nullptr at end.
const char* append_until_placeholder(TextBuffer& out, const char* fmt);

inline void format_rest(TextBuffer& out, const char* fmt) {
  while (fmt != nullptr) fmt = append_until_placeholder(out, fmt);
}

template <typename First, typename... Rest>
void format_rest(TextBuffer& out, const char* fmt, const First& first, const Rest&... rest) {
  fmt = append_until_placeholder(out, fmt);
  if (fmt == nullptr) return;  // more arguments than placeholders: ignore the extra ones
  append_arg(out, first);
  format_rest(out, fmt, rest...);
}

}  // namespace format_detail

// Returns the number of characters written (excluding the terminating NUL).
template <typename... Args>
size_t format_to(char* buffer, size_t capacity, const char* fmt, const Args&... args) {
  TextBuffer out(buffer, capacity);
  format_detail::format_rest(out, fmt, args...);
  return out.length();
}

}  // namespace mote
