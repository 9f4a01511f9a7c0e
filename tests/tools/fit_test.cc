// `mote fit`: budgets, latency, energy and battery life on board profiles, as a user runs it,
// plus checks on the profile data itself (every board cites its figures).
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "board_profile.h"
#include "command.h"
#include "fit_estimate.h"
#include "shared_data.h"
#include "tflite_writer.h"

namespace mote::testing {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          fmt::format("mote_fit_test_{}_{}", getpid(), name))
      .string();
}

nlohmann::json fit_json(const std::string& args, int expected_exit = 0) {
  const CommandResult r = mote("fit --json " + args);
  EXPECT_EQ(r.exit_code, expected_exit) << r.output;
  try {
    return nlohmann::json::parse(r.output);
  } catch (const nlohmann::json::exception&) {
    ADD_FAILURE() << "not JSON: " << r.output;
    return {};
  }
}

int64_t sum_rows(const nlohmann::json& budget) {
  int64_t sum = 0;
  for (const auto& row : budget["rows"]) sum += row["bytes"].get<int64_t>();
  return sum;
}

const nlohmann::json* find_row(const nlohmann::json& budget, const std::string& prefix) {
  for (const auto& row : budget["rows"]) {
    if (row["what"].get<std::string>().rfind(prefix, 0) == 0) return &row;
  }
  return nullptr;
}

bool check_passes(const nlohmann::json& j, const std::string& prefix) {
  for (const auto& c : j["checks"]) {
    if (c["what"].get<std::string>().rfind(prefix, 0) == 0) return c["pass"].get<bool>();
  }
  ADD_FAILURE() << "no check " << prefix;
  return false;
}

TEST(Fit, MlperfTinyModelsOnThreeBoards) {
  for (const char* stem : {"kws_ref_model", "vww_96_int8", "pretrainedResnet_quant", "ad01_int8"}) {
    const int64_t model_bytes = static_cast<int64_t>(read_bytes(model_path(stem)).size());
    for (const char* board : {"nano33ble", "stm32l4r5", "stm32h743"}) {
      SCOPED_TRACE(fmt::format("{} on {}", stem, board));
      const nlohmann::json j =
          fit_json(fmt::format("{} --board {} --measured none", model_path(stem), board));
      ASSERT_TRUE(j.is_object());
      EXPECT_TRUE(j["fits"].get<bool>());
      for (const char* part : {"flash", "sram"}) {
        const nlohmann::json& b = j[part];
        EXPECT_EQ(b["capacity"].get<int64_t>() - sum_rows(b), b["headroom"].get<int64_t>());
        EXPECT_TRUE(b["pass"].get<bool>());
      }
      const nlohmann::json* model_row = find_row(j["flash"], "model");
      ASSERT_NE(model_row, nullptr);
      EXPECT_EQ((*model_row)["bytes"].get<int64_t>(), model_bytes);
      const nlohmann::json* arena_row = find_row(j["sram"], "arena");
      ASSERT_NE(arena_row, nullptr);
      EXPECT_EQ((*arena_row)["bytes"], j["model"]["host_arena_bytes"]);
      EXPECT_GT(j["latency"]["seconds"].get<double>(), 0.0);
      EXPECT_EQ(j["latency"]["method"], "proxy");  // every MLPerf Tiny model has a proxy count
      EXPECT_GT(j["energy"]["energy_per_inference_j"].get<double>(), 0.0);
    }
  }
}

