// mote quantize FLOAT_MODEL --calib DATA -o INT8_MODEL: full-integer post-training quantization
// (tools/lib/quantize_model.h), with a per-layer report of what it costs
// (tools/lib/quantize_report.h). `--dequantize` goes the other way: the float twin of a
// quantized model.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <sstream>

#include <fmt/core.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "calibration_data.h"
#include "calibration_stats.h"
#include "common.h"
#include "model_def_reader.h"
#include "quantize_model.h"
#include "quantize_pipeline.h"
#include "quantize_report.h"

namespace mote::cli {
namespace {

using tools::Precision;
using tools::QuantizeError;

struct QuantizeCliOptions {
  std::string model;
  std::string output;
  std::vector<std::string> calib;
  size_t calib_random = 0;
  std::vector<double> float_range = {-1.0, 1.0};
  bool narrow = false;
  size_t max_samples = 0;
  std::vector<std::string> eval;
  size_t eval_random = 0;
  std::string mode = "int8";
  std::string io;
  std::string weights = "per-channel";
  bool fc_per_channel = false;
  std::string range = "minmax";
  double percentile = 99.99;
  double ema_decay = 0.9;
  std::vector<std::string> float_layers;
  std::vector<std::string> int16_layers;
  std::vector<std::string> int8_layers;
  bool dequantize = false;
  bool json = false;
  bool quiet = false;
};

int exit_code_for_error(QuantizeError e) {
  switch (e) {
    case QuantizeError::kNone:
      return kExitOk;
    case QuantizeError::kUsage:
      return kExitUsage;
    case QuantizeError::kUnsupported:
      return kExitUnsupported;
    case QuantizeError::kInvalid:
      return kExitInvalidModel;
  }
  return kExitFailure;
}

// Progress on stderr: rewritten in place on a terminal, one line per finished pass otherwise.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), tty_(isatty(2) != 0) {}

  tools::ProgressFn fn() {
    if (!enabled_) return nullptr;
    return [this](const char* pass, size_t done, size_t total) { report(pass, done, total); };
  }

