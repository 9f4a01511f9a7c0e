// `mote eval`: accuracy, errors and agreement over datasets built here, in the three formats,
// and the errors a user gets for wrong sizes, missing files and missing labels.
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "command.h"
#include "dataset_reader.h"
#include "npy_file.h"
#include "shared_data.h"

namespace mote::testing {
namespace {

namespace fs = std::filesystem;

std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() / fmt::format("mote_eval_test_{}_{}", getpid(), name)).string();
}

nlohmann::json eval_json(const std::string& args) {
  const CommandResult r = mote("eval --json " + args);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  try {
    return nlohmann::json::parse(r.output);
  } catch (const nlohmann::json::exception&) {
    ADD_FAILURE() << "not JSON: " << r.output;
    return {};
  }
}

// hello_world: x in [0, 2*pi), target sin(x); 64 evenly spaced samples.
constexpr int kSineSamples = 64;
double sine_x(int i) { return 6.2 * i / kSineSamples; }

std::string write_sine_csv(const std::string& name, bool with_labels) {
  const std::string path = temp_path(name);
  std::ofstream out(path);
  out << (with_labels ? "x,sin_x\n" : "x\n");
  for (int i = 0; i < kSineSamples; ++i) {
    out << fmt::format("{:.9g}", sine_x(i));
    if (with_labels) out << fmt::format(",{:.9g}", std::sin(sine_x(i)));
    out << "\n";
  }
  return path;
}

TEST(Eval, SineRegressionInt8BesideFloat) {
  const std::string csv = write_sine_csv("sine.csv", true);
  const nlohmann::json j =
      eval_json(fmt::format("{} --reference {} --data {}", model_path("hello_world_int8"),
                            model_path("hello_world_float"), csv));
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["task"], "regress");
  EXPECT_EQ(j["samples"], kSineSamples);
  EXPECT_TRUE(j["labelled"].get<bool>());
  // The hello_world models approximate sin(x) to a few hundredths; int8 adds a little error.
  const double m = j["model_scores"]["mae"].get<double>();
  const double r = j["reference_scores"]["mae"].get<double>();
  EXPECT_GT(m, 0.0);
  EXPECT_LT(m, 0.1);
  EXPECT_LT(r, 0.1);
  EXPECT_LE(j["model_scores"]["max_error"].get<double>(), 0.5);
  EXPECT_GE(j["model_scores"]["max_error"].get<double>(), m);
  EXPECT_LT(j["agreement"]["mae"].get<double>(), 0.1);
  // Relative figures are over the targets' range (about [-1, 1]).
  const double range = j["range"][1].get<double>() - j["range"][0].get<double>();
  EXPECT_GT(range, 1.9);
  EXPECT_NEAR(j["model_scores"]["mae_relative_to_range"].get<double>(), m / range, 1e-12);
  // The float inputs were quantized with the int8 model's own input parameters.
  EXPECT_NE(j["input_conversion"][0].get<std::string>().find("zero point -128"), std::string::npos)
      << j["input_conversion"];

  const CommandResult text =
      mote(fmt::format("eval {} --reference {} --data {}", model_path("hello_world_int8"),
                       model_path("hello_world_float"), csv));
  EXPECT_EQ(text.exit_code, 0) << text.output;
  for (const char* s :
       {"64 samples", "regression", "mean absolute error", "reference", "model vs reference"}) {
    EXPECT_NE(text.output.find(s), std::string::npos) << s << "\n" << text.output;
  }
}

TEST(Eval, UnlabelledDataNeedsAReference) {
  const std::string csv = write_sine_csv("sine_unlabelled.csv", false);
  const nlohmann::json j =
      eval_json(fmt::format("{} --reference {} --data {}", model_path("hello_world_int8"),
                            model_path("hello_world_float"), csv));
  ASSERT_TRUE(j.is_object());
  EXPECT_FALSE(j["labelled"].get<bool>());
  EXPECT_TRUE(j["model_scores"].is_null());
  EXPECT_LT(j["agreement"]["mae"].get<double>(), 0.1);
  const CommandResult r =
      mote(fmt::format("eval {} --data {}", model_path("hello_world_int8"), csv));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("no labels"), std::string::npos) << r.output;
}

