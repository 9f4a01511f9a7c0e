// `mote fit`: will a model fit a board, how fast will it run, and how long on a battery.
//
// estimate_fit() combines three kinds of figures and says which it used for each number:
//   1. the model's own, from the runtime on the host: model bytes (flash), MACs, the ops it
//      uses, and the arena (exact on the host; an upper bound for a 32-bit target, whose
//      pointers are smaller);
//   2. measured Cortex-M figures from bench/results/cortex-m.json (instructions per inference,
//      runtime+kernels flash, arena, per model and target m4/m7/m55) when present;
//   3. the board, core and battery profiles (data/), each figure with its datasheet source.
//
// Latency: cycles = instructions x cycles-per-instruction of the core (cortex-m.json for this
// model and core, else the core's average MACs/instruction over its measured models, else the
// documented proxy in data/cores.json); a core without measurements is scaled from another
// core's cycles by a documented ratio. Energy per inference = supply x active current x
// latency; average power = duty x active power + (1 - duty) x sleep power, duty = rate x
// latency; battery life = capacity x nominal voltage / average power.
//
//   tools::ModelFacts facts = tools::model_facts(loaded, prepared);
//   tools::FitReport r = tools::estimate_fit(facts, *board, profiles, measured, options);
//   fmt::print("{}", tools::to_text(r));  // exit code: r.fits ? 0 : 1
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "board_profile.h"
#include "model_file.h"
#include "prepared_model.h"

namespace mote::tools {

// What the model needs, as the host runtime sees it.
struct ModelFacts {
  std::string path;
  std::string stem;  // file name without .tflite: the key in cortex-m.json and the proxies
  int64_t model_bytes = 0;
  int64_t macs = 0;
  std::vector<std::string> ops;  // distinct builtin op names, sorted
  int64_t arena_bytes = 0;       // host figure (upper bound for a 32-bit target)
};

ModelFacts model_facts(const LoadedModel& model, const PreparedModel& prepared);

// Figures measured on one emulated Cortex-M target for one model (-1 when absent).
struct MeasuredFigures {
  int64_t instructions = -1;
  int64_t runtime_flash_bytes = -1;
  int64_t arena_bytes = -1;
  double target_macs_per_instruction = 0.0;  // average over the target's models, 0 if none
  int target_models = 0;                     // models measured on this target
};

// Reads bench/results/cortex-m.json (or another file of that shape). The reader accepts the
// layout bench/run-cortex-m writes, {TARGET: {MODEL: {...}}}, and also {"models": {MODEL:
// {TARGET: {...}}}} and {"targets": {TARGET: {"models": {MODEL: {...}}}}}; for the figures the
// keys instructions_per_inference | instructions,
// flash_runtime_bytes | runtime_flash_bytes | runtime_kernels_flash_bytes, arena_min_bytes |
// arena_bytes. Targets may be spelled "m4" or "cortex-m4". A model entry whose "macs" differs
// from the model's is ignored (another model with the same name).
struct MeasuredResults {
  std::string path;
  nlohmann::json json;
};
std::optional<MeasuredResults> read_measured_results(const std::string& path, std::string* error);
std::string default_measured_results_path();  // <source tree>/bench/results/cortex-m.json
std::string default_m0plus_results_path();    // <source tree>/bench/results/cortex-m0plus.json
// Adds the targets of `extra` that `into` lacks (its path is noted after into's).
void merge_measured_results(const MeasuredResults& extra, MeasuredResults* into);
MeasuredFigures lookup_measured(const MeasuredResults& results, const std::string& target,
                                const std::string& stem, int64_t macs);

struct FitOptions {
  double rate_hz = 1.0;     // inferences per second
  bool rate_given = false;  // --rate given: whether the board keeps up becomes a check
  std::string battery;      // battery id or alias; "" for none
};

struct BudgetRow {
  std::string what;
  int64_t bytes = 0;
  std::string source;
};

struct Budget {
  int64_t capacity = 0;
  std::vector<BudgetRow> rows;  // spent, in order
  int64_t headroom = 0;         // capacity - sum(rows); negative when it does not fit
  bool pass = false;
};

struct Check {
  std::string what;
  bool pass = false;
  std::string detail;
};

struct LatencyEstimate {
  bool available = false;
  std::string unavailable_reason;
  double seconds = 0.0;
  double cycles = 0.0;
  double instructions = -1.0;  // on the core the cycles were derived from; -1 when not used
  std::string method;          // "measured", "measured-average", "proxy", "proxy-average"
  std::vector<std::string> derivation;          // one line per step, with its numbers
  std::vector<std::string> derivation_sources;  // the source of each step's constant
};

struct EnergyEstimate {
  bool available = false;
  double active_power_w = 0.0;
  double sleep_power_w = 0.0;
  double energy_per_inference_j = 0.0;
  double duty = 0.0;  // fraction of time active, capped at 1
  double average_power_w = 0.0;
  bool battery_given = false;
  std::string battery_id, battery_name;
  double battery_energy_j = 0.0;
  double battery_life_s = 0.0;
  std::string battery_source;
  std::vector<std::string> warnings;
};

struct FitReport {
  ModelFacts model;
  const BoardProfile* board = nullptr;
  const CoreProfile* core = nullptr;
  double rate_hz = 1.0;  // as used for the energy figures
  Budget flash;
  Budget sram;
  std::vector<Check> checks;  // flash, SRAM, arena block, runtime support, keeps up with rate
  LatencyEstimate latency;
  EnergyEstimate energy;
  std::string measured_path;  // "" when no measurements were read
  std::vector<std::string> notes;
  bool fits = false;  // every check passes
};

// `measured` may be nullptr (no cortex-m.json). Fails only for an unknown battery (*error set).
bool estimate_fit(const ModelFacts& model, const BoardProfile& board, const ProfileSet& profiles,
                  const MeasuredResults* measured, const FitOptions& options, FitReport* report,
                  std::string* error);

// Runtime + kernels flash estimated from per-object sizes for the ops the model uses.
int64_t estimate_runtime_flash(const RuntimeFlashModel& model, const std::vector<std::string>& ops,
                               std::vector<std::string>* unlisted_ops);

nlohmann::json to_json(const FitReport& report);
std::string to_text(const FitReport& report);

// "1.23 ms", "4.5 s", "3.2 years": for tables.
std::string format_duration(double seconds);
std::string format_power(double watts);
std::string format_energy(double joules);

}  // namespace mote::tools
