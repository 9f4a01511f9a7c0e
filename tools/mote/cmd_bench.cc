// mote bench MODEL: median latency over N invocations and MAC/s, on this host.
#include <algorithm>
#include <chrono>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common.h"
#include "input_gen.h"
#include "model_info.h"

namespace mote::cli {
namespace {

struct BenchOptions {
  std::string model;
  int runs = 100;
  int warmup = 5;
  bool json = false;
};

int run_bench(const BenchOptions& opt) {
  int exit_code = kExitOk;
  auto model = load_or_report(opt.model, &exit_code);
  if (model == nullptr) return exit_code;
  std::string error;
  auto prepared = prepare_or_report(*model, &exit_code, &error);
  if (prepared == nullptr) return exit_code;
  Interpreter& interpreter = prepared->interpreter();
  std::vector<tools::InputSpec> specs;
  for (size_t i = 0; i < interpreter.input_count(); ++i) {
    const TensorHandle t = interpreter.input(i);
    specs.push_back({t.type, static_cast<size_t>(t.shape.num_elements()), t.zero_point, -1.0, 1.0});
  }
  std::vector<std::vector<uint8_t>> data;
  if (tools::generate_inputs(1, tools::InputRule::kFullRange, {}, specs, &data)) {
    for (size_t i = 0; i < data.size(); ++i) {
      std::memcpy(interpreter.input(i).data, data[i].data(), data[i].size());
    }
  }
  const tools::ModelInfo info = tools::describe_model(*model, prepared.get(), "");
  std::vector<double> micros;
  for (int r = 0; r < opt.warmup + opt.runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const Status status = interpreter.invoke();
    const auto end = std::chrono::steady_clock::now();
    if (status != Status::kOk) {
      print_error(prepared->log().joined());
      return exit_code_for(status);
    }
    if (r >= opt.warmup) {
      micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
    if (!opt.json && opt.runs >= 50 && (r + 1) % ((opt.warmup + opt.runs) / 10) == 0) {
      fmt::print(stderr, "\rbench: {}/{} runs", r + 1, opt.warmup + opt.runs);
    }
  }
  if (!opt.json && opt.runs >= 50) fmt::print(stderr, "\n");
  std::sort(micros.begin(), micros.end());
  const double median = micros[micros.size() / 2];
  const double macs_per_s = median > 0 ? static_cast<double>(info.macs) / (median * 1e-6) : 0;
  if (opt.json) {
    nlohmann::json j = {{"model", opt.model},
                        {"runs", opt.runs},
                        {"median_us", median},
                        {"min_us", micros.front()},
                        {"max_us", micros.back()},
                        {"macs", info.macs},
                        {"macs_per_second", macs_per_s},
                        {"arena", prepared->usage().total}};
    fmt::print("{}\n", j.dump(1));
  } else {
    fmt::print(
        "{}: median {:.2f} us (min {:.2f}, max {:.2f}) over {} runs; {:.3f} M MACs; "
        "{:.1f} M MAC/s\n",
        opt.model, median, micros.front(), micros.back(), opt.runs,
        static_cast<double>(info.macs) / 1e6, macs_per_s / 1e6);
  }
  return kExitOk;
}

}  // namespace

void register_bench(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Median host latency over N invocations and MAC/s (see bench/ for the harness)");
  cmd->add_option("MODEL", opt->model, ".tflite file")->required();
  cmd->add_option("-n,--runs", opt->runs, "Timed invocations")->check(CLI::PositiveNumber);
  cmd->add_option("--warmup", opt->warmup, "Untimed invocations first")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", opt->json, "Machine-readable output");
  cmd->callback([opt, exit_code] { *exit_code = run_bench(*opt); });
}

}  // namespace mote::cli
