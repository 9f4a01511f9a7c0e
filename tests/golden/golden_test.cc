// Every case in ../shared/golden reproduced by the interpreter: integer outputs byte for byte,
// float outputs within the README's tolerance, and every intermediate tensor right after the
// operator that writes it. The interpreter runs in the exact arena size it reports.
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "input_gen.h"
#include "prepared_model.h"
#include "shared_data.h"

namespace mote::testing {
namespace {

struct Golden {
  std::string stem;
  std::string dir;
  nlohmann::json manifest;
  std::unique_ptr<tools::LoadedModel> model;
  std::unique_ptr<tools::PreparedModel> prepared;
};

// Development aid: MOTE_GOLDEN_REPLAY=RESHAPE,SOFTMAX replaces those ops by kernels that copy
// the golden intermediate tensors into their outputs, so that the remaining ops can be checked
// against the golden data before every op exists. Unset in CI: all ops then run for real.
struct ReplayState {
  std::string dir;
  int case_number = 1;
};
ReplayState g_replay;

Status replay_prepare(PrepareContext&) { return Status::kOk; }

Status replay_eval(EvalContext& ctx) {
  for (int32_t i = 0; i < ctx.output_count(); ++i) {
    const std::vector<uint8_t> bytes =
        read_bytes(fmt::format("{}/intermediates/case{}.t{}.bin", g_replay.dir,
                               g_replay.case_number, ctx.output_tensor_index(i)));
    std::memcpy(ctx.output_data(i), bytes.data(), bytes.size());
  }
  return Status::kOk;
}

class ReplayResolver {
 public:
  ReplayResolver() {
    const char* env = std::getenv("MOTE_GOLDEN_REPLAY");
    std::set<std::string> replaced;
    for (std::string rest = env != nullptr ? env : ""; !rest.empty();) {
      const size_t comma = rest.find(',');
      replaced.insert(rest.substr(0, comma));
      rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    }
    const OpResolver& all = all_ops_resolver();
    replay_kernels_.reserve(all.size());
    for (uint32_t i = 0; i < all.size(); ++i) {
      const OpKernel& k = all.at(i);
      if (replaced.count(schema::builtin_op_name(k.builtin_code)) != 0) {
        replay_kernels_.push_back(
            {k.builtin_code, k.custom_name, 1000, k.options_type, replay_prepare, replay_eval});
        kernels_.push_back(&replay_kernels_.back());
      } else {
        kernels_.push_back(&k);
      }
    }
    resolver_ =
        std::make_unique<OpResolver>(kernels_.data(), static_cast<uint32_t>(kernels_.size()));
  }
  const OpResolver& resolver() const { return *resolver_; }

