// The optimized-vs-reference parity tests (tests/parity/parity_tests.h) on the target, with
// the kernel ISA this build selected (DSP on the M4/M7, MVE on the M55): every registered test
// with its default number of cases and the same seeds as the host run.
//
// Output: one "parity name=... cases=N failures=N" line per test (with the first failure), then
// "result parity=pass|fail tests=N failures=N"; exit status 0 when every test passes.
#include <cstdint>

#include "console.h"
#include "firmware_main.h"
#include "parity_tests.h"

int firmware_main() {
  using mote::target::Line;
  const auto tests = mote::parity::parity_tests();
  Line() << "mote-parity core=" << MOTE_CORE_NAME << " isa=" << MOTE_KERNEL_ISA_NAME
         << " tests=" << tests.size();
  uint32_t failed_tests = 0;
  for (size_t i = 0; i < tests.size(); ++i) {
    const mote::parity::ParityTest& test = tests[i];
    mote::parity::Result result;
    // The host runs test i with seed 0x5EED0000 + i (tests/parity/parity_gtest.cc).
    test.run(0x5EED0000u + i, test.default_cases, &result);
    const bool pass = result.failures == 0 && result.cases == test.default_cases;
    Line line;
    line << "parity name=" << test.name << " cases=" << result.cases
         << " failures=" << result.failures << (pass ? " pass" : " FAIL");
    if (!pass) {
      ++failed_tests;
      line << " first=\"" << result.first_failure << '"';
    }
  }
  Line() << "result parity=" << (failed_tests == 0 ? "pass" : "fail") << " tests=" << tests.size()
         << " failures=" << failed_tests;
  return failed_tests == 0 ? 0 : 1;
}
