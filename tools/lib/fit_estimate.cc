#include "fit_estimate.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "macs.h"

namespace mote::tools {
namespace {

namespace fs = std::filesystem;

// Thousands separators make byte counts readable in a terminal: 1,048,576.
std::string grouped(int64_t v) {
  const bool negative = v < 0;
  std::string digits = std::to_string(negative ? -v : v);
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[static_cast<size_t>(i)];
  }
  return negative ? "-" + out : out;
}

std::string format_hz(double hz) {
  if (hz >= 1e6) return fmt::format("{:g} MHz", hz / 1e6);
  if (hz >= 1e3) return fmt::format("{:g} kHz", hz / 1e3);
  return fmt::format("{:g} Hz", hz);
}

std::string format_current(double amps) {
  if (amps >= 1.0) return fmt::format("{:.3g} A", amps);
  if (amps >= 1e-3) return fmt::format("{:.3g} mA", amps * 1e3);
  if (amps >= 1e-6) return fmt::format("{:.3g} uA", amps * 1e6);
  return fmt::format("{:.3g} nA", amps * 1e9);
}

// cortex-m.json may spell a target "m4" or "cortex-m4"; compare without the prefix.
std::string target_key(std::string t) {
  std::transform(t.begin(), t.end(), t.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* prefix : {"cortex-", "cortex_", "cortex"}) {
    if (t.rfind(prefix, 0) == 0) return t.substr(std::char_traits<char>::length(prefix));
  }
  return t;
}

int64_t first_integer(const nlohmann::json& entry, std::initializer_list<const char*> keys) {
  if (!entry.is_object()) return -1;
  for (const char* key : keys) {
    const auto it = entry.find(key);
    if (it != entry.end() && it->is_number() && it->get<double>() >= 0) {
      return static_cast<int64_t>(std::llround(it->get<double>()));
    }
  }
  return -1;
}

int64_t entry_instructions(const nlohmann::json& e) {
  return first_integer(e, {"instructions_per_inference", "instructions"});
}

// Every (model, entry) measured on `target`, whichever layout the file uses.
std::vector<std::pair<std::string, const nlohmann::json*>> target_entries(
    const nlohmann::json& j, const std::string& target) {
  std::vector<std::pair<std::string, const nlohmann::json*>> out;
  const std::string want = target_key(target);
  if (j.contains("models") && j["models"].is_object()) {
    for (const auto& [model, per_target] : j["models"].items()) {
      if (!per_target.is_object()) continue;
      for (const auto& [t, entry] : per_target.items()) {
        if (target_key(t) == want) out.emplace_back(model, &entry);
      }
    }
  }
  // bench/run-cortex-m writes {TARGET: {MODEL: {...}}} at the top level.
  for (const auto& [t, models] : j.items()) {
    if (target_key(t) != want || !models.is_object()) continue;
    for (const auto& [model, entry] : models.items()) out.emplace_back(model, &entry);
  }
  if (j.contains("targets") && j["targets"].is_object()) {
    for (const auto& [t, body] : j["targets"].items()) {
      if (target_key(t) != want || !body.is_object()) continue;
      const nlohmann::json& models = body.contains("models") ? body["models"] : body;
      if (!models.is_object()) continue;
      for (const auto& [model, entry] : models.items()) out.emplace_back(model, &entry);
    }
  }
  return out;
}

bool same_model(const nlohmann::json& entry, int64_t macs) {
  const int64_t measured = first_integer(entry, {"macs"});
  return measured < 0 || measured == macs;
}

struct Cycles {
  bool ok = false;
  double cycles = 0.0;
  double instructions = -1.0;
  std::string method;
  std::vector<std::string> steps;    // one line per step, with its numbers
  std::vector<std::string> sources;  // where each step's constant comes from
  std::string failure;
};

// Cycles per inference on `core`, from the best figure available (see the header).
Cycles core_cycles(const CoreProfile& core, const ProfileSet& profiles,
                   const MeasuredResults* measured, const ModelFacts& model, int depth) {
  Cycles r;
  double instructions = -1.0;
  if (measured != nullptr && !core.measured_target.empty()) {
    const MeasuredFigures m =
        lookup_measured(*measured, core.measured_target, model.stem, model.macs);
    if (m.instructions > 0) {
      instructions = static_cast<double>(m.instructions);
      r.method = "measured";
      r.steps.push_back(
          fmt::format("{} instructions per inference, measured for this model on "
                      "the emulated {}",
                      grouped(m.instructions), core.measured_target));
      r.sources.push_back(measured->path);
    } else if (m.target_models > 0 && m.target_macs_per_instruction > 0.0) {
      instructions = static_cast<double>(model.macs) / m.target_macs_per_instruction;
      r.method = "measured-average";
      r.steps.push_back(fmt::format(
          "{} MACs / {:.4f} MACs per instruction (average of the {} models measured on the "
          "emulated {}) = {} instructions",
          grouped(model.macs), m.target_macs_per_instruction, m.target_models, core.measured_target,
          grouped(std::llround(instructions))));
      r.sources.push_back(measured->path);
    }
  }
  if (instructions < 0.0 && (!core.proxy_models.empty() || core.proxy_macs_per_instruction > 0)) {
    const auto it = core.proxy_models.find(model.stem);
    if (it != core.proxy_models.end() && it->second.macs == model.macs) {
      instructions = static_cast<double>(it->second.instructions);
      r.method = "proxy";
      r.steps.push_back(fmt::format(
          "{} instructions per inference: not measured for Mote yet; TFLM's reference kernels "
          "on the {} (proxy)",
          grouped(it->second.instructions), core.name));
      r.sources.push_back(core.proxy_source);
    } else if (core.proxy_macs_per_instruction > 0.0) {
      instructions = static_cast<double>(model.macs) / core.proxy_macs_per_instruction;
      r.method = "proxy-average";
      r.steps.push_back(fmt::format(
          "{} MACs / {:.4f} MACs per instruction = {} instructions: not measured for Mote yet; "
          "the average of TFLM's reference kernels on the {} (proxy)",
          grouped(model.macs), core.proxy_macs_per_instruction, grouped(std::llround(instructions)),
          core.name));
      r.sources.push_back(core.proxy_source);
    }
  }
  if (instructions >= 0.0) {
    r.ok = true;
    r.instructions = instructions;
    r.cycles = instructions * core.cycles_per_instruction;
    r.steps.push_back(fmt::format("x {:g} cycles per instruction on the {} (estimate) = {} cycles",
                                  core.cycles_per_instruction, core.name,
                                  grouped(std::llround(r.cycles))));
    r.sources.push_back(core.cycles_per_instruction_source);
    return r;
  }
  const CoreProfile* base = core.scale_from.empty() ? nullptr : profiles.find_core(core.scale_from);
  if (base == nullptr || depth > 4) {
    r.failure =
        fmt::format("no instruction count for the {}: nothing measured and no proxy", core.name);
    return r;
  }
  Cycles b = core_cycles(*base, profiles, measured, model, depth + 1);
  if (!b.ok) return b;
  r = b;
  r.cycles = b.cycles * core.cycle_scale;
  r.steps.push_back(fmt::format("x {:g} from the {} to the {} (estimate) = {} cycles",
                                core.cycle_scale, base->name, core.name,
                                grouped(std::llround(r.cycles))));
  r.sources.push_back(core.cycle_scale_source);
  return r;
}

// The target whose measured flash/arena figures apply to `core` (its own, else the one it
// borrows from), or "".
MeasuredFigures measured_for(const CoreProfile& core, const MeasuredResults* measured,
                             const ModelFacts& model, std::string* target) {
  MeasuredFigures none;
  if (measured == nullptr) return none;
  for (const std::string& t : {core.measured_target, core.runtime_flash_from}) {
    if (t.empty()) continue;
    const MeasuredFigures m = lookup_measured(*measured, t, model.stem, model.macs);
    if (m.runtime_flash_bytes >= 0 || m.arena_bytes >= 0) {
      *target = t;
      return m;
    }
  }
  return none;
}

int64_t sum_rows(const std::vector<BudgetRow>& rows) {
  int64_t total = 0;
  for (const BudgetRow& r : rows) total += r.bytes;
  return total;
}

void finish_budget(Budget* b) {
  b->headroom = b->capacity - sum_rows(b->rows);
  b->pass = b->headroom >= 0;
}

}  // namespace