// ad01_int8 on the STM32L4R5 at 10 inferences/s on a CR2032, worked out by hand from
// data/cores.json and data/boards/stm32l4r5.json:
//   instructions = 1,952,296 (TFLM reference kernels on the M4, the proxy for this model)
//   cycles = 1,952,296 x 1.3 = 2,537,984.8; latency = 2,537,984.8 / 120 MHz = 21.1499 ms
//   active power = 3.0 V x 13.2 mA = 39.6 mW; energy = 39.6 mW x 21.1499 ms = 0.837535 mJ
//   duty = 10 x 21.1499 ms = 0.211499; sleep power = 3.0 V x 2.8 uA = 8.4 uW
//   average = 0.211499 x 39.6 mW + 0.788501 x 8.4 uW = 8.381973 mW
//   CR2032 = 225 mAh x 3.0 V x 3.6 = 2430 J; life = 2430 / 8.381973 mW = 289,908 s (3.36 days)
TEST(Fit, HandCheckedArithmetic) {
  const nlohmann::json j = fit_json(fmt::format(
      "{} --board stm32l4r5 --rate 10 --battery CR2032 --measured none", model_path("ad01_int8")));
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["model"]["macs"], 264192);
  EXPECT_NEAR(j["latency"]["instructions"].get<double>(), 1952296.0, 0.5);
  EXPECT_NEAR(j["latency"]["cycles"].get<double>(), 2537984.8, 0.01);
  EXPECT_NEAR(j["latency"]["seconds"].get<double>(), 0.0211498733, 1e-9);
  const nlohmann::json& e = j["energy"];
  EXPECT_NEAR(e["active_power_w"].get<double>(), 0.0396, 1e-12);
  EXPECT_NEAR(e["sleep_power_w"].get<double>(), 8.4e-6, 1e-15);
  EXPECT_NEAR(e["energy_per_inference_j"].get<double>(), 8.375350e-4, 1e-9);
  EXPECT_NEAR(e["duty"].get<double>(), 0.211498733, 1e-8);
  EXPECT_NEAR(e["average_power_w"].get<double>(), 8.381973e-3, 1e-8);
  EXPECT_NEAR(e["battery"]["energy_j"].get<double>(), 2430.0, 1e-9);
  EXPECT_NEAR(e["battery"]["life_s"].get<double>(), 289908.0, 2.0);
  EXPECT_TRUE(e["warnings"].empty());
  // SRAM: 16 KB of HAL + the host arena, out of 640 KB.
  const int64_t arena = j["model"]["host_arena_bytes"].get<int64_t>();
  EXPECT_EQ(j["sram"]["headroom"].get<int64_t>(), 655360 - 16384 - arena);
  // Flash: 32 KB of HAL + the runtime estimate + the model file.
  const nlohmann::json* runtime = find_row(j["flash"], "runtime + kernels (estimate)");
  ASSERT_NE(runtime, nullptr);
  tools::ProfileSet profiles;
  std::string error;
  ASSERT_TRUE(tools::load_profiles(tools::find_data_dir(""), &profiles, &error)) << error;
  const std::vector<std::string> ops = j["model"]["ops"].get<std::vector<std::string>>();
  EXPECT_EQ((*runtime)["bytes"].get<int64_t>(),
            tools::estimate_runtime_flash(profiles.runtime_flash, ops, nullptr));

  // The table shows the same figures.
  const CommandResult text =
      mote(fmt::format("fit {} --board stm32l4r5 --rate 10 --battery CR2032 --measured none",
                       model_path("ad01_int8")));
  EXPECT_EQ(text.exit_code, 0) << text.output;
  for (const char* s : {"21.1 ms", "39.6 mW", "838 uJ", "8.38 mW", "3.36 days", "PASS",
                        "Result: fits", "655,360"}) {
    EXPECT_NE(text.output.find(s), std::string::npos) << s << "\n" << text.output;
  }
}

TEST(Fit, ArduinoNanoSaysNo) {
  const CommandResult r =
      mote(fmt::format("fit {} --board nano --measured none", model_path("ad01_int8")));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("FAIL"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("does NOT fit"), std::string::npos) << r.output;
  const nlohmann::json j = fit_json(
      fmt::format("{} --board atmega328 --measured none", model_path("hello_world_int8")), 1);
  ASSERT_TRUE(j.is_object());
  EXPECT_FALSE(j["fits"].get<bool>());
  EXPECT_FALSE(check_passes(j, "runtime builds"));  // 8-bit AVR
  EXPECT_FALSE(j["latency"]["available"].get<bool>());
  EXPECT_TRUE(j["energy"].is_null());
  // ad01's arena alone is larger than the Nano's 2 KB of SRAM.
  const nlohmann::json k =
      fit_json(fmt::format("{} --board nano --measured none", model_path("ad01_int8")), 1);
  EXPECT_FALSE(k["sram"]["pass"].get<bool>());
}

