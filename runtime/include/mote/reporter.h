// Where the runtime's error messages go.
//
// The application supplies a Reporter: a plain function pointer plus a user pointer, so that no
// virtual dispatch or heap is needed on a device. Messages are complete, NUL-terminated lines
// without a trailing newline, e.g. "node 7 CONV_2D: input tensor 3 has type float32, expected
// int8". A default-constructed Reporter drops messages.
//
// Build with MOTE_STRIP_ERROR_STRINGS to compile message text out of the runtime: statuses are
// still returned, but reporters then receive nothing.
//
//   void print_line(void*, const char* line) { puts(line); }
//   mote::Reporter reporter{print_line, nullptr};
#pragma once

#include "mote/format.h"

namespace mote {

#ifdef MOTE_STRIP_ERROR_STRINGS
inline constexpr bool kErrorStrings = false;
#else
inline constexpr bool kErrorStrings = true;
#endif

struct Reporter {
  using WriteFn = void (*)(void* user, const char* message);

  WriteFn write = nullptr;
  void* user = nullptr;

  // Formats with `{}` placeholders (see format.h) and hands the line to `write`.
  template <typename... Args>
  void report(const char* fmt, const Args&... args) const {
    if constexpr (kErrorStrings) {
      if (write == nullptr) return;
      char line[kMaxLine];
      format_to(line, sizeof(line), fmt, args...);
      write(user, line);
    }
  }

  static constexpr size_t kMaxLine = 224;
};

}  // namespace mote
