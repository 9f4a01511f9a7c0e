// Board, core and battery profiles for `mote fit`, read from JSON data files.
//
// The data lives in data/ (boards/<id>.json, cores.json, batteries.json); every figure in it
// names its source (datasheet, section, value) so a user can check it. find_data_dir() looks,
// in order, at an explicit directory, $MOTE_DATA_DIR, `data/` and `../share/mote/data/` next to
// the running executable (an installed copy), and the source tree the tools were built from
// (MOTE_SOURCE_DIR). Loading validates every field and names the file and field that is wrong.
//
//   tools::ProfileSet profiles;
//   std::string error;
//   if (!tools::load_profiles(tools::find_data_dir(""), &profiles, &error)) { ... }
//   const tools::BoardProfile* board = profiles.find_board("nano33ble");
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mote::tools {

// One figure and where it comes from.
struct Citation {
  std::string figure;    // "clock", "active current", ...
  std::string value;     // as the document states it, with units
  std::string document;  // document name and revision
  std::string section;   // section or table
  std::string checked;   // whether (and where) the figure was verified while writing the profile
};

// Bytes a board spends before the model: bootloader, RTOS, stacks, ...
struct BudgetItem {
  std::string what;
  int64_t bytes = 0;
  std::string source;
};

struct BoardProfile {
  std::string id;  // file stem in data/boards/
  std::string name;
  std::vector<std::string> aliases;
  std::string mcu;
  std::string core;  // key into CoreProfile's table (data/cores.json)
  double clock_hz = 0.0;
  int64_t flash_bytes = 0;
  int64_t sram_bytes = 0;
  int64_t sram_largest_block_bytes = 0;  // the arena is one contiguous block
  std::string sram_largest_block_note;
  double supply_v = 0.0;
  double active_current_a = 0.0;  // CPU running at clock_hz
  std::string active_note;
  double sleep_current_a = 0.0;  // the sleep state used between inferences (RAM retained)
  std::string sleep_note;
  std::vector<BudgetItem> flash_overhead;
  std::vector<BudgetItem> sram_overhead;
  std::vector<Citation> sources;
  std::vector<std::string> notes;
  std::string path;  // file it was read from
};

// A measured (or proxy) instruction count for one model.
struct ProxyModel {
  int64_t instructions = 0;
  int64_t macs = 0;
};

struct CoreProfile {
  std::string id;
  std::string name;
  bool runtime_supported = true;
  std::string unsupported_reason;
  std::string measured_target;  // key of this core in bench/results/cortex-m.json ("m4"); may be ""
  double cycles_per_instruction = 1.0;
  std::string cycles_per_instruction_source;
  // Cores estimated from another core's cycles (e.g. M7 from M4): cycles = base cycles * scale.
  std::string scale_from;
  double cycle_scale = 1.0;
  std::string cycle_scale_source;
  // Runtime flash: measured target to borrow when this core has none, and a size factor.
  std::string runtime_flash_from;
  double runtime_flash_scale = 1.0;
  std::string runtime_flash_scale_source;
  // Proxy instruction counts (the base core only): per model, else an average MACs/instruction.
  std::map<std::string, ProxyModel> proxy_models;
  double proxy_macs_per_instruction = 0.0;
  std::string proxy_source;
};

// Runtime + kernels flash estimate from per-object sizes (see data/cores.json).
struct RuntimeFlashModel {
  std::vector<std::string> core_components;
  std::map<std::string, int64_t> component_bytes;
  std::map<std::string, std::vector<std::string>> op_components;
  int64_t unlisted_op_bytes = 0;
  std::string source;
  std::string unlisted_op_source;
};

struct Battery {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  double capacity_mah = 0.0;
  double nominal_v = 0.0;
  double max_pulse_a = 0.0;  // 0 when the profile gives no limit
  std::string source;
};

struct ProfileSet {
  std::string data_dir;
  std::vector<BoardProfile> boards;  // sorted by id
  std::map<std::string, CoreProfile> cores;
  std::vector<Battery> batteries;  // sorted by id
  RuntimeFlashModel runtime_flash;

  // Case-insensitive match on id or alias; nullptr when unknown.
  const BoardProfile* find_board(const std::string& name) const;
  const Battery* find_battery(const std::string& name) const;
  const CoreProfile* find_core(const std::string& id) const;
  std::vector<std::string> board_ids() const;
  std::vector<std::string> battery_ids() const;
};

// The data directory to read, or "" when none is found. `explicit_dir` (from --data-dir) wins.
std::string find_data_dir(const std::string& explicit_dir);

// Reads boards/*.json, cores.json and batteries.json under `data_dir`. On failure returns false
// and sets *error to a message naming the file and the field.
bool load_profiles(const std::string& data_dir, ProfileSet* out, std::string* error);

}  // namespace mote::tools