ModelFacts model_facts(const LoadedModel& loaded, const PreparedModel& prepared) {
  ModelFacts f;
  f.path = loaded.path;
  f.stem = fs::path(loaded.path).stem().string();
  f.model_bytes = static_cast<int64_t>(loaded.size);
  std::set<std::string> ops;
  for (uint32_t i = 0; i < loaded.model.operator_count(); ++i) {
    const OperatorDesc op = loaded.model.op(i);
    ops.insert(op.name());
    f.macs += count_macs(loaded.model, op);
  }
  f.ops.assign(ops.begin(), ops.end());
  f.arena_bytes = static_cast<int64_t>(prepared.usage().total);
  return f;
}

std::string default_measured_results_path() {
#ifdef MOTE_SOURCE_DIR
  return (fs::path(MOTE_SOURCE_DIR) / "bench" / "results" / "cortex-m.json").string();
#else
  return "";
#endif
}

std::string default_m0plus_results_path() {
  const std::string main = default_measured_results_path();
  if (main.empty()) return "";
  return (fs::path(main).parent_path() / "cortex-m0plus.json").string();
}

void merge_measured_results(const MeasuredResults& extra, MeasuredResults* into) {
  for (const auto& [target, models] : extra.json.items()) {
    if (!into->json.contains(target)) into->json[target] = models;
  }
  into->path += " + " + extra.path;
}

