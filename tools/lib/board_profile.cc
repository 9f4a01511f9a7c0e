#include "board_profile.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

namespace mote::tools {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool read_json(const fs::path& path, nlohmann::json* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = fmt::format("{}: cannot be read", path.string());
    return false;
  }
  try {
    *out = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    *error = fmt::format("{}: not valid JSON: {}", path.string(), e.what());
    return false;
  }
  return true;
}

// Field readers: each names the file and the field when the value is missing or mistyped, so a
// user editing a profile learns exactly what to fix.
class Fields {
 public:
  Fields(const nlohmann::json& j, std::string where) : j_(j), where_(std::move(where)) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  std::string text(const char* key, bool required = true) {
    const nlohmann::json* v = find(key, required);
    if (v == nullptr) return "";
    if (!v->is_string()) return fail(key, "a string"), "";
    return v->get<std::string>();
  }
  double number(const char* key, bool required = true, double fallback = 0.0) {
    const nlohmann::json* v = find(key, required);
    if (v == nullptr) return fallback;
    if (!v->is_number()) return fail(key, "a number"), fallback;
    return v->get<double>();
  }
  double positive(const char* key) {
    const double v = number(key);
    if (ok() && !(v > 0.0)) fail(key, "a number > 0");
    return v;
  }
  int64_t bytes(const char* key) {
    const nlohmann::json* v = find(key, true);
    if (v == nullptr) return 0;
    if (!v->is_number_integer() || v->get<int64_t>() < 0) return fail(key, "bytes (>= 0)"), 0;
    return v->get<int64_t>();
  }
  bool flag(const char* key, bool fallback) {
    const nlohmann::json* v = find(key, false);
    if (v == nullptr) return fallback;
    if (!v->is_boolean()) return fail(key, "true or false"), fallback;
    return v->get<bool>();
  }
  std::vector<std::string> strings(const char* key) {
    std::vector<std::string> out;
    const nlohmann::json* v = find(key, false);
    if (v == nullptr) return out;
    if (!v->is_array()) return fail(key, "a list of strings"), out;
    for (const auto& s : *v) {
      if (!s.is_string()) return fail(key, "a list of strings"), out;
      out.push_back(s.get<std::string>());
    }
    return out;
  }
  const nlohmann::json* object(const char* key, bool required = true) {
    const nlohmann::json* v = find(key, required);
    if (v != nullptr && !v->is_object()) return fail(key, "an object"), nullptr;
    return v;
  }
  const nlohmann::json* array(const char* key, bool required = true) {
    const nlohmann::json* v = find(key, required);
    if (v != nullptr && !v->is_array()) return fail(key, "a list"), nullptr;
    return v;
  }
  void fail(const std::string& key, const char* expected) {
    if (error_.empty()) error_ = fmt::format("{}: field '{}' must be {}", where_, key, expected);
  }

 private:
  const nlohmann::json* find(const char* key, bool required) {
    if (!j_.is_object()) {
      if (error_.empty()) error_ = fmt::format("{}: expected a JSON object", where_);
      return nullptr;
    }
    const auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      if (required && error_.empty()) error_ = fmt::format("{}: missing field '{}'", where_, key);
      return nullptr;
    }
    return &*it;
  }

  const nlohmann::json& j_;
  std::string where_;
  std::string error_;
};

bool read_budget(const nlohmann::json* list, const std::string& where, std::vector<BudgetItem>* out,
                 std::string* error) {
  if (list == nullptr) return true;
  for (size_t i = 0; i < list->size(); ++i) {
    Fields f((*list)[i], fmt::format("{}[{}]", where, i));
    BudgetItem item;
    item.what = f.text("what");
    item.bytes = f.bytes("bytes");
    item.source = f.text("source");
    if (!f.ok()) return *error = f.error(), false;
    out->push_back(std::move(item));
  }
  return true;
}

