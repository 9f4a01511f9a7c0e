// mote eval MODEL --data DATA [--reference MODEL]: accuracy (classifiers) or error (regressors)
// over a labelled dataset, and agreement with a reference model, side by side.
#include <fmt/core.h>

#include "common.h"
#include "dataset_reader.h"
#include "eval_metrics.h"

namespace mote::cli {
namespace {

struct EvalOptions {
  std::string model;
  std::string data;
  std::string reference;
  std::string labels;
  std::string task = "auto";
  bool json = false;
};

// Loads and prepares a model that eval can drive (one input tensor).
std::unique_ptr<tools::PreparedModel> open_model(const std::string& path,
                                                 std::unique_ptr<tools::LoadedModel>* loaded,
                                                 int* exit_code) {
  *loaded = load_or_report(path, exit_code);
  if (*loaded == nullptr) return nullptr;
  std::string error;
  auto prepared = prepare_or_report(**loaded, exit_code, &error);
  if (prepared == nullptr) return nullptr;
  if (prepared->interpreter().input_count() != 1 || prepared->interpreter().output_count() < 1) {
    print_error(fmt::format("{}: eval takes models with one input tensor; this one has {}", path,
                            prepared->interpreter().input_count()));
    *exit_code = kExitUnsupported;
    return nullptr;
  }
  return prepared;
}

int run_eval(const EvalOptions& opt) {
  int exit_code = kExitOk;
  std::unique_ptr<tools::LoadedModel> model_file, reference_file;
  auto model = open_model(opt.model, &model_file, &exit_code);
  if (model == nullptr) return exit_code;
  std::unique_ptr<tools::PreparedModel> reference;
  if (!opt.reference.empty()) {
    reference = open_model(opt.reference, &reference_file, &exit_code);
    if (reference == nullptr) return exit_code;
  }

  tools::Dataset data;
  std::string error;
  const tools::DatasetError read = tools::read_dataset(
      opt.data, opt.labels, tools::input_layout(model->interpreter()), &data, &error);
  if (read != tools::DatasetError::kNone) {
    print_error(error);
    return read == tools::DatasetError::kFile ? kExitFileError : kExitUsage;
  }

  tools::EvalOptions options;
  options.task = opt.task;
  tools::EvalReport report;
  bool usage_error = false;
  if (!tools::evaluate(*model, reference.get(), data, options, &report, &error, &usage_error)) {
    print_error(error);
    return usage_error ? kExitUsage : kExitEvalFailed;
  }
  if (opt.json) {
    fmt::print("{}\n", tools::to_json(report).dump(1));
  } else {
    fmt::print("{}", tools::to_text(report));
  }
  return kExitOk;
}

}  // namespace

void register_eval(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Accuracy (classifiers) or error (regressors) over a labelled dataset, and agreement with "
      "a reference model");
  cmd->add_option("MODEL", opt->model, ".tflite file")->required();
  cmd->add_option("-d,--data", opt->data,
                  "Dataset: a directory of raw .bin inputs with labels.csv (file,label), a .csv "
                  "(input values then label(s) per row), or a .npy of inputs [N, ...]")
      ->required();
  cmd->add_option("-r,--reference", opt->reference,
                  "Reference model (e.g. the float original) to evaluate side by side and to "
                  "measure agreement with");
  cmd->add_option("--labels", opt->labels,
                  "Labels file: .npy or one label per line (for .npy data; overrides labels.csv)");
  cmd->add_option("--task", opt->task, "classify, regress or auto (default)")
      ->check(CLI::IsMember({"auto", "classify", "regress"}));
  cmd->add_flag("--json", opt->json,
                "Machine-readable output: task, samples, model_scores, reference_scores, "
                "agreement");
  cmd->callback([opt, exit_code] { *exit_code = run_eval(*opt); });
}

}  // namespace mote::cli