std::optional<MeasuredResults> read_measured_results(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = fmt::format("{}: cannot be read", path);
    return std::nullopt;
  }
  MeasuredResults r;
  r.path = path;
  try {
    r.json = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    *error = fmt::format("{}: not valid JSON: {}", path, e.what());
    return std::nullopt;
  }
  if (!r.json.is_object()) {
    *error = fmt::format("{}: expected a JSON object", path);
    return std::nullopt;
  }
  return r;
}

MeasuredFigures lookup_measured(const MeasuredResults& results, const std::string& target,
                                const std::string& stem, int64_t macs) {
  MeasuredFigures m;
  double ratio_sum = 0.0;
  for (const auto& [model, entry] : target_entries(results.json, target)) {
    const int64_t instructions = entry_instructions(*entry);
    const int64_t entry_macs = first_integer(*entry, {"macs"});
    if (instructions > 0 && entry_macs > 0) {
      ratio_sum += static_cast<double>(entry_macs) / static_cast<double>(instructions);
      m.target_models += 1;
    }
    if (model != stem || !same_model(*entry, macs)) continue;
    m.instructions = instructions;
    m.runtime_flash_bytes = first_integer(
        *entry, {"flash_runtime_bytes", "runtime_flash_bytes", "runtime_kernels_flash_bytes"});
    m.arena_bytes = first_integer(*entry, {"arena_min_bytes", "arena_bytes"});
  }
  if (m.target_models > 0) m.target_macs_per_instruction = ratio_sum / m.target_models;
  return m;
}

int64_t estimate_runtime_flash(const RuntimeFlashModel& model, const std::vector<std::string>& ops,
                               std::vector<std::string>* unlisted_ops) {
  std::set<std::string> components(model.core_components.begin(), model.core_components.end());
  int64_t unlisted = 0;
  for (const std::string& op : ops) {
    const auto it = model.op_components.find(op);
    if (it == model.op_components.end()) {
      unlisted += model.unlisted_op_bytes;
      if (unlisted_ops != nullptr) unlisted_ops->push_back(op);
      continue;
    }
    components.insert(it->second.begin(), it->second.end());
  }
  int64_t total = unlisted;
  for (const std::string& c : components) total += model.component_bytes.at(c);
  return total;
}

