// mote inspect MODEL: what a model computes and what it needs.
#include <fmt/core.h>

#include "common.h"
#include "model_info.h"

namespace mote::cli {
namespace {

struct InspectOptions {
  std::string model;
  bool json = false;
  bool tensors = false;
  bool plan = false;
};

int run_inspect(const InspectOptions& opt) {
  int exit_code = kExitOk;
  auto model = load_or_report(opt.model, &exit_code);
  if (model == nullptr) return exit_code;
  std::string error;
  Status status = Status::kOk;
  auto prepared = tools::PreparedModel::create(*model, &error, &status);
  const tools::ModelInfo info = tools::describe_model(*model, prepared.get(), error);
  if (opt.json) {
    fmt::print("{}\n", tools::to_json(info).dump(1));
  } else {
    fmt::print("{}", tools::to_text(info, opt.tensors, opt.plan));
  }
  // A model that loads but cannot be prepared is still inspected; the exit code says so.
  return prepared == nullptr ? exit_code_for(status) : kExitOk;
}

}  // namespace

void register_inspect(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", "Show ops, tensors, weight bytes, MACs per op and the arena plan of a model");
  cmd->add_option("MODEL", opt->model, ".tflite file")->required();
  cmd->add_flag("--json", opt->json,
                "Machine-readable output: arena {total, persistent, planned}, inputs, outputs, "
                "ops, tensors");
  cmd->add_flag("--tensors", opt->tensors, "Also list every tensor");
  cmd->add_flag("--plan", opt->plan, "Also draw the memory plan (tensor lifetimes and offsets)");
  cmd->callback([opt, exit_code] { *exit_code = run_inspect(*opt); });
}

}  // namespace mote::cli