 private:
  void report(const char* pass, size_t done, size_t total) {
    using Clock = std::chrono::steady_clock;
    if (done == 1 || pass != pass_) {
      pass_ = pass;
      start_ = Clock::now();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (tty_) {
      fmt::print(stderr, "\rmote: {}: {}/{} samples ({:.1f} s){}", pass, done, total, seconds,
                 done == total ? "\n" : "");
    } else if (done == total) {
      fmt::print(stderr, "mote: {}: {} samples ({:.1f} s)\n", pass, total, seconds);
    }
    std::fflush(stderr);
  }

  bool enabled_;
  bool tty_;
  std::string pass_;
  std::chrono::steady_clock::time_point start_;
};

std::vector<tools::LayerPrecision> layer_patterns(const QuantizeCliOptions& opt) {
  std::vector<tools::LayerPrecision> layers;
  const auto add = [&layers](const std::vector<std::string>& patterns, Precision p) {
    for (const std::string& list : patterns) {
      std::stringstream items(list);
      std::string item;
      while (std::getline(items, item, ',')) {
        if (!item.empty()) layers.push_back({item, p});
      }
    }
  };
  add(opt.int8_layers, Precision::kInt8);
  add(opt.int16_layers, Precision::kInt16);
  add(opt.float_layers, Precision::kFloat);
  return layers;
}

// Generated samples: `count` of them from seed `first_seed` on.
int generate_data(const QuantizeCliOptions& opt, const std::vector<tools::CalibrationInput>& inputs,
                  size_t count, uint64_t first_seed, tools::CalibrationSet* set) {
  std::string error;
  if (!tools::generate_calibration_set(
          inputs, count, opt.narrow ? tools::InputRule::kNarrow : tools::InputRule::kFullRange,
          opt.float_range[0], opt.float_range[1], set, &error, first_seed)) {
    print_error(error);
    return kExitUnsupported;
  }
  return kExitOk;
}

int load_data(const QuantizeCliOptions& opt, const std::vector<std::string>& paths,
              const std::vector<tools::CalibrationInput>& inputs, tools::CalibrationSet* set) {
  std::string error;
  if (paths.empty()) {
    if (generate_data(opt, inputs, opt.calib_random, 1, set) != kExitOk) {
      print_error(error);
      return kExitUnsupported;
    }
    return kExitOk;
  }
  switch (tools::load_calibration_set(paths, inputs, opt.max_samples, set, &error)) {
    case tools::CalibrationError::kNone:
      return kExitOk;
    case tools::CalibrationError::kFile:
      print_error(error);
      return kExitFileError;
    case tools::CalibrationError::kFormat:
      print_error(error);
      return kExitUsage;
  }
  return kExitFailure;
}

nlohmann::json io_json(const tools::ModelDef& def, const std::vector<int32_t>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const int32_t t : list) {
    const tools::TensorDef& tensor = def.tensors[static_cast<size_t>(t)];
    nlohmann::json j = {
        {"name", tensor.name}, {"dtype", type_name(tensor.type)}, {"shape", tensor.shape}};
    if (!tensor.quant.empty()) {
      j["scale"] = tensor.quant.scales[0];
      j["zero_point"] = tensor.quant.zero_points[0];
    } else {
      j["scale"] = nullptr;
      j["zero_point"] = nullptr;
    }
    out.push_back(j);
  }
  return out;
}

std::string io_text(const tools::ModelDef& def, const std::vector<int32_t>& list,
                    const char* what) {
  std::string s;
  for (size_t i = 0; i < list.size(); ++i) {
    const tools::TensorDef& t = def.tensors[static_cast<size_t>(list[i])];
    s += fmt::format("{} {}  {} [{}] '{}'", what, i, type_name(t.type), fmt::join(t.shape, ", "),
                     t.name);
    if (!t.quant.empty()) {
      s += fmt::format("  scale {:.6g} zero_point {}", t.quant.scales[0], t.quant.zero_points[0]);
    }
    s += "\n";
  }
  return s;
}

// Writes `def` after checking it with the verifier and the runtime (the file must run).
int write_checked(const tools::ModelDef& def, const std::string& path, size_t* bytes_out,
                  size_t* arena_out, std::unique_ptr<tools::LoadedModel>* loaded_out) {
  std::vector<uint8_t> bytes;
  std::string error;
  if (!tools::write_verified_tflite(def, &bytes, &error)) {
    print_error("internal error, the written model does not verify: " + error);
    return kExitFailure;
  }
  auto loaded = tools::load_model_bytes(bytes, path, &error);
  if (loaded == nullptr) {
    print_error(error);
    return kExitFailure;
  }
  Status status = Status::kOk;
  auto prepared = tools::PreparedModel::create(*loaded, &error, &status);
  if (prepared == nullptr) {
    print_error(fmt::format("the written model does not run in Mote's runtime: {}", error));
    return exit_code_for(status);
  }
  if (!tools::write_file(path, bytes.data(), bytes.size(), &error)) {
    print_error(error);
    return kExitFileError;
  }
  *bytes_out = bytes.size();
  *arena_out = prepared->usage().total;
  if (loaded_out != nullptr) *loaded_out = std::move(loaded);
  return kExitOk;
}

int run_dequantize(const QuantizeCliOptions& opt, tools::ModelDef def, size_t input_bytes) {
  std::vector<std::string> notes;
  std::string error;
  const QuantizeError e = tools::dequantize_model(&def, &notes, &error);
  if (e != QuantizeError::kNone) {
    print_error(fmt::format("{}: {}", opt.model, error));
    return exit_code_for_error(e);
  }
  size_t bytes = 0, arena = 0;
  const int code = write_checked(def, opt.output, &bytes, &arena, nullptr);
  if (code != kExitOk) return code;
  if (opt.json) {
    nlohmann::json j = {{"model", opt.model},
                        {"output", opt.output},
                        {"mode", "dequantize"},
                        {"notes", notes},
                        {"model_bytes", input_bytes},
                        {"output_bytes", bytes},
                        {"arena", arena},
                        {"inputs", io_json(def, def.inputs)},
                        {"outputs", io_json(def, def.outputs)}};
    fmt::print("{}\n", j.dump(1));
    return kExitOk;
  }
  fmt::print("float twin of {} -> {} ({} -> {} bytes, arena {} bytes)\n", opt.model, opt.output,
             input_bytes, bytes, arena);
  for (const std::string& note : notes) fmt::print("  {}\n", note);
  return kExitOk;
}

int run_quantize(const QuantizeCliOptions& opt) {
  // Options first: a typo should not cost a calibration run.
  tools::QuantizeOptions qopt;
  if (opt.mode == "int8") {
    qopt.precision = Precision::kInt8;
  } else if (opt.mode == "16x8") {
    qopt.precision = Precision::kInt16;
  } else {
    print_error(fmt::format("--mode takes int8 or 16x8, not '{}'", opt.mode));
    return kExitUsage;
  }
  const std::string io = opt.io.empty() ? (opt.mode == "16x8" ? "int16" : "int8") : opt.io;
  if (io == "int8") {
    qopt.io_type = TensorType::kInt8;
  } else if (io == "int16") {
    qopt.io_type = TensorType::kInt16;
  } else if (io == "float") {
    qopt.io_type = TensorType::kFloat32;
  } else {
    print_error(fmt::format("--io takes int8, int16 or float, not '{}'", opt.io));
    return kExitUsage;
  }
  if (opt.weights != "per-channel" && opt.weights != "per-tensor") {
    print_error(fmt::format("--weights takes per-channel or per-tensor, not '{}'", opt.weights));
    return kExitUsage;
  }
  qopt.per_channel = opt.weights == "per-channel";
  qopt.fc_per_channel = opt.fc_per_channel;
  qopt.layers = layer_patterns(opt);
  tools::RangeOptions ropt;
  if (!tools::parse_range_method(opt.range, &ropt.method)) {
    print_error(fmt::format("--range takes minmax, moving-average, percentile or mse, not '{}'",
                            opt.range));
    return kExitUsage;
  }
  ropt.percentile = opt.percentile;
  ropt.ema_decay = opt.ema_decay;
  if (!(opt.percentile > 50.0 && opt.percentile <= 100.0)) {
    print_error("--percentile takes a value in (50, 100]");
    return kExitUsage;
  }
  if (!(opt.ema_decay >= 0.0 && opt.ema_decay < 1.0)) {
    print_error("--ema-decay takes a value in [0, 1)");
    return kExitUsage;
  }
  if (opt.float_range.size() != 2 || !(opt.float_range[0] < opt.float_range[1])) {
    print_error("--float-range takes LO,HI with LO < HI");
    return kExitUsage;
  }
  if (!opt.dequantize && opt.calib.empty() && opt.calib_random == 0) {
    print_error(
        "give calibration data: --calib DATA (a directory of .bin files, .npy or .csv) or "
        "--calib-random N");
    return kExitUsage;
  }
  if (!opt.eval.empty() && opt.eval_random > 0) {
    print_error("--eval and --eval-random are exclusive");
    return kExitUsage;
  }
  if (!opt.calib.empty() && opt.calib_random > 0) {
    print_error("--calib and --calib-random are exclusive");
    return kExitUsage;
  }

  int exit_code = kExitOk;
  auto loaded = load_or_report(opt.model, &exit_code);
  if (loaded == nullptr) return exit_code;
  tools::ModelDef def;
  std::string error;
  if (!tools::read_model_def(loaded->model, &def, &error)) {
    print_error(fmt::format("{}: {}", opt.model, error));
    return kExitUnsupported;
  }
  if (opt.dequantize) return run_dequantize(opt, std::move(def), loaded->size);

  tools::QuantizeRun run;
  QuantizeError e = tools::quantize_begin(std::move(def), qopt, &run, &error);
  if (e != QuantizeError::kNone) {
    print_error(fmt::format("{}: {}", opt.model, error));
    return run.status != Status::kOk ? exit_code_for(run.status) : exit_code_for_error(e);
  }
  const std::vector<tools::CalibrationInput> inputs = tools::calibration_inputs(run.float_def);
  tools::CalibrationSet calib;
  exit_code = load_data(opt, opt.calib, inputs, &calib);
  if (exit_code != kExitOk) return exit_code;

  Progress progress(!opt.quiet);
  e = tools::quantize_finish(calib, ropt, progress.fn(), &run, &error);
  if (e != QuantizeError::kNone) {
    print_error(fmt::format("{}: {}", opt.model, error));
    return run.status != Status::kOk ? exit_code_for(run.status) : exit_code_for_error(e);
  }
  if (!tools::write_file(opt.output, run.bytes.data(), run.bytes.size(), &error)) {
    print_error(error);
    return kExitFileError;
  }
  const tools::ModelDef& def_float = run.float_def;
  const std::vector<std::string>& notes = run.notes;
  const tools::QuantizeResult& result = run.result;
  const size_t out_bytes = run.bytes.size();
  const size_t arena = run.arena;

  tools::QuantizeReport report;
  if (!tools::compare_models(*run.float_model, def_float, *run.quant_model, run.plan, run.ranges,
                             result, calib, progress.fn(), &report, &error)) {
    print_error(fmt::format("comparing the models failed: {}", error));
    return kExitEvalFailed;
  }
  tools::QuantizeReport held_out;
  tools::CalibrationSet eval;
  const bool has_eval = !opt.eval.empty() || opt.eval_random > 0;
  if (has_eval) {
    // Generated held-out samples continue the seeds after the generated calibration samples,
    // so the two sets are drawn alike but never share a sample.
    exit_code = opt.eval.empty()
                    ? generate_data(opt, inputs, opt.eval_random, opt.calib_random + 1, &eval)
                    : load_data(opt, opt.eval, inputs, &eval);
    if (exit_code != kExitOk) return exit_code;
    if (!tools::compare_models(*run.float_model, def_float, *run.quant_model, run.plan, run.ranges,
                               result, eval, progress.fn(), &held_out, &error)) {
      print_error(fmt::format("comparing the models failed: {}", error));
      return kExitEvalFailed;
    }
  }

  const std::string weights = qopt.per_channel
                                  ? (qopt.fc_per_channel ? "per-channel (dense layers too)"
                                                         : "per-channel (dense layers per-tensor)")
                                  : "per-tensor";
  if (opt.json) {
    nlohmann::json j = {
        {"model", opt.model},
        {"output", opt.output},
        {"mode", opt.mode},
        {"io", io},
        {"weights", qopt.per_channel ? "per-channel" : "per-tensor"},
        {"fc_per_channel", qopt.fc_per_channel},
        {"range", tools::range_method_name(ropt.method)},
        {"calibration", {{"source", calib.source}, {"samples", calib.samples.size()}}},
        {"notes", notes},
        {"model_bytes", loaded->size},
        {"output_bytes", out_bytes},
        {"arena", arena},
        {"inputs", io_json(result.model, result.model.inputs)},
        {"outputs", io_json(result.model, result.model.outputs)}};
    nlohmann::json layers = nlohmann::json::array();
    for (size_t k = 0; k < run.plan.op_precision.size(); ++k) {
      layers.push_back({{"op_index", k},
                        {"layer", tools::layer_name(def_float, k)},
                        {"precision", tools::precision_name(run.plan.op_precision[k])}});
    }
    j["precision"] = layers;
    j["report"] = tools::to_json(report);
    if (has_eval) {
      j["evaluation"] = {{"source", eval.source},
                         {"samples", eval.samples.size()},
                         {"outputs", tools::to_json(held_out)["outputs"]}};
    }
    fmt::print("{}\n", j.dump(1));
    return kExitOk;
  }
  fmt::print("quantized {} -> {}\n", opt.model, opt.output);
  fmt::print("  mode {}, io {}, weights {}, ranges {} over {}\n", opt.mode, io, weights,
             tools::range_method_name(ropt.method), calib.source);
  fmt::print("  {} -> {} bytes, runs in an arena of {} bytes\n", loaded->size, out_bytes, arena);
  for (const std::string& note : notes) fmt::print("  note: {}\n", note);
  fmt::print("{}{}\n", io_text(result.model, result.model.inputs, "input "),
             io_text(result.model, result.model.outputs, "output"));
  fmt::print("{}", tools::to_text(report));
  if (has_eval) {
    fmt::print("\nheld-out set {} ({} samples):\n", eval.source, eval.samples.size());
    const std::string text = tools::to_text(held_out);
    fmt::print("{}", text.substr(text.find("\noutput") + 1));
  }
  return kExitOk;
}

}  // namespace

