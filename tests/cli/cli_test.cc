// The `mote` command line as a user runs it: exit codes, messages, JSON, files.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "command.h"
#include "shared_data.h"
#include "tflite_writer.h"

namespace mote::testing {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("mote_cli_test_" + name)).string();
}

TEST(Cli, HelpAndUsage) {
  const CommandResult help = mote("--help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* word : {"inspect", "run", "bench", "verify", "Exit codes"}) {
    EXPECT_NE(help.output.find(word), std::string::npos) << word;
  }
  EXPECT_EQ(mote("").exit_code, 2);
  EXPECT_EQ(mote("frobnicate").exit_code, 2);
  EXPECT_EQ(mote("run --help").exit_code, 0);
}

TEST(Cli, MissingAndMalformedFiles) {
  const CommandResult missing = mote("inspect /nonexistent/model.tflite");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.output.find("no such file"), std::string::npos) << missing.output;
  const std::string garbage = temp_path("garbage.tflite");
  std::ofstream(garbage) << "this is not a model at all";
  const CommandResult bad = mote("verify " + garbage);
  EXPECT_EQ(bad.exit_code, 4);
  EXPECT_NE(bad.output.find("not 'TFL3'"), std::string::npos) << bad.output;
}

TEST(Cli, InspectJsonHasArenaAndIo) {
  const CommandResult r = mote("inspect --json " + model_path("hello_world_int8"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json j = nlohmann::json::parse(r.output);
  EXPECT_GT(j["arena"]["total"].get<int>(), 0);
  EXPECT_EQ(j["arena"]["total"].get<int>(),
            j["arena"]["persistent"].get<int>() + j["arena"]["planned"].get<int>());
  ASSERT_EQ(j["inputs"].size(), 1u);
  const auto& in = j["inputs"][0];
  EXPECT_EQ(in["dtype"], "int8");
  EXPECT_EQ(in["shape"], nlohmann::json::array({1, 1}));
  EXPECT_EQ(in["zero_point"], -128);
  EXPECT_NEAR(in["scale"].get<double>(), 0.0244801, 1e-6);
  EXPECT_TRUE(in.contains("name"));
  ASSERT_EQ(j["outputs"].size(), 1u);
  EXPECT_EQ(j["ops"].size(), 3u);
  EXPECT_EQ(j["macs"], 288);

  const CommandResult verify = mote("verify --json " + model_path("hello_world_int8"));
  ASSERT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_EQ(nlohmann::json::parse(verify.output)["arena"]["total"], j["arena"]["total"]);
}

TEST(Cli, RunWritesTheGoldenOutput) {
  const std::string golden = shared_dir() + "/golden/hello_world_int8/";
  const std::string out = temp_path("out.bin");
  const CommandResult r = mote(fmt::format("run {} --input {}case3.in0.bin --output {}",
                                           model_path("hello_world_int8"), golden, out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(read_bytes(out), read_bytes(golden + "case3.out0.bin"));
}

TEST(Cli, RunRejectsWrongInputs) {
  const std::string wrong = temp_path("wrong.bin");
  std::ofstream(wrong) << "12345";
  const CommandResult size =
      mote(fmt::format("run {} --input {}", model_path("hello_world_int8"), wrong));
  EXPECT_EQ(size.exit_code, 2);
  EXPECT_NE(size.output.find("takes 1 bytes"), std::string::npos) << size.output;
  const CommandResult count = mote(
      fmt::format("run {} --input {} --input {}", model_path("hello_world_int8"), wrong, wrong));
  EXPECT_EQ(count.exit_code, 2);
  EXPECT_NE(count.output.find("the model has 1 input"), std::string::npos) << count.output;
  const CommandResult missing =
      mote(fmt::format("run {} --input /nonexistent.bin", model_path("hello_world_int8")));
  EXPECT_EQ(missing.exit_code, 3);
}

TEST(Cli, VerifyArenaTooSmall) {
  const CommandResult r = mote("verify --arena 100 " + model_path("hello_world_int8"));
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_NE(r.output.find("arena too small"), std::string::npos) << r.output;
}

TEST(Cli, UnsupportedOpIsNamed) {
  tools::ModelDef m;
  tools::TensorDef t;
  t.type = TensorType::kFloat32;
  t.shape = {1, 4};
  m.tensors = {t, t};
  tools::OperatorDef op;
  op.builtin_code = 199;  // STABLEHLO_SORT: valid TFLite, not in Mote
  op.inputs = {0};
  op.outputs = {1};
  m.operators = {op};
  m.inputs = {0};
  m.outputs = {1};
  const std::string path = temp_path("unsupported.tflite");
  const std::vector<uint8_t> bytes = tools::write_tflite(m);
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  const CommandResult r = mote("verify " + path);
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.output.find("STABLEHLO_SORT"), std::string::npos) << r.output;
  // inspect still describes the model, and says why it cannot run.
  const CommandResult inspect = mote("inspect " + path);
  EXPECT_EQ(inspect.exit_code, 5);
  EXPECT_NE(inspect.output.find("STABLEHLO_SORT"), std::string::npos) << inspect.output;
}

TEST(Cli, BenchJson) {
  const CommandResult r = mote("bench --json -n 20 " + model_path("hello_world_float"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json j = nlohmann::json::parse(r.output);
  EXPECT_GT(j["median_us"].get<double>(), 0.0);
  EXPECT_EQ(j["macs"], 288);
}

}  // namespace
}  // namespace mote::testing
