// Host side of the parity tests: each registered optimized-vs-reference check, through
// GoogleTest, with the portable primitives. MOTE_PARITY_CASES scales the number of cases.
#include <cstdlib>

#include <gtest/gtest.h>

#include "parity_tests.h"

namespace mote::parity {
namespace {

class ParityTest : public ::testing::TestWithParam<size_t> {};

TEST(Parity, RegistryIsReadable) {
  for (const auto& test : parity_tests()) EXPECT_NE(test.run, nullptr) << test.name;
}

TEST_P(ParityTest, OptimizedMatchesReference) {
  const auto& test = parity_tests()[GetParam()];
  const char* env = std::getenv("MOTE_PARITY_CASES");
  const uint32_t cases =
      env != nullptr ? static_cast<uint32_t>(std::atoi(env)) : test.default_cases;
  Result result;
  test.run(0x5EED0000u + GetParam(), cases, &result);
  EXPECT_EQ(result.cases, cases);
  EXPECT_EQ(result.failures, 0u) << result.first_failure;
}

std::vector<size_t> indices() {
  std::vector<size_t> out;
  for (size_t i = 0; i < parity_tests().size(); ++i) out.push_back(i);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Variants, ParityTest, ::testing::ValuesIn(indices()),
                         [](const ::testing::TestParamInfo<size_t>& p) {
                           return std::string(parity_tests()[p.param].name);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ParityTest);

}  // namespace
}  // namespace mote::parity