bool estimate_fit(const ModelFacts& model, const BoardProfile& board, const ProfileSet& profiles,
                  const MeasuredResults* measured, const FitOptions& options, FitReport* report,
                  std::string* error) {
  FitReport& r = *report;
  r = FitReport();
  r.model = model;
  r.board = &board;
  r.core = profiles.find_core(board.core);
  r.rate_hz = options.rate_hz;
  r.measured_path = measured != nullptr ? measured->path : "";
  const CoreProfile& core = *r.core;

  const Battery* battery = nullptr;
  if (!options.battery.empty()) {
    battery = profiles.find_battery(options.battery);
    if (battery == nullptr) {
      std::string known;
      for (const std::string& id : profiles.battery_ids())
        known += (known.empty() ? "" : ", ") + id;
      *error = fmt::format("unknown battery '{}'; known batteries: {}", options.battery, known);
      return false;
    }
  }

  std::string measured_target;
  const MeasuredFigures m = measured_for(core, measured, model, &measured_target);

  // Flash: the board's own software, the runtime, the model as stored (.tflite bytes).
  r.flash.capacity = board.flash_bytes;
  for (const BudgetItem& item : board.flash_overhead) {
    r.flash.rows.push_back({item.what, item.bytes, item.source});
  }
  if (m.runtime_flash_bytes >= 0) {
    r.flash.rows.push_back({"runtime + kernels (measured)", m.runtime_flash_bytes,
                            fmt::format("measured for this model on the emulated {} ({})",
                                        measured_target, r.measured_path)});
  } else {
    std::vector<std::string> unlisted;
    const int64_t base = estimate_runtime_flash(profiles.runtime_flash, model.ops, &unlisted);
    const auto bytes = static_cast<int64_t>(std::llround(base * core.runtime_flash_scale));
    std::string source = fmt::format("estimate for the {} ops this model uses: {}",
                                     model.ops.size(), profiles.runtime_flash.source);
    if (core.runtime_flash_scale != 1.0) {
      source += fmt::format("; x {:g} for the {} ({})", core.runtime_flash_scale, core.name,
                            core.runtime_flash_scale_source);
    }
    if (!unlisted.empty()) {
      source += fmt::format("; ops without a size: {} ({})", fmt::join(unlisted, ", "),
                            profiles.runtime_flash.unlisted_op_source);
    }
    r.flash.rows.push_back({"runtime + kernels (estimate)", bytes, source});
  }
  r.flash.rows.push_back(
      {"model (.tflite, read in place from flash)", model.model_bytes, "size of " + model.path});
  finish_budget(&r.flash);

  // SRAM: the board's own software, then the arena.
  r.sram.capacity = board.sram_bytes;
  for (const BudgetItem& item : board.sram_overhead) {
    r.sram.rows.push_back({item.what, item.bytes, item.source});
  }
  int64_t arena = model.arena_bytes;
  if (m.arena_bytes >= 0) {
    arena = m.arena_bytes;
    r.sram.rows.push_back({"arena (measured on the target)", arena,
                           fmt::format("measured for this model on the emulated {} ({})",
                                       measured_target, r.measured_path)});
  } else {
    r.sram.rows.push_back(
        {"arena (host figure: upper bound for 32-bit)", arena,
         "the runtime's exact arena on the 64-bit host; a 32-bit target needs a little less "
         "(smaller pointers in the persistent part)"});
  }
  finish_budget(&r.sram);

  r.checks.push_back({"flash", r.flash.pass,
                      r.flash.pass ? fmt::format("{} bytes to spare", grouped(r.flash.headroom))
                                   : fmt::format("{} bytes short", grouped(-r.flash.headroom))});
  r.checks.push_back({"SRAM", r.sram.pass,
                      r.sram.pass ? fmt::format("{} bytes to spare", grouped(r.sram.headroom))
                                  : fmt::format("{} bytes short", grouped(-r.sram.headroom))});
  const bool block_ok = arena <= board.sram_largest_block_bytes;
  r.checks.push_back({"arena in one SRAM block", block_ok,
                      fmt::format("arena {} bytes, largest contiguous block {} bytes{}",
                                  grouped(arena), grouped(board.sram_largest_block_bytes),
                                  board.sram_largest_block_note.empty()
                                      ? ""
                                      : " (" + board.sram_largest_block_note + ")")});
  r.checks.push_back({"runtime builds for the core", core.runtime_supported,
                      core.runtime_supported ? core.name : core.unsupported_reason});

  // Latency.
  LatencyEstimate& lat = r.latency;
  if (!core.runtime_supported) {
    lat.unavailable_reason = core.unsupported_reason;
  } else {
    const Cycles c = core_cycles(core, profiles, measured, model, 0);
    if (!c.ok) {
      lat.unavailable_reason = c.failure;
    } else {
      lat.available = true;
      lat.cycles = c.cycles;
      lat.instructions = c.instructions;
      lat.method = c.method;
      lat.derivation = c.steps;
      lat.derivation_sources = c.sources;
      lat.seconds = c.cycles / board.clock_hz;
      lat.derivation.push_back(
          fmt::format("/ {} = {}", format_hz(board.clock_hz), format_duration(lat.seconds)));
      lat.derivation_sources.push_back(board.path);
    }
  }

  // Energy and battery.
  EnergyEstimate& e = r.energy;
  if (lat.available) {
    e.available = true;
    e.active_power_w = board.supply_v * board.active_current_a;
    e.sleep_power_w = board.supply_v * board.sleep_current_a;
    e.energy_per_inference_j = e.active_power_w * lat.seconds;
    const double busy = options.rate_hz * lat.seconds;
    if (options.rate_given) {
      const bool keeps_up = busy <= 1.0;
      r.checks.push_back({fmt::format("keeps up with {:g} inference{}/s", options.rate_hz,
                                      options.rate_hz == 1.0 ? "" : "s"),
                          keeps_up,
                          keeps_up ? fmt::format("busy {:.3g}% of the time", busy * 100.0)
                                   : fmt::format("one inference takes {}, {:.3g}x the period",
                                                 format_duration(lat.seconds), busy)});
    } else if (busy > 1.0) {
      // Without --rate, 1/s is only a basis for the energy figures: a model slower than that
      // runs back to back rather than failing a rate nobody asked for.
      r.rate_hz = 1.0 / lat.seconds;
      r.notes.push_back(fmt::format(
          "one inference takes {}: the energy figures assume back-to-back inferences ({:.3g}/s); "
          "pass --rate to check a rate",
          format_duration(lat.seconds), r.rate_hz));
    }
    e.duty = std::min(busy, 1.0);
    e.average_power_w = e.duty * e.active_power_w + (1.0 - e.duty) * e.sleep_power_w;
    if (battery != nullptr) {
      e.battery_given = true;
      e.battery_id = battery->id;
      e.battery_name = battery->name;
      e.battery_source = battery->source;
      // 1 mAh at 1 V is 3.6 J.
      e.battery_energy_j = battery->capacity_mah * battery->nominal_v * 3.6;
      e.battery_life_s = e.average_power_w > 0.0 ? e.battery_energy_j / e.average_power_w : 0.0;
      if (battery->max_pulse_a > 0.0 && board.active_current_a > battery->max_pulse_a) {
        e.warnings.push_back(fmt::format(
            "the board draws {} while active, more than the {} can deliver ({} maximum pulse): "
            "the estimate assumes it can",
            format_current(board.active_current_a), battery->id,
            format_current(battery->max_pulse_a)));
      }
    }
  }

  r.notes.push_back(
      "currents are the MCU's own (datasheet); board LEDs, regulators and sensors draw more");
  r.notes.push_back("run with --sources for the datasheet behind every figure");
  r.notes.insert(r.notes.end(), board.notes.begin(), board.notes.end());
  r.fits = std::all_of(r.checks.begin(), r.checks.end(), [](const Check& c) { return c.pass; });
  return true;
}

