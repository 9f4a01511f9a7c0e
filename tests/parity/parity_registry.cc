// The list of parity tests: one row per optimized kernel variant or primitive. default_cases
// covers every path of the variant (tails, odd counts, clipped windows) while keeping a QEMU run
// of the whole list to a few seconds.
#include "parity_tests.h"
#include "parity_tests_list.h"

namespace mote {
namespace parity {

namespace {
constexpr ParityTest kTests[] = {
    {"requantize", parity_requantize, 400},
    {"requantize_wide", parity_requantize_wide, 400},
    {"rescale", parity_rescale, 400},
    {"conv2d", parity_conv2d, 300},
    {"depthwise_conv2d", parity_depthwise_conv2d, 300},
    {"fully_connected", parity_fully_connected, 300},
    {"add_sub", parity_add_sub, 300},
    {"average_pool", parity_average_pool, 300},
    {"max_pool", parity_max_pool, 300},
};
}  // namespace

Span<const ParityTest> parity_tests() {
  return Span<const ParityTest>(kTests, sizeof(kTests) / sizeof(kTests[0]));
}

}  // namespace parity
}  // namespace mote