 private:
  std::vector<OpKernel> replay_kernels_;
  std::vector<const OpKernel*> kernels_;
  std::unique_ptr<OpResolver> resolver_;
};

const OpResolver& golden_resolver() {
  static const ReplayResolver resolver;
  return resolver.resolver();
}

std::unique_ptr<Golden> open_golden(const std::string& stem) {
  auto g = std::make_unique<Golden>();
  g->stem = stem;
  g->dir = shared_dir() + "/golden/" + stem;
  g->manifest = read_json(g->dir + "/manifest.json");
  std::string error;
  g->model = tools::load_model_file(
      shared_dir() + "/models/" + g->manifest["model_file"].get<std::string>(), &error);
  EXPECT_NE(g->model, nullptr) << error;
  if (g->model == nullptr) return g;
  g_replay.dir = g->dir;
  Status status = Status::kOk;
  g->prepared = tools::PreparedModel::create(*g->model, &error, &status, golden_resolver());
  EXPECT_NE(g->prepared, nullptr) << error;
  return g;
}

void load_case_inputs(Golden& g, int k) {
  g_replay.case_number = k;
  Interpreter& interpreter = g.prepared->interpreter();
  for (size_t i = 0; i < interpreter.input_count(); ++i) {
    const std::vector<uint8_t> bytes = read_bytes(fmt::format("{}/case{}.in{}.bin", g.dir, k, i));
    const TensorHandle t = interpreter.input(i);
    ASSERT_EQ(bytes.size(), t.bytes) << "input " << i;
    std::memcpy(t.data, bytes.data(), bytes.size());
  }
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST(GoldenData, IsPresent) {
  EXPECT_FALSE(golden_model_stems().empty()) << "no golden folders under " << shared_dir();
}

TEST_P(GoldenTest, InputGeneratorReproducesGoldenInputs) {
  const std::string dir = shared_dir() + "/golden/" + GetParam();
  const nlohmann::json m = read_json(dir + "/manifest.json");
  std::vector<tools::InputSpec> specs;
  for (const auto& in : m["inputs"]) {
    tools::InputSpec spec;
    spec.type = type_from_name(in["dtype"]);
    spec.elements = in["byte_size"].get<size_t>() / type_size(spec.type);
    if (!in["quantization"].is_null()) spec.zero_point = in["quantization"]["zero_point"];
    if (in.contains("float_range")) {
      spec.float_lo = in["float_range"][0];
      spec.float_hi = in["float_range"][1];
    }
    specs.push_back(spec);
  }
  for (const auto& rule : m["input_rules"]) {
    tools::InputRuleParams params;
    const bool narrow = rule["rule"] == "narrow";
    if (rule.contains("parameters")) {
      params.int8_bits = rule["parameters"]["int8_bits"];
      params.int16_bits = rule["parameters"]["int16_bits"];
      params.float_fraction = rule["parameters"]["float_fraction"];
    }
    for (int k : rule["cases"]) {
      std::vector<std::vector<uint8_t>> generated;
      ASSERT_TRUE(
          tools::generate_inputs(static_cast<uint64_t>(k),
                                 narrow ? tools::InputRule::kNarrow : tools::InputRule::kFullRange,
                                 params, specs, &generated));
      for (size_t i = 0; i < generated.size(); ++i) {
        EXPECT_EQ(generated[i], read_bytes(fmt::format("{}/case{}.in{}.bin", dir, k, i)))
            << "case " << k << " input " << i;
      }
    }
  }
}

TEST_P(GoldenTest, OutputsMatchEveryCase) {
  auto g = open_golden(GetParam());
  ASSERT_NE(g->prepared, nullptr);
  Interpreter& interpreter = g->prepared->interpreter();
  for (const auto& c : g->manifest["cases"]) {
    const int k = c["case"];
    SCOPED_TRACE(fmt::format("case {}", k));
    ASSERT_EQ(interpreter.reset_variables(), Status::kOk);
    load_case_inputs(*g, k);
    ASSERT_EQ(interpreter.invoke(), Status::kOk) << g->prepared->log().joined();
    for (size_t o = 0; o < interpreter.output_count(); ++o) {
      const std::vector<uint8_t> expected =
          read_bytes(fmt::format("{}/case{}.out{}.bin", g->dir, k, o));
      const TensorHandle t = interpreter.output(o);
      ASSERT_EQ(expected.size(), t.bytes);
      EXPECT_EQ(
          compare_tensor(t.type, static_cast<const uint8_t*>(t.data), expected.data(), t.bytes), "")
          << "output " << o;
    }
  }
}

struct IntermediateCheck {
  Golden* golden = nullptr;
  int case_number = 0;
  std::multimap<int, const nlohmann::json*> by_op;  // op_index -> tensor entries
  std::string first_failure;
  int checked = 0;
};

void check_after_node(void* user, uint32_t node) {
  auto* check = static_cast<IntermediateCheck*>(user);
  if (!check->first_failure.empty()) return;
  auto range = check->by_op.equal_range(static_cast<int>(node));
  for (auto it = range.first; it != range.second; ++it) {
    const nlohmann::json& t = *it->second;
    const int index = t["tensor_index"];
    const TensorHandle h =
        check->golden->prepared->interpreter().tensor(static_cast<uint32_t>(index));
    const std::vector<uint8_t> expected = read_bytes(fmt::format(
        "{}/intermediates/case{}.t{}.bin", check->golden->dir, check->case_number, index));
    std::string diff;
    if (h.data == nullptr || h.bytes != expected.size()) {
      diff = fmt::format("tensor has {} bytes at {}, golden file has {}", h.bytes, h.data,
                         expected.size());
    } else {
      diff = compare_tensor(h.type, static_cast<const uint8_t*>(h.data), expected.data(), h.bytes);
    }
    ++check->checked;
    if (!diff.empty()) {
      check->first_failure =
          fmt::format("op {} {} tensor {} ({}): {}", node, t["op_name"].get<std::string>(), index,
                      t["kind"].get<std::string>(), diff);
      return;
    }
  }
}

TEST_P(GoldenTest, IntermediatesMatchAfterEveryOperator) {
  auto g = open_golden(GetParam());
  ASSERT_NE(g->prepared, nullptr);
  const nlohmann::json im = read_json(g->dir + "/intermediates/manifest.json");
  Interpreter& interpreter = g->prepared->interpreter();
  for (int k : im["cases"]) {
    SCOPED_TRACE(fmt::format("case {}", k));
    IntermediateCheck check;
    check.golden = g.get();
    check.case_number = k;
    for (const auto& t : im["tensors"]) {
      if (!t["op_index"].is_null()) check.by_op.emplace(t["op_index"].get<int>(), &t);
    }
    ASSERT_EQ(interpreter.reset_variables(), Status::kOk);
    load_case_inputs(*g, k);
    ASSERT_EQ(interpreter.invoke(NodeObserver{check_after_node, &check}), Status::kOk)
        << g->prepared->log().joined();
    EXPECT_EQ(check.first_failure, "");
    EXPECT_EQ(static_cast<size_t>(check.checked), check.by_op.size());
  }
}

INSTANTIATE_TEST_SUITE_P(Models, GoldenTest, ::testing::ValuesIn(golden_model_stems()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

}  // namespace
}  // namespace mote::testing