std::string format_duration(double s) {
  if (s < 1e-3) return fmt::format("{:.3g} us", s * 1e6);
  if (s < 1.0) return fmt::format("{:.3g} ms", s * 1e3);
  if (s < 120.0) return fmt::format("{:.3g} s", s);
  if (s < 2 * 3600.0) return fmt::format("{:.3g} min", s / 60.0);
  if (s < 2 * 86400.0) return fmt::format("{:.3g} hours", s / 3600.0);
  if (s < 365.25 * 86400.0) return fmt::format("{:.3g} days", s / 86400.0);
  return fmt::format("{:.3g} years", s / (365.25 * 86400.0));
}

std::string format_power(double w) {
  if (w >= 1.0) return fmt::format("{:.3g} W", w);
  if (w >= 1e-3) return fmt::format("{:.3g} mW", w * 1e3);
  if (w >= 1e-6) return fmt::format("{:.3g} uW", w * 1e6);
  return fmt::format("{:.3g} nW", w * 1e9);
}

std::string format_energy(double j) {
  if (j >= 1e3) return fmt::format("{:.3g} kJ", j / 1e3);
  if (j >= 1.0) return fmt::format("{:.3g} J", j);
  if (j >= 1e-3) return fmt::format("{:.3g} mJ", j * 1e3);
  if (j >= 1e-6) return fmt::format("{:.3g} uJ", j * 1e6);
  return fmt::format("{:.3g} nJ", j * 1e9);
}