TEST(Fit, UnknownBoardListsKnownOnes) {
  const CommandResult r = mote(fmt::format("fit {} --board teapot", model_path("ad01_int8")));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  for (const char* s : {"unknown board 'teapot'", "esp32", "nano33ble", "pico", "stm32f746",
                        "stm32h743", "stm32l4r5", "nano"}) {
    EXPECT_NE(r.output.find(s), std::string::npos) << s << "\n" << r.output;
  }
  const CommandResult battery =
      mote(fmt::format("fit {} --board pico --battery potato", model_path("ad01_int8")));
  EXPECT_EQ(battery.exit_code, 2) << battery.output;
  EXPECT_NE(battery.output.find("CR2032"), std::string::npos) << battery.output;
  const CommandResult list = mote("fit --list");
  EXPECT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("Arduino Nano 33 BLE Sense"), std::string::npos) << list.output;
  EXPECT_EQ(mote("fit /nonexistent.tflite --board pico").exit_code, 3);
  EXPECT_EQ(mote(fmt::format("fit {}", model_path("ad01_int8"))).exit_code, 2);
}

// A float FULLY_CONNECTED whose 300 x 1024 weights take 1.2 MB: more than the nRF52840's flash.
TEST(Fit, ModelThatCannotFit) {
  tools::ModelDef m;
  tools::TensorDef in, weights, out;
  in.shape = {1, 1024};
  weights.shape = {300, 1024};
  weights.data = tools::to_bytes(std::vector<float>(300 * 1024, 0.01f));
  out.shape = {1, 300};
  m.tensors = {in, weights, out};
  tools::OperatorDef fc;
  fc.builtin_code = static_cast<int32_t>(schema::BuiltinOp::kFullyConnected);
  fc.inputs = {0, 1, -1};
  fc.outputs = {2};
  m.operators = {fc};
  m.inputs = {0};
  m.outputs = {2};
  const std::string path = temp_path("big.tflite");
  const std::vector<uint8_t> bytes = tools::write_tflite(m);
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  const nlohmann::json j = fit_json(path + " --board nano33ble --measured none", 1);
  ASSERT_TRUE(j.is_object());
  EXPECT_FALSE(j["fits"].get<bool>());
  EXPECT_FALSE(j["flash"]["pass"].get<bool>());
  EXPECT_LT(j["flash"]["headroom"].get<int64_t>(), 0);
  EXPECT_TRUE(j["sram"]["pass"].get<bool>());
  const CommandResult table = mote("fit " + path + " --board nano33ble --measured none");
  EXPECT_EQ(table.exit_code, 1);
  EXPECT_NE(table.output.find("FAIL  flash"), std::string::npos) << table.output;
  // The same model fits the STM32H743's 2 MB.
  EXPECT_TRUE(fit_json(path + " --board stm32h743 --measured none")["fits"].get<bool>());
}

