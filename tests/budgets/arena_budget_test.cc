// Arena budgets: for every model TFLM has a host figure for, Mote needs no more arena than TFLM,
// runs in exactly the number of bytes it reports, and in one byte less fails with
// kArenaTooSmall and a message naming that number.
#include <cstring>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "mote/interpreter.h"
#include "mote/ops.h"
#include "prepared_model.h"
#include "shared_data.h"

namespace mote::testing {
namespace {

nlohmann::json baseline() { return read_json(shared_dir() + "/baselines/tflm-host-x86_64.json"); }

std::vector<std::string> baseline_models() {
  std::vector<std::string> stems;
  const nlohmann::json b = baseline();
  for (const auto& [name, value] : b["models"].items()) stems.push_back(name);
  return stems;
}

struct ArenaRun {
  Status prepare = Status::kOk;
  Status invoke = Status::kOk;
  ArenaUsage usage;
  std::string messages;
};

ArenaRun run_in_arena(const tools::LoadedModel& model, size_t bytes) {
  std::vector<uint8_t> storage(bytes + 16);
  const auto address = reinterpret_cast<uintptr_t>(storage.data());
  uint8_t* arena = storage.data() + (16 - address % 16) % 16;
  tools::MessageLog log;
  Interpreter interpreter(model.model, all_ops_resolver(), Span<uint8_t>(arena, bytes),
                          log.reporter());
  ArenaRun run;
  run.prepare = interpreter.prepare();
  run.usage = interpreter.arena_usage();
  if (run.prepare == Status::kOk) {
    for (size_t i = 0; i < interpreter.input_count(); ++i) {
      std::memset(interpreter.input(i).data, 0, interpreter.input(i).bytes);
    }
    run.invoke = interpreter.invoke();
  }
  run.messages = log.joined();
  return run;
}

class ArenaBudgetTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ArenaBudgetTest, NoMoreThanTflmAndExactlyWhatItReports) {
  std::string error;
  auto model = tools::load_model_file(model_path(GetParam()), &error);
  ASSERT_NE(model, nullptr) << error;
  auto prepared = tools::PreparedModel::create(*model, &error);
  ASSERT_NE(prepared, nullptr) << error;
  const ArenaUsage usage = prepared->usage();
  const nlohmann::json tflm = baseline()["models"][GetParam()];
  const size_t tflm_total = tflm["arena_total"];
  const size_t tflm_min = tflm["min_arena_bytes"];
  EXPECT_LE(usage.total, tflm_total) << "TFLM reports " << tflm_total;
  EXPECT_LE(usage.total, tflm_min) << "TFLM runs in " << tflm_min;
  EXPECT_TRUE(usage.exact);
  EXPECT_EQ(usage.total, usage.persistent + usage.planned);
  RecordProperty("arena_total", static_cast<int>(usage.total));
  std::printf("%s: mote %zu bytes (%zu persistent + %zu planned) vs TFLM %zu\n", GetParam().c_str(),
              usage.total, usage.persistent, usage.planned, tflm_total);

  const ArenaRun exact = run_in_arena(*model, usage.total);
  EXPECT_EQ(exact.prepare, Status::kOk) << exact.messages;
  EXPECT_EQ(exact.invoke, Status::kOk) << exact.messages;

  for (size_t smaller :
       {usage.total - 1, usage.total - 8, usage.total / 2, usage.persistent + usage.planned / 4}) {
    const ArenaRun run = run_in_arena(*model, smaller);
    EXPECT_EQ(run.prepare, Status::kArenaTooSmall) << smaller << " bytes";
    if (smaller >= usage.persistent) {
      // Room for the tables and any one op's data: the figure must be exact.
      EXPECT_TRUE(run.usage.exact) << smaller << " bytes";
    }
    if (run.usage.exact) {
      EXPECT_EQ(run.usage.total, usage.total) << smaller << " bytes";
      EXPECT_NE(run.messages.find(fmt::format("needs {} bytes", usage.total)), std::string::npos)
          << run.messages;
    } else {
      EXPECT_LE(run.usage.total, usage.total) << smaller << " bytes";
      EXPECT_NE(run.messages.find("needs at least"), std::string::npos) << run.messages;
    }
  }
  // Too small even for the tables: a lower bound, said as such.
  const ArenaRun tiny = run_in_arena(*model, 64);
  EXPECT_EQ(tiny.prepare, Status::kArenaTooSmall);
  EXPECT_LE(tiny.usage.total, usage.total);
  EXPECT_NE(tiny.messages.find("needs"), std::string::npos) << tiny.messages;
}

INSTANTIATE_TEST_SUITE_P(Models, ArenaBudgetTest, ::testing::ValuesIn(baseline_models()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace mote::testing
