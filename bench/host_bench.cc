// Host latency per model with Google Benchmark: one benchmark per model in ../shared/models that
// Mote can prepare, each repeated, with the median reported. After the run it prints a Markdown
// table beside TFLM's host figures (../shared/baselines/tflm-host-x86_64.json) and, with
// --mote_json=FILE, writes the figures as JSON.
//
//   build/host-release/bench/mote_host_bench --mote_json=bench/results/host.json
//
// The two sets of figures come from different runs on shared machines: the ratio is approximate.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "input_gen.h"
#include "macs.h"
#include "prepared_model.h"

namespace {

struct ModelUnderTest {
  std::string stem;
  std::unique_ptr<mote::tools::LoadedModel> loaded;
  std::unique_ptr<mote::tools::PreparedModel> prepared;
  int64_t macs = 0;
};

std::vector<std::unique_ptr<ModelUnderTest>>& models() {
  static std::vector<std::unique_ptr<ModelUnderTest>> list;
  return list;
}

void bench_model(benchmark::State& state, ModelUnderTest* m) {
  mote::Interpreter& interpreter = m->prepared->interpreter();
  for (auto _ : state) {
    if (interpreter.invoke() != mote::Status::kOk) {
      state.SkipWithError("invoke failed");
      break;
    }
  }
  state.counters["MACs"] = benchmark::Counter(static_cast<double>(m->macs),
                                              benchmark::Counter::kIsIterationInvariantRate);
  state.counters["arena"] = static_cast<double>(m->prepared->usage().total);
}

// Keeps the median of each benchmark's repetitions.
class MedianCollector : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.aggregate_name == "median")
        medians[run.run_name.function_name] = run.GetAdjustedRealTime();
      if (run.aggregate_name == "min")
        minimums[run.run_name.function_name] = run.GetAdjustedRealTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> medians;   // microseconds
  std::map<std::string, double> minimums;  // fastest repetition: least disturbed by neighbours
};

}  // namespace

int main(int argc, char** argv) {
  std::string json_path;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--mote_json=", 12) == 0) {
      json_path = argv[i] + 12;
    } else {
      args.push_back(argv[i]);
    }
  }
  const std::string shared = MOTE_SHARED_DIR;
  std::vector<std::string> stems;
  for (const auto& entry : std::filesystem::directory_iterator(shared + "/models")) {
    if (entry.path().extension() == ".tflite") stems.push_back(entry.path().stem().string());
  }
  std::sort(stems.begin(), stems.end());
  for (const std::string& stem : stems) {
    auto m = std::make_unique<ModelUnderTest>();
    m->stem = stem;
    std::string error;
    m->loaded = mote::tools::load_model_file(shared + "/models/" + stem + ".tflite", &error);
    if (m->loaded == nullptr) continue;
    m->prepared = mote::tools::PreparedModel::create(*m->loaded, &error);
    if (m->prepared == nullptr) {
      fmt::print(stderr, "skipping {}: {}\n", stem, error);
      continue;
    }
    mote::Interpreter& interpreter = m->prepared->interpreter();
    std::vector<mote::tools::InputSpec> specs;
    for (size_t i = 0; i < interpreter.input_count(); ++i) {
      const mote::TensorHandle t = interpreter.input(i);
      specs.push_back({t.type, static_cast<size_t>(t.shape.num_elements()), t.zero_point, -1, 1});
    }
    std::vector<std::vector<uint8_t>> data;
    if (mote::tools::generate_inputs(1, mote::tools::InputRule::kFullRange, {}, specs, &data)) {
      for (size_t i = 0; i < data.size(); ++i) {
        std::memcpy(interpreter.input(i).data, data[i].data(), data[i].size());
      }
    }
    const mote::Model& model = m->loaded->model;
    for (uint32_t i = 0; i < model.operator_count(); ++i) {
      m->macs += mote::tools::count_macs(model, model.op(i));
    }
    benchmark::RegisterBenchmark(stem.c_str(), bench_model, m.get())
        ->Unit(benchmark::kMicrosecond)
        ->Repetitions(9)
        ->ComputeStatistics(
            "min",
            [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); })
        ->ReportAggregatesOnly(true)
        ->MinTime(0.2);
    models().push_back(std::move(m));
  }
  int bench_argc = static_cast<int>(args.size());
  benchmark::Initialize(&bench_argc, args.data());
  MedianCollector reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  const nlohmann::json tflm =
      nlohmann::json::parse(std::ifstream(shared + "/baselines/tflm-host-x86_64.json"))["models"];
  nlohmann::json out;
  fmt::print(
      "\n| model | MACs | Mote median (us) | Mote min (us) | Mote MAC/s (median) | TFLM median "
      "(us) | TFLM min (us) | TFLM/Mote median | TFLM/Mote min |\n");
  fmt::print("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& m : models()) {
    auto it = reporter.medians.find(m->stem);
    if (it == reporter.medians.end()) continue;
    const double mote_us = it->second;
    const double mote_min = reporter.minimums[m->stem];
    nlohmann::json j = {{"median_us", mote_us},
                        {"min_us", mote_min},
                        {"macs", m->macs},
                        {"macs_per_second", mote_us > 0 ? m->macs / (mote_us * 1e-6) : 0.0},
                        {"arena_bytes", m->prepared->usage().total}};
    std::string tflm_text = "- | - | - | -";
    if (tflm.contains(m->stem)) {
      const double t = tflm[m->stem]["latency_us_median"];
      const double t_min = tflm[m->stem]["latency_us_min"];
      j["tflm_median_us"] = t;
      j["tflm_min_us"] = t_min;
      j["tflm_over_mote_median"] = t / mote_us;
      j["tflm_over_mote_min"] = t_min / mote_min;
      tflm_text = fmt::format("{:.2f} | {:.2f} | {:.2f}x | {:.2f}x", t, t_min, t / mote_us,
                              t_min / mote_min);
    }
    out[m->stem] = j;
    fmt::print("| {} | {:.2f} M | {:.2f} | {:.2f} | {:.1f} M | {} |\n", m->stem, m->macs / 1e6,
               mote_us, mote_min, m->macs / (mote_us * 1e-6) / 1e6, tflm_text);
  }
  if (!json_path.empty()) {
    std::ofstream(json_path) << out.dump(1) << "\n";
    fmt::print("\nwrote {}\n", json_path);
  }
  return 0;
}
