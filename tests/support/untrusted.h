// Runs untrusted model bytes through everything a device would do with them: load (verify),
// prepare in a fixed arena, fill inputs, invoke. Robustness tests and the fuzz target assert only
// that this returns (a status) instead of crashing or tripping a sanitizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mote/status.h"

namespace mote::testing {

struct UntrustedResult {
  Status load = Status::kOk;
  Status prepare = Status::kOk;
  Status invoke = Status::kOk;
  bool invoked = false;
  std::string messages;
};

// `max_invoke_macs` skips invoke for mutants whose (shape-derived) MAC count exceeds it, to keep
// test time bounded; prepare has already validated every shape by then.
// `misalign` places the copy that many bytes past a 16-byte boundary (0: aligned, as a device
// would place a model).
UntrustedResult run_untrusted(const uint8_t* data, size_t size, int64_t max_invoke_macs,
                              size_t misalign = 0);

inline UntrustedResult run_untrusted(const std::vector<uint8_t>& bytes,
                                     int64_t max_invoke_macs = INT64_MAX) {
  return run_untrusted(bytes.data(), bytes.size(), max_invoke_macs);
}

}  // namespace mote::testing
