// mote run MODEL: one inference from raw input files (or generated inputs), outputs to files and
// to the terminal (top classes for classifiers).
#include <algorithm>
#include <cstring>
#include <numeric>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common.h"
#include "input_gen.h"
#include "model_info.h"
#include "mote/tflite_schema.h"
#include "tensor_values.h"

namespace mote::cli {
namespace {

struct RunOptions {
  std::string model;
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  uint64_t seed = 1;
  bool narrow = false;
  std::vector<double> float_range = {-1.0, 1.0};
  int top = 5;
  bool top_requested = false;
  bool json = false;
};

// A classifier output: a vector of scores produced by SOFTMAX or LOGISTIC (possibly followed by
// DEQUANTIZE), or any vector when the user asked for --top explicitly.
bool looks_like_classifier(const Model& model, const TensorHandle& t, bool top_requested) {
  const int64_t n = t.shape.num_elements();
  const int32_t last = t.shape.rank > 0 ? t.shape.dims[t.shape.rank - 1] : 1;
  if (n < 2 || n != last) return false;
  if (top_requested) return true;
  int32_t tensor = t.index;
  for (int hops = 0; hops < 2; ++hops) {
    for (uint32_t i = 0; i < model.operator_count(); ++i) {
      const OperatorDesc op = model.op(i);
      if (op.outputs.size() == 0 || op.outputs[0] != tensor) continue;
      const auto code = static_cast<schema::BuiltinOp>(op.builtin_code);
      if (code == schema::BuiltinOp::kSoftmax || code == schema::BuiltinOp::kLogistic) return true;
      if (code != schema::BuiltinOp::kDequantize || op.inputs.size() == 0) return false;
      tensor = op.inputs[0];
    }
  }
  return false;
}

int fill_inputs(const RunOptions& opt, Interpreter& interpreter) {
  const size_t count = interpreter.input_count();
  if (!opt.inputs.empty()) {
    if (opt.inputs.size() != count) {
      std::string expected;
      for (size_t i = 0; i < count; ++i) {
        const TensorHandle t = interpreter.input(i);
        expected +=
            fmt::format("\n  input {}: '{}' {} {} ({} bytes)", i, t.name, type_name(t.type),
                        tools::shape_string({t.shape.dims, t.shape.dims + t.shape.rank}), t.bytes);
      }
      print_error(fmt::format("{} --input file(s) given, the model has {} input(s):{}",
                              opt.inputs.size(), count, expected));
      return kExitUsage;
    }
    for (size_t i = 0; i < count; ++i) {
      const TensorHandle t = interpreter.input(i);
      std::vector<uint8_t> bytes;
      std::string error;
      if (!tools::read_file(opt.inputs[i], &bytes, &error)) {
        print_error(error);
        return kExitFileError;
      }
      if (bytes.size() != t.bytes) {
        print_error(fmt::format("{}: {} bytes, but input {} ('{}', {} {}) takes {} bytes",
                                opt.inputs[i], bytes.size(), i, t.name, type_name(t.type),
                                tools::shape_string({t.shape.dims, t.shape.dims + t.shape.rank}),
                                t.bytes));
        return kExitUsage;
      }
      std::memcpy(t.data, bytes.data(), bytes.size());
    }
    return kExitOk;
  }
  std::vector<tools::InputSpec> specs;
  for (size_t i = 0; i < count; ++i) {
    const TensorHandle t = interpreter.input(i);
    tools::InputSpec spec;
    spec.type = t.type;
    spec.elements = static_cast<size_t>(t.shape.num_elements());
    spec.zero_point = t.zero_point;
    spec.float_lo = opt.float_range[0];
    spec.float_hi = opt.float_range[1];
    specs.push_back(spec);
  }
  std::vector<std::vector<uint8_t>> data;
  if (!tools::generate_inputs(opt.seed,
                              opt.narrow ? tools::InputRule::kNarrow : tools::InputRule::kFullRange,
                              tools::InputRuleParams(), specs, &data)) {
    print_error("cannot generate inputs of this type; pass --input files");
    return kExitUnsupported;
  }
  for (size_t i = 0; i < count; ++i) {
    std::memcpy(interpreter.input(i).data, data[i].data(), data[i].size());
  }
  return kExitOk;
}

int run_run(const RunOptions& opt) {
  int exit_code = kExitOk;
  auto model = load_or_report(opt.model, &exit_code);
  if (model == nullptr) return exit_code;
  if (opt.float_range.size() != 2 || !(opt.float_range[0] < opt.float_range[1])) {
    print_error("--float-range takes LO,HI with LO < HI");
    return kExitUsage;
  }
  std::string error;
  auto prepared = prepare_or_report(*model, &exit_code, &error);
  if (prepared == nullptr) return exit_code;
  Interpreter& interpreter = prepared->interpreter();
  if (opt.outputs.size() > interpreter.output_count()) {
    print_error(fmt::format("{} --output file(s) given, the model has {} output(s)",
                            opt.outputs.size(), interpreter.output_count()));
    return kExitUsage;
  }
  exit_code = fill_inputs(opt, interpreter);
  if (exit_code != kExitOk) return exit_code;
  prepared->log().clear();
  const Status status = interpreter.invoke();
  if (status != Status::kOk) {
    print_error(fmt::format("{}: {}", opt.model, prepared->log().joined()));
    return exit_code_for(status);
  }
  for (size_t i = 0; i < opt.outputs.size(); ++i) {
    const TensorHandle t = interpreter.output(i);
    if (!tools::write_file(opt.outputs[i], t.data, t.bytes, &error)) {
      print_error(error);
      return kExitFileError;
    }
  }
  nlohmann::json j;
  j["model"] = opt.model;
  j["arena"] = prepared->usage().total;
  j["outputs"] = nlohmann::json::array();
  for (size_t o = 0; o < interpreter.output_count(); ++o) {
    const TensorHandle t = interpreter.output(o);
    const size_t n = static_cast<size_t>(t.shape.num_elements());
    std::vector<double> values(n);
    for (size_t i = 0; i < n; ++i) values[i] = tools::element_as_real(t, i);
    nlohmann::json oj = {{"name", t.name},
                         {"dtype", type_name(t.type)},
                         {"shape", std::vector<int32_t>(t.shape.dims, t.shape.dims + t.shape.rank)},
                         {"values", values}};
    if (!opt.json) {
      fmt::print("output {} '{}' {} {}\n", o, t.name, type_name(t.type),
                 tools::shape_string({t.shape.dims, t.shape.dims + t.shape.rank}));
    }
    if (looks_like_classifier(model->model, t, opt.top_requested)) {
      std::vector<size_t> order(n);
      std::iota(order.begin(), order.end(), 0);
      const size_t k = std::min<size_t>(static_cast<size_t>(std::max(opt.top, 0)), n);
      std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                        [&](size_t a, size_t b) {
                          return values[a] > values[b] || (values[a] == values[b] && a < b);
                        });
      nlohmann::json top = nlohmann::json::array();
      for (size_t r = 0; r < k; ++r) {
        top.push_back({{"class", order[r]}, {"score", values[order[r]]}});
        if (!opt.json)
          fmt::print("  #{:<2} class {:<5} {:.6f}\n", r + 1, order[r], values[order[r]]);
      }
      oj["top"] = top;
    } else if (!opt.json) {
      const size_t shown = std::min<size_t>(n, 16);
      std::string text;
      for (size_t i = 0; i < shown; ++i) text += fmt::format("{}{:.6g}", i ? ", " : "", values[i]);
      fmt::print("  [{}{}]\n", text, n > shown ? fmt::format(", ... ({} values)", n) : "");
    }
    j["outputs"].push_back(oj);
  }
  if (opt.json) fmt::print("{}\n", j.dump(1));
  return kExitOk;
}

}  // namespace

