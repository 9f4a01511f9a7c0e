// `mote quantize` as a user runs it: hello_world_float against the shipped hello_world_int8,
// the interface and precision options, the float twin, and every kind of bad input with its
// exit code and message.
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "calibration_data.h"
#include "command.h"
#include "model_def_reader.h"
#include "model_file.h"
#include "npy_file.h"
#include "prepared_model.h"
#include "shared_data.h"
#include "tflite_writer.h"

namespace mote::testing {
namespace {

namespace fs = std::filesystem;

class QuantizeCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mote_quantize_cli_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // 256 inputs on hello_world_int8's input grid: q = -128..127 at its scale, i.e. its whole
  // input range [0, 6.2424].
  std::string hello_grid() const {
    const std::string csv = path("grid.csv");
    std::ofstream out(csv);
    out << "x\n";
    for (int i = 0; i < 256; ++i) out << fmt::format("{:.9g}\n", i * 0.024480115622282028);
    return csv;
  }

  fs::path dir_;
};

std::unique_ptr<tools::LoadedModel> load(const std::string& path) {
  std::string error;
  auto model = tools::load_model_file(path, &error);
  EXPECT_NE(model, nullptr) << error;
  return model;
}

tools::ModelDef read_def(const std::string& path) {
  auto model = load(path);
  tools::ModelDef def;
  std::string error;
  EXPECT_TRUE(model != nullptr && tools::read_model_def(model->model, &def, &error)) << error;
  return def;
}

// One inference of a single-input, single-output model on float `x`; the input is quantized
// and the output dequantized with the model's own parameters.
float infer(tools::PreparedModel& prepared, float x) {
  Interpreter& in = prepared.interpreter();
  const TensorHandle i = in.input(0);
  if (i.type == TensorType::kFloat32) {
    std::memcpy(i.data, &x, 4);
  } else {
    const long q = std::lround(x / i.scale) + i.zero_point;
    *static_cast<int8_t*>(i.data) = static_cast<int8_t>(std::min(127L, std::max(-128L, q)));
  }
  EXPECT_EQ(in.invoke(), Status::kOk);
  const TensorHandle o = in.output(0);
  if (o.type == TensorType::kFloat32) return *static_cast<const float*>(o.data);
  return o.scale * (*static_cast<const int8_t*>(o.data) - o.zero_point);
}

TEST_F(QuantizeCli, HelloWorldMatchesTheShippedInt8Twin) {
  const std::string out = path("hello_int8.tflite");
  const CommandResult r = mote(fmt::format("quantize {} --calib {} -o {} --json -q",
                                           model_path("hello_world_float"), hello_grid(), out),
                               false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json j = nlohmann::json::parse(r.output);
  EXPECT_EQ(mote("verify " + out).exit_code, 0);

  // The interface: the same input quantization as TFLite's converter gave hello_world_int8
  // (calibrated over the same range), an output zero point and scale near its.
  const tools::ModelDef ours = read_def(out);
  const tools::ModelDef theirs = read_def(model_path("hello_world_int8"));
  ASSERT_EQ(ours.tensors.size(), theirs.tensors.size());
  const tools::QuantDef& in_ours = ours.tensors[static_cast<size_t>(ours.inputs[0])].quant;
  const tools::QuantDef& in_theirs = theirs.tensors[static_cast<size_t>(theirs.inputs[0])].quant;
  EXPECT_NEAR(in_ours.scales[0], in_theirs.scales[0], 1e-6 * in_theirs.scales[0]);
  EXPECT_EQ(in_ours.zero_points[0], in_theirs.zero_points[0]);
  const tools::QuantDef& out_ours = ours.tensors[static_cast<size_t>(ours.outputs[0])].quant;
  const tools::QuantDef& out_theirs = theirs.tensors[static_cast<size_t>(theirs.outputs[0])].quant;
  EXPECT_NEAR(out_ours.scales[0], out_theirs.scales[0], 0.1 * out_theirs.scales[0]);
  EXPECT_NEAR(static_cast<double>(out_ours.zero_points[0]),
              static_cast<double>(out_theirs.zero_points[0]), 8.0);
  // Same structure: three FULLY_CONNECTED, version 4, int8 weights per tensor, int32 biases
  // whose scale is input scale x weight scale.
  ASSERT_EQ(ours.operators.size(), 3u);
  for (const tools::OperatorDef& op : ours.operators) {
    EXPECT_EQ(op.builtin_code, static_cast<int32_t>(schema::BuiltinOp::kFullyConnected));
    EXPECT_EQ(op.version, 4);
    const tools::TensorDef& input = ours.tensors[static_cast<size_t>(op.inputs[0])];
    const tools::TensorDef& weights = ours.tensors[static_cast<size_t>(op.inputs[1])];
    const tools::TensorDef& bias = ours.tensors[static_cast<size_t>(op.inputs[2])];
    EXPECT_EQ(weights.type, TensorType::kInt8);
    ASSERT_EQ(weights.quant.scales.size(), 1u);
    EXPECT_EQ(weights.quant.zero_points[0], 0);
    EXPECT_EQ(bias.type, TensorType::kInt32);
    EXPECT_FLOAT_EQ(bias.quant.scales[0], input.quant.scales[0] * weights.quant.scales[0]);
  }

  // Outputs over the whole input range: ours within 2.5% of the float output range at worst
  // (TFLite's converter: 5.6%), 1% on average, of the float
  // model, and closer to it than the shipped int8 model (TFLite's converter) is.
  std::string error;
  auto float_model = load(model_path("hello_world_float"));
  auto our_model = load(out);
  auto their_model = load(model_path("hello_world_int8"));
  auto pf = tools::PreparedModel::create(*float_model, &error);
  auto po = tools::PreparedModel::create(*our_model, &error);
  auto pt = tools::PreparedModel::create(*their_model, &error);
  ASSERT_TRUE(pf && po && pt) << error;
  double lo = 1e9, hi = -1e9, ours_max = 0.0, theirs_max = 0.0, ours_sum = 0.0;
  for (int i = 0; i <= 1000; ++i) {
    const float x = 6.2424295f * static_cast<float>(i) / 1000.0f;
    const float f = infer(*pf, x);
    lo = std::min<double>(lo, f);
    hi = std::max<double>(hi, f);
    const double ours_error = std::abs(infer(*po, x) - f);
    ours_max = std::max(ours_max, ours_error);
    ours_sum += ours_error;
    theirs_max = std::max<double>(theirs_max, std::abs(infer(*pt, x) - f));
  }
  EXPECT_LT(ours_max / (hi - lo), 0.025) << ours_max;
  EXPECT_LT(ours_sum / 1001.0 / (hi - lo), 0.01) << ours_sum;
  EXPECT_LT(ours_max, theirs_max);
  RecordProperty("ours_max_error_share", std::to_string(ours_max / (hi - lo)));
  RecordProperty("tflite_max_error_share", std::to_string(theirs_max / (hi - lo)));
  RecordProperty("ours_mean_error_share", std::to_string(ours_sum / 1001.0 / (hi - lo)));

  // The report: a regressor, one row per layer plus the input, SQNR of every layer.
  const nlohmann::json& report = j["report"];
  ASSERT_EQ(report["layers"].size(), 4u);
  EXPECT_EQ(report["layers"][0]["op"], "input");
  for (const auto& layer : report["layers"]) {
    EXPECT_TRUE(layer["sqnr_db"].is_number()) << layer.dump();
    EXPECT_GT(layer["sqnr_db"].get<double>(), 25.0) << layer.dump();
  }
  EXPECT_EQ(report["outputs"][0]["kind"], "regressor");
  EXPECT_LT(report["outputs"][0]["error_share_of_range"].get<double>(), 0.025);
  EXPECT_EQ(j["inputs"][0]["dtype"], "int8");
}

TEST_F(QuantizeCli, FloatInterface16x8AndMixedPrecision) {
  // --io float: float32 in and out, QUANTIZE first and DEQUANTIZE last.
  const std::string io_float = path("io_float.tflite");
  CommandResult r = mote(fmt::format("quantize {} --calib {} --io float -o {} -q",
                                     model_path("hello_world_float"), hello_grid(), io_float));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  tools::ModelDef def = read_def(io_float);
  EXPECT_EQ(def.tensors[static_cast<size_t>(def.inputs[0])].type, TensorType::kFloat32);
  EXPECT_EQ(def.tensors[static_cast<size_t>(def.outputs[0])].type, TensorType::kFloat32);
  EXPECT_EQ(def.tensors[static_cast<size_t>(def.inputs[0])].name, "serving_default_dense_input:0");
  EXPECT_EQ(def.operators.front().builtin_code, static_cast<int32_t>(schema::BuiltinOp::kQuantize));
  EXPECT_EQ(def.operators.back().builtin_code,
            static_cast<int32_t>(schema::BuiltinOp::kDequantize));
  EXPECT_EQ(mote("verify " + io_float).exit_code, 0);

  // 16x8: int16 activations (zero point 0), int8 weights, int64 biases, FULLY_CONNECTED v7.
  const std::string x16 = path("x16.tflite");
  r = mote(fmt::format("quantize {} --calib {} --mode 16x8 -o {} --json -q",
                       model_path("hello_world_float"), hello_grid(), x16),
           false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  def = read_def(x16);
  for (const tools::OperatorDef& op : def.operators) {
    EXPECT_EQ(op.version, 7);
    EXPECT_EQ(def.tensors[static_cast<size_t>(op.inputs[0])].type, TensorType::kInt16);
    EXPECT_EQ(def.tensors[static_cast<size_t>(op.inputs[0])].quant.zero_points[0], 0);
    EXPECT_EQ(def.tensors[static_cast<size_t>(op.inputs[1])].type, TensorType::kInt8);
    EXPECT_EQ(def.tensors[static_cast<size_t>(op.inputs[2])].type, TensorType::kInt64);
  }
  const nlohmann::json j = nlohmann::json::parse(r.output);
  EXPECT_LT(j["report"]["outputs"][0]["error_share_of_range"].get<double>(), 0.015);
  EXPECT_EQ(mote("verify " + x16).exit_code, 0);

  // Mixed: the middle layer in float, the last in 16x8; conversions at the boundaries.
  const std::string mixed = path("mixed.tflite");
  r = mote(fmt::format("quantize {} --calib {} --float-layers '#1' --int16-layers "
                       "'StatefulPartitionedCall*' -o {} --json -q",
                       model_path("hello_world_float"), hello_grid(), mixed),
           false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json m = nlohmann::json::parse(r.output);
  EXPECT_EQ(m["precision"][0]["precision"], "int8");
  EXPECT_EQ(m["precision"][1]["precision"], "float");
  EXPECT_EQ(m["precision"][2]["precision"], "16x8");
  def = read_def(mixed);
  std::vector<std::string> ops;
  for (const tools::OperatorDef& op : def.operators) {
    ops.push_back(schema::builtin_op_name(op.builtin_code));
  }
  EXPECT_EQ(ops, (std::vector<std::string>{"FULLY_CONNECTED", "DEQUANTIZE", "FULLY_CONNECTED",
                                           "QUANTIZE", "FULLY_CONNECTED", "QUANTIZE"}));
  EXPECT_EQ(mote("verify " + mixed).exit_code, 0);
}

TEST_F(QuantizeCli, FloatTwinOfTheInt8Model) {
  const std::string twin = path("twin.tflite");
  const CommandResult r =
      mote(fmt::format("quantize --dequantize {} -o {}", model_path("hello_world_int8"), twin));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const tools::ModelDef def = read_def(twin);
  for (const tools::TensorDef& t : def.tensors) {
    EXPECT_EQ(t.type, TensorType::kFloat32) << t.name;
    EXPECT_TRUE(t.quant.empty()) << t.name;
  }
  // The twin computes what the int8 model approximates: within a few output steps.
  std::string error;
  auto twin_model = load(twin);
  auto int8_model = load(model_path("hello_world_int8"));
  auto pt = tools::PreparedModel::create(*twin_model, &error);
  auto pi = tools::PreparedModel::create(*int8_model, &error);
  ASSERT_TRUE(pt && pi) << error;
  for (int i = 0; i <= 100; ++i) {
    const float x = 6.2f * static_cast<float>(i) / 100.0f;
    EXPECT_NEAR(infer(*pt, x), infer(*pi, x), 0.12) << x;
  }
}

// A float model with `op` after a FULLY_CONNECTED layer.
std::string small_float_model(const std::string& path, schema::BuiltinOp op) {
  tools::ModelDef def;
  tools::TensorDef x, w, b, h, y;
  x.name = "x";
  x.shape = {1, 4};
  w.name = "w";
  w.shape = {4, 4};
  w.data = tools::to_bytes<float>({1, 0.5f, -1, 2, 0, 1, 0, -0.5f, 0.25f, 0, 1, 0, -1, 0, 0, 1});
  b.name = "b";
  b.shape = {4};
  b.data = tools::to_bytes<float>({0.1f, -0.2f, 0.3f, 0});
  h.name = "h";
  h.shape = {1, 4};
  y.name = "y";
  y.shape = {1, 4};
  def.tensors = {x, w, b, h, y};
  def.inputs = {0};
  def.outputs = {4};
  tools::OperatorDef fc;
  fc.builtin_code = static_cast<int32_t>(schema::BuiltinOp::kFullyConnected);
  fc.inputs = {0, 1, 2};
  fc.outputs = {3};
  fc.options.type = schema::Options::kFullyConnected;
  tools::OperatorDef second;
  second.builtin_code = static_cast<int32_t>(op);
  second.inputs = {3};
  second.outputs = {4};
  def.operators = {fc, second};
  std::vector<uint8_t> bytes;
  std::string error;
  EXPECT_TRUE(tools::write_verified_tflite(def, &bytes, &error)) << error;
  EXPECT_TRUE(tools::write_file(path, bytes.data(), bytes.size(), &error)) << error;
  return path;
}

TEST_F(QuantizeCli, BadInputsHaveClearErrorsAndExitCodes) {
  const std::string model = model_path("hello_world_float");
  const std::string out = path("out.tflite");

  CommandResult r = mote("quantize --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"--calib", "--io", "--mode", "--range", "--float-layers", "16x8",
                           "NAME.in0.bin", "Exit codes"}) {
    EXPECT_NE(r.output.find(word), std::string::npos) << word;
  }
  EXPECT_EQ(mote(fmt::format("quantize {} --calib-random 4", model)).exit_code, 2);  // no -o

  r = mote(fmt::format("quantize {} -o {}", model, out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("give calibration data"), std::string::npos) << r.output;

  r = mote(fmt::format("quantize /nonexistent/float.tflite --calib-random 4 -o {}", out));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.output.find("no such file"), std::string::npos) << r.output;

  r = mote(fmt::format("quantize {} --calib {} -o {}", model, path("missing_dir"), out));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.output.find("missing_dir: no such file or directory"), std::string::npos) << r.output;

  fs::create_directories(dir_ / "empty");
  r = mote(fmt::format("quantize {} --calib {} -o {}", model, path("empty"), out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("no .bin files"), std::string::npos) << r.output;

  fs::create_directories(dir_ / "wrong");
  std::ofstream(path("wrong/1.bin"), std::ios::binary) << "12345678";  // 8 bytes, takes 4
  r = mote(fmt::format("quantize {} --calib {} -o {}", model, path("wrong"), out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("1.bin: 8 bytes, but input 0 'serving_default_dense_input:0' float32 "
                          "[1, 1] takes 4 bytes"),
            std::string::npos)
      << r.output;

  std::string error;
  ASSERT_TRUE(tools::write_npy_f32(path("bad.npy"), {5, 3}, std::vector<float>(15, 1.0f), &error));
  r = mote(fmt::format("quantize {} --calib {} -o {}", model, path("bad.npy"), out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("shape (5, 3) does not hold samples"), std::string::npos) << r.output;

  r = mote(fmt::format("quantize {} --calib-random 4 -o {}", model_path("hello_world_int8"), out));
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.output.find("already quantized"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--dequantize"), std::string::npos) << r.output;

  r = mote(fmt::format("quantize {} --calib-random 4 --mode int4 -o {}", model, out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--mode takes int8 or 16x8"), std::string::npos) << r.output;

  r = mote(fmt::format("quantize {} --calib-random 4 --float-layers 'nothing*' -o {}", model, out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("layer pattern 'nothing*' (float) matches no layer"), std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(out));

  // An operator without a quantized form is named, with the way out.
  const std::string exp_model = small_float_model(path("exp.tflite"), schema::BuiltinOp::kExp);
  r = mote(fmt::format("quantize {} --calib-random 4 -o {}", exp_model, out));
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.output.find("operator 1 (EXP, layer 'y') has no quantized form"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("--float-layers '#1'"), std::string::npos) << r.output;

  // An operator without a 16x8 form: named in 16x8 mode, fine once kept in int8.
  const std::string hs_model =
      small_float_model(path("hard_swish.tflite"), schema::BuiltinOp::kHardSwish);
  r = mote(fmt::format("quantize {} --calib-random 8 --mode 16x8 -o {}", hs_model, out));
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.output.find("operator 1 (HARD_SWISH, layer 'y') has no 16x8 form"), std::string::npos)
      << r.output;
  r =
      mote(fmt::format("quantize {} --calib-random 8 --mode 16x8 --int8-layers 'type:HARD_SWISH' "
                       "-o {} -q",
                       hs_model, out));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(mote("verify " + out).exit_code, 0);
}

// Every float classifier we can get, quantized from generated calibration samples, agrees with
// its float model's top-1 on at least 99% of held-out samples drawn the same way, and runs.
// The float models: the hybrid keyword spotter (int8 weights, float activations), and the float
// twins (`--dequantize`) of the shipped int8 classifiers.
struct ClassifierCase {
  const char* stem;
  bool make_float_twin;  // the shared model is int8: quantize its float twin
  size_t calib;
  size_t held_out;
};

class QuantizeClassifier : public QuantizeCli,
                           public ::testing::WithParamInterface<ClassifierCase> {};

TEST_P(QuantizeClassifier, Int8AgreesWithTheFloatModelOnHeldOutInputs) {
  const ClassifierCase& c = GetParam();
  std::string float_model = model_path(c.stem);
  if (c.make_float_twin) {
    float_model = path("float.tflite");
    const CommandResult twin =
        mote(fmt::format("quantize --dequantize {} -o {} -q", model_path(c.stem), float_model));
    ASSERT_EQ(twin.exit_code, 0) << twin.output;
  }
  const std::string out = path("int8.tflite");
  const CommandResult r =
      mote(fmt::format("quantize {} --calib-random {} --eval-random {} -o {} --json -q",
                       float_model, c.calib, c.held_out, out),
           false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json j = nlohmann::json::parse(r.output);
  ASSERT_EQ(j["evaluation"]["samples"], c.held_out);
  const nlohmann::json& output = j["evaluation"]["outputs"][0];
  ASSERT_EQ(output["kind"], "classifier") << output.dump();
  EXPECT_GE(output["top1_agreement"].get<double>(), 0.99) << output.dump();
  RecordProperty("top1_agreement", std::to_string(output["top1_agreement"].get<double>()));
  EXPECT_EQ(j["inputs"][0]["dtype"], "int8");
  EXPECT_EQ(mote("verify " + out).exit_code, 0);
  EXPECT_EQ(mote("run " + out).exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Models, QuantizeClassifier,
                         ::testing::Values(ClassifierCase{"kws_ref_model_float32", false, 64, 200},
                                           ClassifierCase{"kws_ref_model", true, 64, 200},
                                           ClassifierCase{"micro_speech_quantized", true, 64, 200},
                                           ClassifierCase{"vww_96_int8", true, 24, 100},
                                           ClassifierCase{"pretrainedResnet_quant", true, 24, 100}),
                         [](const ::testing::TestParamInfo<ClassifierCase>& param) {
                           return std::string(param.param.stem);
                         });

}  // namespace
}  // namespace mote::testing