bool read_board(const fs::path& path, BoardProfile* board, std::string* error) {
  nlohmann::json j;
  if (!read_json(path, &j, error)) return false;
  const std::string where = path.string();
  Fields f(j, where);
  board->path = where;
  board->id = f.text("id");
  board->name = f.text("name");
  board->aliases = f.strings("aliases");
  board->mcu = f.text("mcu");
  board->core = f.text("core");
  board->clock_hz = f.positive("clock_hz");
  board->flash_bytes = f.bytes("flash_bytes");
  board->sram_bytes = f.bytes("sram_bytes");
  board->sram_largest_block_bytes = f.bytes("sram_largest_block_bytes");
  board->sram_largest_block_note = f.text("sram_largest_block_note", false);
  board->supply_v = f.positive("supply_v");
  board->active_current_a = f.positive("active_current_a");
  board->active_note = f.text("active_note", false);
  board->sleep_current_a = f.number("sleep_current_a");
  board->sleep_note = f.text("sleep_note", false);
  board->notes = f.strings("notes");
  const nlohmann::json* overhead = f.object("overhead");
  const nlohmann::json* sources = f.array("sources");
  if (!f.ok()) return *error = f.error(), false;
  if (board->id != path.stem().string()) {
    *error = fmt::format("{}: id '{}' must match the file name", where, board->id);
    return false;
  }
  Fields o(*overhead, where + ": overhead");
  const nlohmann::json* flash = o.array("flash");
  const nlohmann::json* sram = o.array("sram");
  if (!o.ok()) return *error = o.error(), false;
  if (!read_budget(flash, where + ": overhead.flash", &board->flash_overhead, error) ||
      !read_budget(sram, where + ": overhead.sram", &board->sram_overhead, error)) {
    return false;
  }
  for (size_t i = 0; i < sources->size(); ++i) {
    Fields s((*sources)[i], fmt::format("{}: sources[{}]", where, i));
    Citation c;
    c.figure = s.text("figure");
    c.value = s.text("value");
    c.document = s.text("document");
    c.section = s.text("section");
    c.checked = s.text("checked");
    if (!s.ok()) return *error = s.error(), false;
    board->sources.push_back(std::move(c));
  }
  if (board->sram_largest_block_bytes > board->sram_bytes) {
    *error = fmt::format("{}: sram_largest_block_bytes exceeds sram_bytes", where);
    return false;
  }
  return true;
}

bool read_cores(const fs::path& path, ProfileSet* out, std::string* error) {
  nlohmann::json j;
  if (!read_json(path, &j, error)) return false;
  const std::string where = path.string();
  Fields top(j, where);
  const nlohmann::json* flash = top.object("runtime_flash");
  const nlohmann::json* cores = top.object("cores");
  if (!top.ok()) return *error = top.error(), false;

  Fields rf(*flash, where + ": runtime_flash");
  RuntimeFlashModel& model = out->runtime_flash;
  model.source = rf.text("source");
  model.core_components = rf.strings("core_components");
  model.unlisted_op_bytes = rf.bytes("unlisted_op_bytes");
  model.unlisted_op_source = rf.text("unlisted_op_source");
  const nlohmann::json* sizes = rf.object("component_bytes");
  const nlohmann::json* ops = rf.object("op_components");
  if (!rf.ok()) return *error = rf.error(), false;
  for (const auto& [name, bytes] : sizes->items()) {
    if (!bytes.is_number_integer()) {
      *error = fmt::format("{}: runtime_flash.component_bytes.{} must be bytes", where, name);
      return false;
    }
    model.component_bytes[name] = bytes.get<int64_t>();
  }
  auto known = [&](const std::string& c) { return model.component_bytes.count(c) != 0; };
  for (const std::string& c : model.core_components) {
    if (!known(c)) {
      *error = fmt::format("{}: core component '{}' has no size", where, c);
      return false;
    }
  }
  for (const auto& [op, list] : ops->items()) {
    Fields of(*ops, where + ": runtime_flash.op_components");
    const std::vector<std::string> components = of.strings(op.c_str());
    if (!of.ok()) return *error = of.error(), false;
    for (const std::string& c : components) {
      if (!known(c)) {
        *error = fmt::format("{}: op {} lists component '{}', which has no size", where, op, c);
        return false;
      }
    }
    model.op_components[op] = components;
  }

  for (const auto& [id, body] : cores->items()) {
    Fields c(body, fmt::format("{}: cores.{}", where, id));
    CoreProfile core;
    core.id = id;
    core.name = c.text("name");
    core.runtime_supported = c.flag("runtime_supported", true);
    core.unsupported_reason = c.text("unsupported_reason", !core.runtime_supported);
    core.measured_target = c.text("measured_target", false);
    core.cycles_per_instruction = c.number("cycles_per_instruction", false, 1.0);
    core.cycles_per_instruction_source = c.text("cycles_per_instruction_source", false);
    core.scale_from = c.text("scale_from", false);
    core.cycle_scale = c.number("cycle_scale", false, 1.0);
    core.cycle_scale_source = c.text("cycle_scale_source", !core.scale_from.empty());
    core.runtime_flash_from = c.text("runtime_flash_from", false);
    core.runtime_flash_scale = c.number("runtime_flash_scale", false, 1.0);
    core.runtime_flash_scale_source = c.text("runtime_flash_scale_source", false);
    const nlohmann::json* proxy = c.object("proxy", false);
    if (!c.ok()) return *error = c.error(), false;
    if (proxy != nullptr) {
      Fields p(*proxy, fmt::format("{}: cores.{}.proxy", where, id));
      core.proxy_source = p.text("source");
      core.proxy_macs_per_instruction = p.positive("macs_per_instruction");
      const nlohmann::json* models = p.object("models", false);
      if (!p.ok()) return *error = p.error(), false;
      if (models != nullptr) {
        for (const auto& [stem, m] : models->items()) {
          Fields pm(m, fmt::format("{}: cores.{}.proxy.models.{}", where, id, stem));
          ProxyModel figures;
          figures.instructions = pm.bytes("instructions");
          figures.macs = pm.bytes("macs");
          if (!pm.ok()) return *error = pm.error(), false;
          core.proxy_models[stem] = figures;
        }
      }
    }
    out->cores[id] = std::move(core);
  }
  // A core scaled from another must reach a core with a proxy, without loops.
  for (const auto& [id, core] : out->cores) {
    const CoreProfile* c = &core;
    for (int hops = 0; c != nullptr && !c->scale_from.empty(); ++hops) {
      const auto it = out->cores.find(c->scale_from);
      if (it == out->cores.end() || hops > 4) {
        *error = fmt::format("{}: cores.{}: scale_from '{}' is not a core (or loops)", where, id,
                             c->scale_from);
        return false;
      }
      c = &it->second;
    }
  }
  return true;
}

