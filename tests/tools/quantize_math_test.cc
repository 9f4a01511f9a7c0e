// The quantization arithmetic against TFLite's quantizer conventions (quantization_utils.cc,
// portable_tensor_utils.cc), with hand-checked values; the histogram range choices; the
// calibration data loaders.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include "calibration_data.h"
#include "calibration_stats.h"
#include "model_file.h"
#include "npy_file.h"
#include "quantize_math.h"
#include "tflite_writer.h"

namespace mote::testing {
namespace {

using tools::QuantParams;

TEST(QuantizeMath, AsymmetricActivationParams) {
  // [-1, 1]: scale 2/255; zero point -128 + 127.5 = -0.5 rounds away from zero to -1.
  QuantParams p = tools::asymmetric_params(-1.0f, 1.0f, -128, 127);
  EXPECT_FLOAT_EQ(p.scale, 2.0f / 255.0f);
  EXPECT_EQ(p.zero_point, -1);
  // The range always holds 0: [0.5, 2] becomes [0, 2].
  p = tools::asymmetric_params(0.5f, 2.0f, -128, 127);
  EXPECT_FLOAT_EQ(p.scale, 2.0f / 255.0f);
  EXPECT_EQ(p.zero_point, -128);
  p = tools::asymmetric_params(-3.0f, -1.0f, -128, 127);
  EXPECT_FLOAT_EQ(p.scale, 3.0f / 255.0f);
  EXPECT_EQ(p.zero_point, 127);
  // All zeros: scale 0, as TFLite.
  p = tools::asymmetric_params(0.0f, 0.0f, -128, 127);
  EXPECT_EQ(p.scale, 0.0f);
  EXPECT_EQ(p.zero_point, -128);
  // The shipped hello_world_int8 input: [0, 6.2424295] gives its scale and zero point.
  p = tools::asymmetric_params(0.0f, 255 * 0.024480115622282028f, -128, 127);
  EXPECT_FLOAT_EQ(p.scale, 0.024480115622282028f);
  EXPECT_EQ(p.zero_point, -128);
}

TEST(QuantizeMath, SymmetricInt16Params) {
  QuantParams p = tools::activation_params(-2.0f, 1.0f, TensorType::kInt16);
  EXPECT_FLOAT_EQ(p.scale, 2.0f / 32767.0f);
  EXPECT_EQ(p.zero_point, 0);
  p = tools::activation_params(0.25f, 4.0f, TensorType::kInt16);
  EXPECT_FLOAT_EQ(p.scale, 4.0f / 32767.0f);
}

TEST(QuantizeMath, PerChannelWeightsRoundHalfAwayFromZeroAndClampTo127) {
  // Shape [2, 1, 1, 2], channel axis 0: channel 0 = {0.5, -1.0}, channel 1 = {0.25, 0.1}.
  const std::vector<float> w = {0.5f, -1.0f, 0.25f, 0.1f};
  const std::vector<int32_t> shape = {2, 1, 1, 2};
  const tools::ChannelRanges r = tools::channel_ranges(w, shape, 0);
  ASSERT_EQ(r.min.size(), 2u);
  const tools::QuantizedWeights q = tools::quantize_weights(w, shape, 0, r);
  ASSERT_EQ(q.scales.size(), 2u);
  EXPECT_FLOAT_EQ(q.scales[0], 1.0f / 127.0f);
  EXPECT_FLOAT_EQ(q.scales[1], 0.25f / 127.0f);
  // 0.5 x 127 = 63.5 -> 64; 0.1 x 508 = 50.8 -> 51.
  EXPECT_EQ(q.values, (std::vector<int8_t>{64, -127, 127, 51}));

  // Depthwise weights are per channel along dimension 3.
  const std::vector<int32_t> dw_shape = {1, 1, 2, 2};
  const tools::QuantizedWeights dw =
      tools::quantize_weights(w, dw_shape, 3, tools::channel_ranges(w, dw_shape, 3));
  EXPECT_FLOAT_EQ(dw.scales[0], 0.5f / 127.0f);  // {0.5, 0.25}
  EXPECT_FLOAT_EQ(dw.scales[1], 1.0f / 127.0f);  // {-1.0, 0.1}
  EXPECT_EQ(dw.values, (std::vector<int8_t>{127, -127, 64, 13}));
}

TEST(QuantizeMath, ZeroWeights) {
  const std::vector<float> w = {0.0f, 0.0f, 1.0f, -0.5f};
  const std::vector<int32_t> shape = {2, 2};
  // Per channel: an all-zero channel gets scale 0 (SymmetricPerChannelQuantization).
  const tools::QuantizedWeights pc =
      tools::quantize_weights(w, shape, 0, tools::channel_ranges(w, shape, 0));
  EXPECT_EQ(pc.scales[0], 0.0f);
  EXPECT_EQ(pc.values, (std::vector<int8_t>{0, 0, 127, -64}));
  // Per tensor: an all-zero tensor gets scale 1 (SymmetricQuantizeFloats).
  const std::vector<float> zeros(4, 0.0f);
  const tools::QuantizedWeights pt =
      tools::quantize_weights(zeros, shape, -1, tools::channel_ranges(zeros, shape, -1));
  EXPECT_EQ(pt.scales, (std::vector<float>{1.0f}));
  EXPECT_EQ(pt.values, (std::vector<int8_t>(4, 0)));
}

TEST(QuantizeMath, BiasScaleIsInputTimesWeightScale) {
  std::vector<float> scales;
  const std::vector<uint8_t> b32 =
      tools::quantize_bias({1.0f, -1.0f}, 0.5f, {0.01f, 0.02f}, 32, &scales);
  EXPECT_FLOAT_EQ(scales[0], 0.005f);
  EXPECT_FLOAT_EQ(scales[1], 0.01f);
  EXPECT_EQ(tools::from_bytes<int32_t>(b32), (std::vector<int32_t>{200, -100}));
  const std::vector<uint8_t> b64 = tools::quantize_bias({3.0f}, 0.5f, {0.001f}, 64, &scales);
  EXPECT_EQ(tools::from_bytes<int64_t>(b64), (std::vector<int64_t>{6000}));
  // Saturates at +-(2^31 - 1).
  const std::vector<uint8_t> big = tools::quantize_bias({1e9f, -1e9f}, 1e-3f, {1e-3f}, 32, &scales);
  EXPECT_EQ(tools::from_bytes<int32_t>(big),
            (std::vector<int32_t>{std::numeric_limits<int32_t>::max(),
                                  -std::numeric_limits<int32_t>::max()}));
}

TEST(QuantizeMath, WeightsWidenWhenTheBiasWouldOverflow) {
  // Weight scale 0.1/127 and input scale 1e-3 give a bias scale of ~7.9e-7: a bias of 1e6
  // would need 1.3e12. The weights widen until the bias fits in half the int32 range.
  const std::vector<float> w = {0.1f, -0.05f};
  tools::ChannelRanges r = tools::channel_ranges(w, {2, 1}, 0);
  tools::adjust_weight_ranges_for_bias(&r, {1e6f, 0.0f}, 1e-3f);
  EXPECT_GT(r.max[0], 100.0f);
  EXPECT_FLOAT_EQ(r.min[0], -r.max[0]);
  EXPECT_FLOAT_EQ(r.min[1], -0.05f);  // channel 1 untouched
  const tools::QuantizedWeights q = tools::quantize_weights(w, {2, 1}, 0, r);
  std::vector<float> scales;
  const std::vector<int32_t> bias =
      tools::from_bytes<int32_t>(tools::quantize_bias({1e6f, 0.0f}, 1e-3f, q.scales, 32, &scales));
  EXPECT_LE(std::abs(static_cast<double>(bias[0])), std::numeric_limits<int32_t>::max() / 2.0 + 1);
}

TEST(QuantizeMath, ValuesAndDequantize) {
  const std::vector<uint8_t> q =
      tools::quantize_values({-1.0f, 0.0f, 0.5f, 9.0f}, {0.5f, 10}, TensorType::kInt8);
  EXPECT_EQ(tools::from_bytes<int8_t>(q), (std::vector<int8_t>{8, 10, 11, 28}));
  const std::vector<uint8_t> q16 =
      tools::quantize_values({-1.0f, 40000.0f}, {1.0f, 0}, TensorType::kInt16);
  EXPECT_EQ(tools::from_bytes<int16_t>(q16), (std::vector<int16_t>{-1, 32767}));
  // Per-channel along dimension 1 of [2, 2].
  const std::vector<float> real = tools::dequantize_values(
      tools::to_bytes<int8_t>({1, 2, 3, 4}), TensorType::kInt8, {2, 2}, {1.0f, 0.5f}, {0, 2}, 1);
  EXPECT_EQ(real, (std::vector<float>{1.0f, 0.0f, 3.0f, 1.0f}));
  EXPECT_DOUBLE_EQ(tools::sqnr_db(100.0, 1.0), 20.0);
  EXPECT_TRUE(std::isinf(tools::sqnr_db(1.0, 0.0)));
}

TEST(QuantizeMath, Int16Constants) {
  float scale = 0.0f;
  const std::vector<int16_t> q = tools::quantize_int16_symmetric({-2.0f, 0.5f, 0.0f}, &scale);
  EXPECT_FLOAT_EQ(scale, 2.0f / 32767.0f);
  EXPECT_EQ(q, (std::vector<int16_t>{-32767, 8192, 0}));  // 8191.75 -> 8192
}

TEST(RangeChoice, PercentileDropsTheTails) {
  // 1000 values over [0, 100) in 100 bins, 10 per bin, plus an outlier bin at the top.
  std::vector<uint64_t> counts(101, 10);
  counts[100] = 1;  // the bin [100, 101)
  float lo = 0.0f, hi = 0.0f;
  tools::percentile_range(counts, 0.0f, 101.0f, 99.0, &lo, &hi);
  // 1% of 1001 values is 10.01: the lower bound sits 0.01 values into bin 1, the upper one
  // 9.01 values below the top of bin 99.
  EXPECT_NEAR(lo, 1.001, 1e-4);
  EXPECT_NEAR(hi, 99.099, 1e-3);
  tools::percentile_range(counts, 0.0f, 101.0f, 100.0, &lo, &hi);
  EXPECT_EQ(lo, 0.0f);
  EXPECT_EQ(hi, 101.0f);
}

TEST(RangeChoice, MseClipsARareOutlier) {
  // Most values in [0, 1], one far outlier at 100: clipping it costs less than coarse steps.
  std::vector<uint64_t> counts(1000, 0);
  for (size_t b = 0; b < 10; ++b) counts[b] = 100000;
  counts[999] = 1;
  float lo = 0.0f, hi = 0.0f;
  tools::mse_range(counts, 0.0f, 100.0f, TensorType::kInt8, &lo, &hi);
  EXPECT_EQ(lo, 0.0f);
  EXPECT_LT(hi, 50.0f);
  EXPECT_GE(hi, 1.0f);
}

class CalibrationDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("mote_calib_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string file(const std::string& name, const std::vector<uint8_t>& bytes) {
    const std::string path = (dir_ / name).string();
    std::string error;
    EXPECT_TRUE(tools::write_file(path, bytes.data(), bytes.size(), &error)) << error;
    return path;
  }
  static tools::CalibrationInput input(const std::string& name, std::vector<int32_t> shape) {
    tools::CalibrationInput in;
    in.name = name;
    in.shape = shape;
    in.elements = 1;
    for (int32_t d : shape) in.elements *= static_cast<size_t>(d);
    in.bytes = in.elements * 4;
    return in;
  }
  std::filesystem::path dir_;
};

TEST_F(CalibrationDataTest, DirectoryOfBinsSortedNaturally) {
  for (int i : {10, 2, 1})
    file(std::to_string(i) + ".bin", tools::to_bytes<float>({float(i), 0.0f}));
  file("notes.txt", {1, 2, 3});
  tools::CalibrationSet set;
  std::string error;
  ASSERT_EQ(tools::load_calibration_set({dir_.string()}, {input("x", {1, 2})}, 0, &set, &error),
            tools::CalibrationError::kNone)
      << error;
  ASSERT_EQ(set.samples.size(), 3u);
  EXPECT_EQ(tools::from_bytes<float>(set.samples[0].inputs[0])[0], 1.0f);
  EXPECT_EQ(tools::from_bytes<float>(set.samples[1].inputs[0])[0], 2.0f);
  EXPECT_EQ(tools::from_bytes<float>(set.samples[2].inputs[0])[0], 10.0f);
  ASSERT_EQ(tools::load_calibration_set({dir_.string()}, {input("x", {1, 2})}, 2, &set, &error),
            tools::CalibrationError::kNone);
  EXPECT_EQ(set.samples.size(), 2u);
}

TEST_F(CalibrationDataTest, MultiInputNamingAndErrors) {
  file("a.in0.bin", tools::to_bytes<float>({1.0f}));
  file("a.in1.bin", tools::to_bytes<float>({2.0f, 3.0f}));
  file("a.out0.bin", tools::to_bytes<float>({9.0f}));  // ignored: golden layout
  file("b.in0.bin", tools::to_bytes<float>({4.0f}));
  const std::vector<tools::CalibrationInput> inputs = {input("x", {1}), input("y", {2})};
  tools::CalibrationSet set;
  std::string error;
  EXPECT_EQ(tools::load_calibration_set({dir_.string()}, inputs, 0, &set, &error),
            tools::CalibrationError::kFormat);
  EXPECT_NE(error.find("sample 'b' has no file b.in1.bin for input 1 'y'"), std::string::npos)
      << error;
  file("b.in1.bin", tools::to_bytes<float>({5.0f, 6.0f}));
  ASSERT_EQ(tools::load_calibration_set({dir_.string()}, inputs, 0, &set, &error),
            tools::CalibrationError::kNone)
      << error;
  ASSERT_EQ(set.samples.size(), 2u);
  EXPECT_EQ(tools::from_bytes<float>(set.samples[1].inputs[1]), (std::vector<float>{5.0f, 6.0f}));
}

TEST_F(CalibrationDataTest, WrongSizesEmptyAndMissing) {
  tools::CalibrationSet set;
  std::string error;
  EXPECT_EQ(tools::load_calibration_set({dir_.string()}, {input("x", {3})}, 0, &set, &error),
            tools::CalibrationError::kFormat);
  EXPECT_NE(error.find("no .bin files"), std::string::npos) << error;
  file("s.bin", tools::to_bytes<float>({1.0f}));
  EXPECT_EQ(tools::load_calibration_set({dir_.string()}, {input("x", {3})}, 0, &set, &error),
            tools::CalibrationError::kFormat);
  EXPECT_NE(error.find("s.bin: 4 bytes, but input 0 'x' float32 [3] takes 12 bytes"),
            std::string::npos)
      << error;
  EXPECT_EQ(tools::load_calibration_set({(dir_ / "nope.npy").string()}, {input("x", {3})}, 0, &set,
                                        &error),
            tools::CalibrationError::kFile);
  EXPECT_NE(error.find("no such file"), std::string::npos) << error;
}

TEST_F(CalibrationDataTest, NpyAndCsv) {
  std::string error;
  const std::string npy = (dir_ / "x.npy").string();
  ASSERT_TRUE(tools::write_npy_f32(npy, {3, 2}, {1, 2, 3, 4, 5, 6}, &error)) << error;
  tools::CalibrationSet set;
  ASSERT_EQ(tools::load_calibration_set({npy}, {input("x", {1, 2})}, 0, &set, &error),
            tools::CalibrationError::kNone)
      << error;
  ASSERT_EQ(set.samples.size(), 3u);
  EXPECT_EQ(tools::from_bytes<float>(set.samples[2].inputs[0]), (std::vector<float>{5.0f, 6.0f}));
  EXPECT_EQ(tools::load_calibration_set({npy}, {input("x", {4})}, 0, &set, &error),
            tools::CalibrationError::kFormat);
  EXPECT_NE(error.find("shape (3, 2) does not hold samples of input 0 'x'"), std::string::npos)
      << error;

  const std::string csv = (dir_ / "x.csv").string();
  std::ofstream(csv) << "a,b\n# comment\n1,2\n3.5, 4\n";
  ASSERT_EQ(tools::load_calibration_set({csv}, {input("x", {2})}, 0, &set, &error),
            tools::CalibrationError::kNone)
      << error;
  ASSERT_EQ(set.samples.size(), 2u);
  EXPECT_EQ(tools::from_bytes<float>(set.samples[1].inputs[0]), (std::vector<float>{3.5f, 4.0f}));
  std::ofstream(csv) << "1,2\n3\n";
  EXPECT_EQ(tools::load_calibration_set({csv}, {input("x", {2})}, 0, &set, &error),
            tools::CalibrationError::kFormat);
  EXPECT_NE(error.find("x.csv:2: 1 values, but input 0 'x'"), std::string::npos) << error;
}

}  // namespace
}  // namespace mote::testing