void register_run(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<RunOptions>();
  CLI::App* cmd =
      app.add_subcommand("run", "Run one inference; print outputs (top classes for classifiers)");
  cmd->add_option("MODEL", opt->model, ".tflite file")->required();
  cmd->add_option("-i,--input", opt->inputs,
                  "Raw little-endian bytes of one input tensor; repeat once per input, in order. "
                  "Without it, inputs are generated (see --seed)");
  cmd->add_option("-o,--output", opt->outputs,
                  "Write the raw bytes of one output tensor; repeat per output, in order");
  cmd->add_option("--seed", opt->seed,
                  "Seed for generated inputs (splitmix64, as ../shared/golden/README.md)");
  cmd->add_flag("--narrow", opt->narrow, "Generate values near the input zero point");
  cmd->add_option("--float-range", opt->float_range, "LO,HI range of generated float inputs")
      ->delimiter(',')
      ->expected(2);
  CLI::Option* top = cmd->add_option("--top", opt->top,
                                     "Print the K best classes (default 5 for SOFTMAX/LOGISTIC "
                                     "outputs)")
                         ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", opt->json, "Machine-readable output (all values, dequantized)");
  cmd->callback([opt, exit_code, top] {
    opt->top_requested = top->count() > 0;
    *exit_code = run_run(*opt);
  });
}

}  // namespace mote::cli