bool read_batteries(const fs::path& path, ProfileSet* out, std::string* error) {
  nlohmann::json j;
  if (!read_json(path, &j, error)) return false;
  const std::string where = path.string();
  Fields top(j, where);
  const nlohmann::json* list = top.object("batteries");
  if (!top.ok()) return *error = top.error(), false;
  for (const auto& [id, body] : list->items()) {
    Fields b(body, fmt::format("{}: batteries.{}", where, id));
    Battery battery;
    battery.id = id;
    battery.name = b.text("name");
    battery.aliases = b.strings("aliases");
    battery.capacity_mah = b.positive("capacity_mah");
    battery.nominal_v = b.positive("nominal_v");
    battery.max_pulse_a = b.number("max_pulse_a", false, 0.0);
    battery.source = b.text("source");
    if (!b.ok()) return *error = b.error(), false;
    out->batteries.push_back(std::move(battery));
  }
  std::sort(out->batteries.begin(), out->batteries.end(),
            [](const Battery& a, const Battery& b) { return a.id < b.id; });
  return true;
}

bool has_profiles(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "cores.json", ec) && fs::is_directory(dir / "boards", ec);
}

}  // namespace

const BoardProfile* ProfileSet::find_board(const std::string& name) const {
  const std::string wanted = lower(name);
  for (const BoardProfile& b : boards) {
    if (lower(b.id) == wanted) return &b;
    for (const std::string& alias : b.aliases) {
      if (lower(alias) == wanted) return &b;
    }
  }
  return nullptr;
}

const Battery* ProfileSet::find_battery(const std::string& name) const {
  const std::string wanted = lower(name);
  for (const Battery& b : batteries) {
    if (lower(b.id) == wanted) return &b;
    for (const std::string& alias : b.aliases) {
      if (lower(alias) == wanted) return &b;
    }
  }
  return nullptr;
}

const CoreProfile* ProfileSet::find_core(const std::string& id) const {
  const auto it = cores.find(id);
  return it == cores.end() ? nullptr : &it->second;
}

std::vector<std::string> ProfileSet::board_ids() const {
  std::vector<std::string> ids;
  for (const BoardProfile& b : boards) ids.push_back(b.id);
  return ids;
}

std::vector<std::string> ProfileSet::battery_ids() const {
  std::vector<std::string> ids;
  for (const Battery& b : batteries) ids.push_back(b.id);
  return ids;
}

std::string find_data_dir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("MOTE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    for (const fs::path& candidate : {bin / "data", bin / ".." / "share" / "mote" / "data"}) {
      if (has_profiles(candidate)) return candidate.lexically_normal().string();
    }
  }
#ifdef MOTE_SOURCE_DIR
  const fs::path source = fs::path(MOTE_SOURCE_DIR) / "data";
  if (has_profiles(source)) return source.string();
#endif
  return "";
}

bool load_profiles(const std::string& data_dir, ProfileSet* out, std::string* error) {
  *out = ProfileSet();
  if (data_dir.empty()) {
    *error =
        "no board profiles found: looked for data/ next to the executable, ../share/mote/data, "
        "and the source tree; pass --data-dir DIR or set MOTE_DATA_DIR";
    return false;
  }
  const fs::path dir(data_dir);
  if (!has_profiles(dir)) {
    *error = fmt::format("{}: not a profile directory (expected cores.json and boards/)", data_dir);
    return false;
  }
  out->data_dir = data_dir;
  if (!read_cores(dir / "cores.json", out, error)) return false;
  const fs::path batteries = dir / "batteries.json";
  std::error_code ec;
  if (fs::exists(batteries, ec) && !read_batteries(batteries, out, error)) return false;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir / "boards", ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    BoardProfile board;
    if (!read_board(file, &board, error)) return false;
    if (out->find_core(board.core) == nullptr) {
      *error = fmt::format("{}: core '{}' is not in cores.json", file.string(), board.core);
      return false;
    }
    out->boards.push_back(std::move(board));
  }
  if (out->boards.empty()) {
    *error = fmt::format("{}/boards: no board profiles", data_dir);
    return false;
  }
  return true;
}

}  // namespace mote::tools