namespace {

nlohmann::json budget_json(const Budget& b) {
  nlohmann::json rows = nlohmann::json::array();
  for (const BudgetRow& r : b.rows) {
    rows.push_back({{"what", r.what}, {"bytes", r.bytes}, {"source", r.source}});
  }
  return {{"capacity", b.capacity}, {"rows", rows}, {"headroom", b.headroom}, {"pass", b.pass}};
}

std::string budget_text(const char* title, const Budget& b) {
  constexpr int kWhat = 46;
  std::string out = fmt::format("{:<{}} {:>13} {:>7}\n", title, kWhat + 2, "bytes", "share");
  auto share = [&](int64_t bytes) {
    return b.capacity > 0 ? fmt::format("{:.1f}%", 100.0 * bytes / b.capacity) : "";
  };
  for (const BudgetRow& r : b.rows) {
    std::string what = r.what;
    if (what.size() > static_cast<size_t>(kWhat)) what = what.substr(0, kWhat - 3) + "...";
    out += fmt::format("  {:<{}} {:>13} {:>7}\n", what, kWhat, grouped(r.bytes), share(r.bytes));
  }
  out += fmt::format("  {:<{}} {:>13} {:>7}\n", "headroom", kWhat, grouped(b.headroom),
                     share(b.headroom));
  out += fmt::format("  {:<{}} {:>13} {:>7}  {}\n", "total", kWhat, grouped(b.capacity), "",
                     b.pass ? "PASS" : "FAIL");
  return out;
}

}  // namespace

nlohmann::json to_json(const FitReport& r) {
  const BoardProfile& board = *r.board;
  nlohmann::json j;
  j["model"] = {{"path", r.model.path},         {"stem", r.model.stem},
                {"bytes", r.model.model_bytes}, {"macs", r.model.macs},
                {"ops", r.model.ops},           {"host_arena_bytes", r.model.arena_bytes}};
  nlohmann::json sources = nlohmann::json::array();
  for (const Citation& c : board.sources) {
    sources.push_back({{"figure", c.figure},
                       {"value", c.value},
                       {"document", c.document},
                       {"section", c.section},
                       {"checked", c.checked}});
  }
  j["board"] = {{"id", board.id},
                {"name", board.name},
                {"mcu", board.mcu},
                {"core", r.core->name},
                {"clock_hz", board.clock_hz},
                {"flash_bytes", board.flash_bytes},
                {"sram_bytes", board.sram_bytes},
                {"sram_largest_block_bytes", board.sram_largest_block_bytes},
                {"supply_v", board.supply_v},
                {"active_current_a", board.active_current_a},
                {"sleep_current_a", board.sleep_current_a},
                {"profile", board.path},
                {"sources", sources}};
  j["flash"] = budget_json(r.flash);
  j["sram"] = budget_json(r.sram);
  nlohmann::json checks = nlohmann::json::array();
  for (const Check& c : r.checks) {
    checks.push_back({{"what", c.what}, {"pass", c.pass}, {"detail", c.detail}});
  }
  j["checks"] = checks;
  if (r.latency.available) {
    j["latency"] = {{"seconds", r.latency.seconds},
                    {"cycles", r.latency.cycles},
                    {"method", r.latency.method},
                    {"derivation", r.latency.derivation},
                    {"derivation_sources", r.latency.derivation_sources}};
    if (r.latency.instructions >= 0) j["latency"]["instructions"] = r.latency.instructions;
  } else {
    j["latency"] = {{"available", false}, {"reason", r.latency.unavailable_reason}};
  }
  if (r.energy.available) {
    const EnergyEstimate& e = r.energy;
    j["energy"] = {{"rate_hz", r.rate_hz},
                   {"active_power_w", e.active_power_w},
                   {"sleep_power_w", e.sleep_power_w},
                   {"energy_per_inference_j", e.energy_per_inference_j},
                   {"duty", e.duty},
                   {"average_power_w", e.average_power_w},
                   {"warnings", e.warnings}};
    if (e.battery_given) {
      j["energy"]["battery"] = {{"id", e.battery_id},
                                {"name", e.battery_name},
                                {"energy_j", e.battery_energy_j},
                                {"life_s", e.battery_life_s},
                                {"life_days", e.battery_life_s / 86400.0},
                                {"source", e.battery_source}};
    } else {
      j["energy"]["battery"] = nullptr;
    }
  } else {
    j["energy"] = nullptr;
  }
  j["measured_results"] =
      r.measured_path.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.measured_path);
  j["notes"] = r.notes;
  j["fits"] = r.fits;
  return j;
}

