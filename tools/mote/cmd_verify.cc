// mote verify MODEL: would it run, and in how many bytes?
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "common.h"

namespace mote::cli {
namespace {

struct VerifyOptions {
  std::string model;
  int64_t arena = -1;
  bool json = false;
};

int run_verify(const VerifyOptions& opt) {
  int exit_code = kExitOk;
  auto model = load_or_report(opt.model, &exit_code);
  if (model == nullptr) return exit_code;
  nlohmann::json j;
  j["model"] = opt.model;
  j["verified"] = true;
  std::string error;
  Status status = Status::kOk;
  auto prepared = tools::PreparedModel::create(*model, &error, &status);
  if (prepared == nullptr) {
    j["runs"] = false;
    j["status"] = status_name(status);
    j["error"] = error;
    if (opt.json) {
      fmt::print("{}\n", j.dump(1));
    } else {
      print_error(fmt::format("{}: {}", opt.model, error));
    }
    return exit_code_for(status);
  }
  const ArenaUsage usage = prepared->usage();
  j["runs"] = true;
  j["arena"] = {
      {"total", usage.total}, {"persistent", usage.persistent}, {"planned", usage.planned}};
  int code = kExitOk;
  if (opt.arena >= 0) {
    // Prepare again in exactly the arena the user will give it on the device.
    std::vector<uint8_t> storage(static_cast<size_t>(opt.arena) + 16);
    const auto address = reinterpret_cast<uintptr_t>(storage.data());
    uint8_t* arena = storage.data() + (16 - address % 16) % 16;
    tools::MessageLog log;
    Interpreter interpreter(model->model, all_ops_resolver(),
                            Span<uint8_t>(arena, static_cast<size_t>(opt.arena)), log.reporter());
    const Status s = interpreter.prepare();
    j["fits"] = s == Status::kOk;
    j["arena_given"] = opt.arena;
    if (s != Status::kOk) {
      j["error"] = log.joined();
      code = exit_code_for(s);
    }
  }
  if (opt.json) {
    fmt::print("{}\n", j.dump(1));
  } else {
    fmt::print("{}: ok, runs in an arena of {} bytes ({} persistent + {} planned)\n", opt.model,
               usage.total, usage.persistent, usage.planned);
    if (opt.arena >= 0) {
      if (code == kExitOk) {
        fmt::print("fits in the given {} bytes\n", opt.arena);
      } else {
        print_error(j["error"].get<std::string>());
      }
    }
  }
  return code;
}

}  // namespace

void register_verify(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<VerifyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "Load, verify and prepare a model; the exit code says whether it would run");
  cmd->add_option("MODEL", opt->model, ".tflite file")->required();
  cmd->add_option("--arena", opt->arena,
                  "Also check that it prepares in exactly this many arena bytes")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", opt->json, "Machine-readable output");
  cmd->callback([opt, exit_code] { *exit_code = run_verify(*opt); });
}

}  // namespace mote::cli