// The golden inputs of kws_ref_model, labelled with the class TFLM's outputs pick: a dataset
// on which Mote (bit-exact with TFLM) must score 100%.
std::string golden_kws_dir(const std::string& name, int wrong_labels) {
  const std::string golden = shared_dir() + "/golden/kws_ref_model/";
  const std::string dir = temp_path(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream labels(dir + "/labels.csv");
  labels << "file,label\n";
  for (int c = 1; c <= 10; ++c) {
    const std::vector<uint8_t> out = read_bytes(fmt::format("{}case{}.out0.bin", golden, c));
    size_t best = 0;
    for (size_t i = 1; i < out.size(); ++i) {
      if (static_cast<int8_t>(out[i]) > static_cast<int8_t>(out[best])) best = i;
    }
    if (c <= wrong_labels) best = (best + 1) % out.size();
    fs::copy_file(fmt::format("{}case{}.in0.bin", golden, c), fmt::format("{}/case{}.bin", dir, c),
                  fs::copy_options::overwrite_existing);
    labels << fmt::format("case{}.bin,{}\n", c, best);
  }
  return dir;
}

TEST(Eval, ClassifierOnGoldenCases) {
  const std::string dir = golden_kws_dir("kws", 0);
  const nlohmann::json j =
      eval_json(fmt::format("{} --reference {} --data {}", model_path("kws_ref_model"),
                            model_path("kws_ref_model"), dir));
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["task"], "classify");
  EXPECT_EQ(j["samples"], 10);
  EXPECT_EQ(j["model_scores"]["correct"], 10);
  EXPECT_DOUBLE_EQ(j["model_scores"]["accuracy"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(j["agreement"]["rate"].get<double>(), 1.0);
  EXPECT_NE(j["input_conversion"][0].get<std::string>().find("used as they are"),
            std::string::npos);

  // Two wrong labels: 80%.
  const std::string wrong = golden_kws_dir("kws_wrong", 2);
  const nlohmann::json w =
      eval_json(fmt::format("{} --data {}", model_path("kws_ref_model"), wrong));
  EXPECT_EQ(w["model_scores"]["correct"], 8);
  EXPECT_DOUBLE_EQ(w["model_scores"]["accuracy"].get<double>(), 0.8);
  EXPECT_TRUE(w["agreement"].is_null());
  const CommandResult text =
      mote(fmt::format("eval {} --data {}", model_path("kws_ref_model"), wrong));
  EXPECT_NE(text.output.find("80.00% (8/10)"), std::string::npos) << text.output;
}

TEST(Eval, NpyInputsAndLabels) {
  std::vector<float> x, y;
  for (int i = 0; i < kSineSamples; ++i) {
    x.push_back(static_cast<float>(sine_x(i)));
    y.push_back(static_cast<float>(std::sin(sine_x(i))));
  }
  std::string error;
  const std::string xs = temp_path("x.npy"), ys = temp_path("y.npy");
  ASSERT_TRUE(tools::write_npy_f32(xs, {x.size(), 1}, x, &error)) << error;
  ASSERT_TRUE(tools::write_npy_f32(ys, {y.size()}, y, &error)) << error;
  const nlohmann::json npy =
      eval_json(fmt::format("{} --data {} --labels {}", model_path("hello_world_float"), xs, ys));
  // The same samples as the CSV give the same error.
  const nlohmann::json csv = eval_json(fmt::format("{} --data {}", model_path("hello_world_float"),
                                                   write_sine_csv("sine2.csv", true)));
  ASSERT_TRUE(npy.is_object() && csv.is_object());
  EXPECT_EQ(npy["samples"], kSineSamples);
  EXPECT_NEAR(npy["model_scores"]["mae"].get<double>(), csv["model_scores"]["mae"].get<double>(),
              1e-6);

  // Reader: round trip and shape.
  std::vector<size_t> shape;
  std::vector<double> values;
  std::vector<uint8_t> raw;
  std::string dtype;
  ASSERT_TRUE(tools::read_npy(xs, &shape, &values, &raw, &dtype, &error)) << error;
  EXPECT_EQ(dtype, "<f4");
  EXPECT_EQ(shape, (std::vector<size_t>{static_cast<size_t>(kSineSamples), 1}));
  EXPECT_FLOAT_EQ(static_cast<float>(values[5]), x[5]);
}

TEST(Eval, WrongSizesAreNamed) {
  // A .bin of the wrong size in a labelled directory.
  const std::string dir = temp_path("wrong_bin");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir + "/a.bin") << "123";
  std::ofstream(dir + "/labels.csv") << "a.bin,0.5\n";
  const CommandResult bin =
      mote(fmt::format("eval {} --data {}", model_path("hello_world_int8"), dir));
  EXPECT_EQ(bin.exit_code, 2) << bin.output;
  EXPECT_NE(bin.output.find("3 bytes, but input 0"), std::string::npos) << bin.output;
  EXPECT_NE(bin.output.find("takes 1 bytes"), std::string::npos) << bin.output;

  // A CSV whose rows change width.
  const std::string ragged = temp_path("ragged.csv");
  std::ofstream(ragged) << "0.5,0.48\n1.0,0.84,7\n";
  const CommandResult rows =
      mote(fmt::format("eval {} --data {}", model_path("hello_world_float"), ragged));
  EXPECT_EQ(rows.exit_code, 2) << rows.output;
  EXPECT_NE(rows.output.find("ragged.csv:2"), std::string::npos) << rows.output;

  // Two targets for a one-value output.
  const std::string wide = temp_path("wide.csv");
  std::ofstream(wide) << "0.5,0.48,1\n";
  const CommandResult targets =
      mote(fmt::format("eval {} --data {}", model_path("hello_world_float"), wide));
  EXPECT_EQ(targets.exit_code, 2) << targets.output;
  EXPECT_NE(targets.output.find("2 target value(s)"), std::string::npos) << targets.output;

  // A .npy whose samples have the wrong element count.
  std::string error;
  const std::string npy = temp_path("wrong.npy");
  ASSERT_TRUE(tools::write_npy_f32(npy, {2, 3}, std::vector<float>(6, 0.0f), &error));
  const CommandResult shape =
      mote(fmt::format("eval {} --data {} --reference {}", model_path("hello_world_float"), npy,
                       model_path("hello_world_float")));
  EXPECT_EQ(shape.exit_code, 2) << shape.output;
  EXPECT_NE(shape.output.find("shape [2, 3] gives 3 values per sample"), std::string::npos)
      << shape.output;

  // A class label outside the classifier's outputs.
  const std::string bad_class = golden_kws_dir("kws_bad_class", 0);
  std::ofstream(bad_class + "/labels.csv") << "case1.bin,12\n";
  const CommandResult label = mote(
      fmt::format("eval {} --data {} --task classify", model_path("kws_ref_model"), bad_class));
  EXPECT_EQ(label.exit_code, 2) << label.output;
  EXPECT_NE(label.output.find("not a class index in [0, 12)"), std::string::npos) << label.output;

  // A reference whose output does not match.
  const CommandResult ref =
      mote(fmt::format("eval {} --data {} --reference {}", model_path("hello_world_float"),
                       write_sine_csv("sine3.csv", true), model_path("ad01_int8")));
  EXPECT_NE(ref.exit_code, 0) << ref.output;
}

TEST(Eval, MissingFilesAndEmptySets) {
  const CommandResult data =
      mote(fmt::format("eval {} --data /nonexistent/data.csv", model_path("hello_world_int8")));
  EXPECT_EQ(data.exit_code, 3) << data.output;
  EXPECT_NE(data.output.find("no such file"), std::string::npos) << data.output;
  const CommandResult model = mote("eval /nonexistent.tflite --data x.csv");
  EXPECT_EQ(model.exit_code, 3) << model.output;

  const std::string dir = temp_path("missing_listed");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir + "/labels.csv") << "file,label\nghost.bin,0.1\n";
  const CommandResult listed =
      mote(fmt::format("eval {} --data {}", model_path("hello_world_int8"), dir));
  EXPECT_EQ(listed.exit_code, 3) << listed.output;
  EXPECT_NE(listed.output.find("ghost.bin"), std::string::npos) << listed.output;

  const std::string empty = temp_path("empty.csv");
  std::ofstream(empty) << "x,y\n";
  const CommandResult none =
      mote(fmt::format("eval {} --data {}", model_path("hello_world_int8"), empty));
  EXPECT_EQ(none.exit_code, 2) << none.output;
  EXPECT_NE(none.output.find("no samples"), std::string::npos) << none.output;

  const CommandResult labels =
      mote(fmt::format("eval {} --data {} --labels /nonexistent.npy",
                       model_path("hello_world_float"), temp_path("x.npy")));
  EXPECT_NE(labels.exit_code, 0) << labels.output;
}

}  // namespace
}  // namespace mote::testing