void register_quantize(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<QuantizeCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "quantize", "Full-integer post-training quantization of a float model (int8 or 16x8)");
  cmd->footer(
      "Calibration data (DATA): a directory of raw .bin inputs (one file per sample; multi-input "
      "models: NAME.in0.bin, NAME.in1.bin, ...), or a .npy ([N, ...]) or .csv (one sample per "
      "line) per input.\n"
      "Layers are named by their output tensor (glob patterns), #N (operator N) or type:OP, e.g. "
      "--float-layers 'type:SOFTMAX' --int16-layers 'conv_1*,#7'.\n"
      "Exit codes: 0 ok, 2 bad options or calibration data of the wrong shape, 3 missing file, "
      "4 invalid model, 5 unsupported op or already quantized model, 7 the model failed while "
      "calibrating.");
  cmd->add_option("FLOAT_MODEL", opt->model, "Float .tflite model (hybrid models too)")->required();
  cmd->add_option("-o,--output", opt->output, "Quantized .tflite to write")->required();
  cmd->add_option("--calib", opt->calib,
                  "Calibration data: a directory of .bin, a .npy or a .csv; repeat per input "
                  "for .npy/.csv");
  cmd->add_option("--calib-random", opt->calib_random,
                  "Instead of --calib: N generated samples (../shared/golden rules, seeds 1..N)");
  cmd->add_option("--float-range", opt->float_range,
                  "LO,HI range of generated float samples (default -1,1)")
      ->delimiter(',')
      ->expected(2);
  cmd->add_flag("--narrow", opt->narrow, "Generated samples from the middle 25% of --float-range");
  cmd->add_option("--max-samples", opt->max_samples, "Use at most N samples of --calib");
  cmd->add_option("--eval", opt->eval,
                  "Held-out inputs (same formats) for the output agreement figures");
  cmd->add_option("--eval-random", opt->eval_random,
                  "Instead of --eval: N generated held-out samples (seeds after the generated "
                  "calibration samples)");
  cmd->add_option("--mode", opt->mode,
                  "int8 (default), or 16x8: int16 activations, int8 weights, int64 bias");
  cmd->add_option("--io", opt->io,
                  "Type of the model's inputs and outputs: int8, int16 or float (default: the "
                  "activation type; float adds QUANTIZE/DEQUANTIZE at the boundaries)");
  cmd->add_option("--weights", opt->weights,
                  "per-channel (default; dense layers stay per-tensor as TFLite's converter "
                  "writes them) or per-tensor");
  cmd->add_flag("--fc-per-channel", opt->fc_per_channel,
                "Quantize FULLY_CONNECTED weights per channel too");
  cmd->add_option("--range", opt->range,
                  "Activation ranges: minmax (default), moving-average, percentile or mse");
  cmd->add_option("--percentile", opt->percentile,
                  "--range percentile: share of values kept inside the range (default 99.99)");
  cmd->add_option("--ema-decay", opt->ema_decay,
                  "--range moving-average: decay per sample (default 0.9)");
  cmd->add_option("--float-layers", opt->float_layers, "Layers kept in float32 (comma list)");
  cmd->add_option("--int16-layers", opt->int16_layers, "Layers in 16x8 (comma list)");
  cmd->add_option("--int8-layers", opt->int8_layers, "Layers in int8 (comma list)");
  cmd->add_flag("--dequantize", opt->dequantize,
                "Write the float twin of a quantized model instead (no calibration)");
  cmd->add_flag("--json", opt->json, "Machine-readable report on stdout");
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress on stderr");
  cmd->callback([opt, exit_code] { *exit_code = run_quantize(*opt); });
}

}  // namespace mote::cli