TEST(Fit, UsesMeasuredCortexMFigures) {
  const std::string path = temp_path("cortex-m.json");
  // The layout bench/run-cortex-m writes: {target: {model: {...}}}.
  std::ofstream(path) << R"({"m4": {"kws_ref_model": {
      "instructions": 5000000, "macs": 2656768,
      "flash_runtime_bytes": 40000, "arena_bytes": 22000}}})";
  const nlohmann::json j = fit_json(
      fmt::format("{} --board nano33ble --measured {}", model_path("kws_ref_model"), path));
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["latency"]["method"], "measured");
  EXPECT_NEAR(j["latency"]["cycles"].get<double>(), 5e6 * 1.3, 1e-6);
  EXPECT_NEAR(j["latency"]["seconds"].get<double>(), 5e6 * 1.3 / 64e6, 1e-12);
  EXPECT_EQ((*find_row(j["flash"], "runtime + kernels (measured)"))["bytes"], 40000);
  EXPECT_EQ((*find_row(j["sram"], "arena (measured"))["bytes"], 22000);
  EXPECT_EQ(j["measured_results"], path);

  // The M7 has no measurement of its own: M4 cycles x 0.679 (CoreMark/MHz ratio).
  const nlohmann::json h = fit_json(
      fmt::format("{} --board stm32h743 --measured {}", model_path("kws_ref_model"), path));
  EXPECT_NEAR(h["latency"]["cycles"].get<double>(), 5e6 * 1.3 * 0.679, 1e-6);
  EXPECT_EQ((*find_row(h["flash"], "runtime + kernels (measured)"))["bytes"], 40000);

  // A model not in the file: the target's average MACs per instruction.
  const nlohmann::json a =
      fit_json(fmt::format("{} --board nano33ble --measured {}", model_path("ad01_int8"), path));
  EXPECT_EQ(a["latency"]["method"], "measured-average");
  EXPECT_NEAR(a["latency"]["instructions"].get<double>(), 264192.0 / (2656768.0 / 5e6), 1e-6);

  // The other accepted layout gives the same figures.
  const std::string other = temp_path("cortex-m-models.json");
  std::ofstream(other) << R"({"models": {"kws_ref_model": {"cortex-m4": {
      "instructions_per_inference": 5000000, "macs": 2656768,
      "flash_runtime_bytes": 40000, "arena_min_bytes": 22000}}}})";
  const nlohmann::json o = fit_json(
      fmt::format("{} --board nano33ble --measured {}", model_path("kws_ref_model"), other));
  EXPECT_EQ(o["latency"]["cycles"], j["latency"]["cycles"]);
  EXPECT_EQ(o["sram"]["headroom"], j["sram"]["headroom"]);

  // A named measurement file that does not exist is an error, not a silent fallback.
  EXPECT_EQ(
      mote(fmt::format("fit {} --board pico --measured /nonexistent.json", model_path("ad01_int8")))
          .exit_code,
      3);
}

TEST(Fit, BatteryWarningsAndRate) {
  // The ESP32 draws far more than a coin cell can give.
  const nlohmann::json j = fit_json(fmt::format("{} --board esp32 --battery CR2032 --measured none",
                                                model_path("kws_ref_model")));
  ASSERT_TRUE(j.is_object());
  ASSERT_EQ(j["energy"]["warnings"].size(), 1u);
  EXPECT_NE(j["energy"]["warnings"][0].get<std::string>().find("CR2032"), std::string::npos);
  // 1000 inferences/s is beyond any board for VWW: the rate check fails, duty is capped at 1.
  const nlohmann::json v = fit_json(
      fmt::format("{} --board pico --rate 1000 --measured none", model_path("vww_96_int8")), 1);
  EXPECT_FALSE(check_passes(v, "keeps up"));
  EXPECT_DOUBLE_EQ(v["energy"]["duty"].get<double>(), 1.0);
}

// Every board profile cites the six figures the estimate uses.
TEST(Fit, EveryProfileCitesItsFigures) {
  tools::ProfileSet profiles;
  std::string error;
  ASSERT_TRUE(tools::load_profiles(tools::find_data_dir(""), &profiles, &error)) << error;
  ASSERT_GE(profiles.boards.size(), 7u);
  for (const tools::BoardProfile& b : profiles.boards) {
    for (const char* figure :
         {"clock", "flash", "SRAM", "active current", "sleep current", "supply"}) {
      const bool cited = std::any_of(b.sources.begin(), b.sources.end(), [&](const auto& c) {
        return c.figure == figure && !c.document.empty() && !c.section.empty();
      });
      EXPECT_TRUE(cited) << b.id << " does not cite " << figure;
    }
    for (const auto* list : {&b.flash_overhead, &b.sram_overhead}) {
      for (const tools::BudgetItem& item : *list) EXPECT_FALSE(item.source.empty()) << b.id;
    }
  }
  EXPECT_NE(profiles.find_battery("cr2032"), nullptr);
  EXPECT_NE(profiles.find_board("NRF52840"), nullptr);  // aliases, any case
}

}  // namespace
}  // namespace mote::testing