std::string to_text(const FitReport& r) {
  const BoardProfile& board = *r.board;
  std::string out = fmt::format("{} on {} ({}, {} @ {})\n\n", r.model.path, board.name, board.mcu,
                                r.core->name, format_hz(board.clock_hz));
  out += budget_text("Flash", r.flash);
  out += "\n";
  out += budget_text("SRAM", r.sram);
  out += "\nChecks\n";
  for (const Check& c : r.checks) {
    out += fmt::format("  {}  {}: {}\n", c.pass ? "PASS" : "FAIL", c.what, c.detail);
  }
  out += "\nLatency\n";
  if (r.latency.available) {
    out += fmt::format(
        "  {} per inference ({} MACs; {})\n", format_duration(r.latency.seconds),
        grouped(r.model.macs),
        r.latency.method == "measured" ? "measured instructions, estimated cycles" : "estimate");
    for (const std::string& step : r.latency.derivation) out += "    " + step + "\n";
  } else {
    out += fmt::format("  not estimated: {}\n", r.latency.unavailable_reason);
  }
  if (r.energy.available) {
    const EnergyEstimate& e = r.energy;
    out +=
        fmt::format("\nEnergy at {:g} inference{}/s ({:g} V; active {}, sleep {})\n", r.rate_hz,
                    r.rate_hz == 1.0 ? "" : "s", board.supply_v,
                    format_current(board.active_current_a), format_current(board.sleep_current_a));
    out += fmt::format("  {:<28} {}\n", "active power", format_power(e.active_power_w));
    out += fmt::format("  {:<28} {}\n", "sleep power", format_power(e.sleep_power_w));
    out += fmt::format("  {:<28} {}\n", "energy per inference",
                       format_energy(e.energy_per_inference_j));
    out += fmt::format("  {:<28} {:.3g}%\n", "duty cycle", e.duty * 100.0);
    out += fmt::format("  {:<28} {}\n", "average power", format_power(e.average_power_w));
    if (e.battery_given) {
      out += fmt::format("  {:<28} {} ({}, {})\n", "battery life (upper bound)",
                         format_duration(e.battery_life_s), e.battery_name,
                         format_energy(e.battery_energy_j));
    } else {
      out += "  battery life: pass --battery NAME (see `mote fit --list`)\n";
    }
    for (const std::string& w : e.warnings) out += "  warning: " + w + "\n";
  }
  out += "\nNotes\n";
  for (const std::string& n : r.notes) out += "  - " + n + "\n";
  out += fmt::format("\n{}\n", r.fits ? "Result: fits" : "Result: does NOT fit (exit code 1)");
  return out;
}

}  // namespace mote::tools
