// PAD and PADV2: pad values as TFLM picks them, every supported type, up to 5D, and Prepare's
// rejections.
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "kernels/ref/pad.h"
#include "op_test_harness.h"

namespace mote {
namespace ops {
// Defined in runtime/kernels/pad.cc; declared here until mote/ops.h lists it.
extern const OpKernel kPadV2;
}  // namespace ops

namespace testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

tools::OptionsDef pad_options() { return {schema::Options::kPad, {}}; }
tools::OptionsDef padv2_options() { return {schema::Options::kPadV2, {}}; }

int paddings(GraphBuilder& g, std::vector<int32_t> shape, std::vector<int32_t> values) {
  return g.constant(GraphBuilder::tensor_of(TensorType::kInt32, std::move(shape)),
                    to_bytes<int32_t>(values));
}

// Runs g's model with a resolver holding only PADV2 (the shared op table does not list it yet),
// after writing `inputs` into the graph inputs. On success *output holds output 0's bytes.
Status run_padv2(GraphBuilder& g, const std::vector<std::vector<uint8_t>>& inputs,
                 std::vector<uint8_t>* output, std::string* messages) {
  MutableOpResolver<1> resolver;
  EXPECT_EQ(resolver.add(ops::kPadV2), Status::kOk);
  std::string error;
  const auto loaded = tools::load_model_bytes(tools::write_tflite(g.model()), "padv2", &error);
  if (loaded == nullptr) {
    *messages = error;
    return Status::kInvalidModel;
  }
  Status status = Status::kOk;
  const auto prepared = tools::PreparedModel::create(*loaded, &error, &status, resolver);
  if (prepared == nullptr) {
    *messages = error;
    return status;
  }
  Interpreter& interpreter = prepared->interpreter();
  for (size_t i = 0; i < inputs.size(); ++i) {
    const TensorHandle t = interpreter.input(i);
    EXPECT_EQ(t.bytes, inputs[i].size());
    std::memcpy(t.data, inputs[i].data(), inputs[i].size());
  }
  status = interpreter.invoke();
  *messages = prepared->log().joined();
  const TensorHandle out = interpreter.output(0);
  const auto* p = static_cast<const uint8_t*>(out.data);
  output->assign(p, p + out.bytes);
  return status;
}

template <typename T>
std::vector<T> values_of(const std::vector<uint8_t>& bytes) {
  std::vector<T> values(bytes.size() / sizeof(T));
  std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
  return values;
}

TEST(Pad, Float32PadsWithZero) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 3, 4}));
  const int p = paddings(g, {2, 2}, {1, 0, 0, 2});  // one row before, two columns after
  const int y = g.output(GraphBuilder::tensor_f32({3, 4}));
  g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0}));
}

TEST(Pad, Int8PadsWithOutputZeroPoint) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({1, 2}, 0.5f, -3), to_bytes<int8_t>({5, -7}));
  const int p = paddings(g, {2, 2}, {0, 0, 1, 1});
  const int y = g.output(GraphBuilder::tensor_s8({1, 4}, 0.5f, -3));
  g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{-3, 5, -7, -3}));
}

TEST(Pad, Int16AndInt32PadWithZero) {
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s16({2}, 1.0f), to_bytes<int16_t>({-1, 1}));
    const int p = paddings(g, {1, 2}, {2, 1});
    const int y = g.output(GraphBuilder::tensor_s16({5}, 1.0f));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{0, 0, -1, 1, 0}));
  }
  {
    GraphBuilder g;  // image-style NHWC padding of height and width
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1, 2, 2, 1}),
                          to_bytes<int32_t>({1, 2, 3, 4}));
    const int p = paddings(g, {4, 2}, {0, 0, 1, 1, 1, 1, 0, 0});
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {1, 4, 4, 1}));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0),
              (std::vector<int32_t>{0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0}));
  }
}

TEST(Pad, FiveDimensions) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({1, 1, 1, 1, 2}), to_bytes<float>({5, 6}));
  const int p = paddings(g, {5, 2}, {1, 0, 0, 0, 0, 0, 0, 0, 0, 1});
  const int y = g.output(GraphBuilder::tensor_f32({2, 1, 1, 1, 3}));
  g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // The first block along axis 0 is all padding; then the input row plus one after.
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{0, 0, 0, 5, 6, 0}));
}

TEST(Pad, EmptyInputIsAllPadding) {
  // The empty [2, 0] input comes from a STRIDED_SLICE that selects no columns.
  GraphBuilder g;
  const int in = g.input(GraphBuilder::tensor_s8({2, 2}, 1.0f, 4), to_bytes<int8_t>({1, 2, 3, 4}));
  const auto vec = [&g](std::vector<int32_t> v) {
    return g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>(v));
  };
  const int x = g.intermediate(GraphBuilder::tensor_s8({2, 0}, 1.0f, 4));
  g.op(BuiltinOp::kStridedSlice, {in, vec({0, 1}), vec({2, 1}), vec({1, 1})}, {x},
       {schema::Options::kStridedSlice, {}});
  const int p = paddings(g, {2, 2}, {0, 0, 1, 0});
  const int y = g.output(GraphBuilder::tensor_s8({2, 1}, 1.0f, 4));
  g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{4, 4}));
}

TEST(Pad, ThirdInputOnPadGivesTheValue) {
  // TFLM's PAD and PADV2 share one Prepare/Eval, which reads constant_values when present.
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
  const int p = paddings(g, {1, 2}, {1, 1});
  const int c = g.constant(GraphBuilder::tensor_f32({}), to_bytes<float>({-2.5f}));
  const int y = g.output(GraphBuilder::tensor_f32({3}));
  g.op(BuiltinOp::kPad, {x, p, c}, {y}, pad_options());
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{-2.5f, 1, -2.5f}));
}

TEST(PadV2, ConstantValueForEachType) {
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({2}), {});
    const int p = paddings(g, {1, 2}, {0, 2});
    const int c = g.constant(GraphBuilder::tensor_f32({1}), to_bytes<float>({9.5f}));
    const int y = g.output(GraphBuilder::tensor_f32({4}));
    g.op(BuiltinOp::kPadV2, {x, p, c}, {y}, padv2_options());
    std::vector<uint8_t> out;
    std::string messages;
    ASSERT_EQ(run_padv2(g, {to_bytes<float>({1, 2})}, &out, &messages), Status::kOk) << messages;
    EXPECT_EQ(values_of<float>(out), (std::vector<float>{1, 2, 9.5f, 9.5f}));
  }
  {
    GraphBuilder g;  // int8: the constant is used raw; it shares the output's quantization
    const int x = g.input(GraphBuilder::tensor_s8({1, 1}, 0.5f, 2), {});
    const int p = paddings(g, {2, 2}, {1, 0, 0, 1});
    const int c = g.constant(GraphBuilder::tensor_s8({}, 0.5f, 2), to_bytes<int8_t>({-100}));
    const int y = g.output(GraphBuilder::tensor_s8({2, 2}, 0.5f, 2));
    g.op(BuiltinOp::kPadV2, {x, p, c}, {y}, padv2_options());
    std::vector<uint8_t> out;
    std::string messages;
    ASSERT_EQ(run_padv2(g, {to_bytes<int8_t>({7})}, &out, &messages), Status::kOk) << messages;
    EXPECT_EQ(values_of<int8_t>(out), (std::vector<int8_t>{-100, -100, 7, -100}));
  }
  {
    GraphBuilder g;  // int16 and a constant that is a graph input (read at Eval)
    const int x = g.input(GraphBuilder::tensor_s16({1}, 1.0f), {});
    const int p = paddings(g, {1, 2}, {1, 0});
    const int c = g.input(GraphBuilder::tensor_s16({1}, 1.0f), {});
    const int y = g.output(GraphBuilder::tensor_s16({2}, 1.0f));
    g.op(BuiltinOp::kPadV2, {x, p, c}, {y}, padv2_options());
    std::vector<uint8_t> out;
    std::string messages;
    ASSERT_EQ(run_padv2(g, {to_bytes<int16_t>({300}), to_bytes<int16_t>({-300})}, &out, &messages),
              Status::kOk)
        << messages;
    EXPECT_EQ(values_of<int16_t>(out), (std::vector<int16_t>{-300, 300}));
  }
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), {});
    const int p = paddings(g, {1, 2}, {0, 1});
    const int c = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}),
                             to_bytes<int32_t>({-123456789}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2}));
    g.op(BuiltinOp::kPadV2, {x, p, c}, {y}, padv2_options());
    std::vector<uint8_t> out;
    std::string messages;
    ASSERT_EQ(run_padv2(g, {to_bytes<int32_t>({42})}, &out, &messages), Status::kOk) << messages;
    EXPECT_EQ(values_of<int32_t>(out), (std::vector<int32_t>{42, -123456789}));
  }
}

TEST(PadV2, RejectsInt8ConstantQuantizedDifferently) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({1}, 0.5f, 2), {});
  const int p = paddings(g, {1, 2}, {1, 0});
  const int c = g.constant(GraphBuilder::tensor_s8({1}, 0.25f, 2), to_bytes<int8_t>({0}));
  const int y = g.output(GraphBuilder::tensor_s8({2}, 0.5f, 2));
  g.op(BuiltinOp::kPadV2, {x, p, c}, {y}, padv2_options());
  std::vector<uint8_t> out;
  std::string messages;
  EXPECT_EQ(run_padv2(g, {to_bytes<int8_t>({1})}, &out, &messages), Status::kInvalidModel);
  EXPECT_NE(messages.find("PADV2"), std::string::npos) << messages;
  EXPECT_NE(messages.find("quantized like the output"), std::string::npos) << messages;
}

TEST(Pad, Rejections) {
  {
    GraphBuilder g;  // negative padding
    const int x = g.input(GraphBuilder::tensor_f32({3}), to_bytes<float>({1, 2, 3}));
    const int p = paddings(g, {1, 2}, {-1, 0});
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find(">= 0"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output shape does not match
    const int x = g.input(GraphBuilder::tensor_f32({3}), to_bytes<float>({1, 2, 3}));
    const int p = paddings(g, {1, 2}, {1, 1});
    const int y = g.output(GraphBuilder::tensor_f32({6}));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("expected 5"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // paddings computed at run time
    const int x = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
    const int p =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1, 2}), to_bytes<int32_t>({0, 0}));
    const int y = g.output(GraphBuilder::tensor_f32({1}));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("not constant"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int64 paddings (TFLM would read them as int32)
    const int x = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
    const int p =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt64, {1, 2}), to_bytes<int64_t>({0, 0}));
    const int y = g.output(GraphBuilder::tensor_f32({1}));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
  {
    GraphBuilder g;  // wrong number of paddings
    const int x = g.input(GraphBuilder::tensor_f32({1, 1}), to_bytes<float>({1}));
    const int p = paddings(g, {1, 2}, {0, 0});
    const int y = g.output(GraphBuilder::tensor_f32({1, 1}));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
  }
  {
    GraphBuilder g;  // 6D is beyond TFLM's 5D limit
    const int x = g.input(GraphBuilder::tensor_f32({1, 1, 1, 1, 1, 1}), to_bytes<float>({1}));
    const int p = paddings(g, {6, 2}, std::vector<int32_t>(12, 0));
    const int y = g.output(GraphBuilder::tensor_f32({1, 1, 1, 1, 1, 1}));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
  {
    GraphBuilder g;  // uint8 is not among TFLM's PAD types
    const int x = g.input(GraphBuilder::tensor_q(TensorType::kUInt8, {1}, 1.0f, 0), {1});
    const int p = paddings(g, {1, 2}, {0, 0});
    const int y = g.output(GraphBuilder::tensor_q(TensorType::kUInt8, {1}, 1.0f, 0));
    g.op(BuiltinOp::kPad, {x, p}, {y}, pad_options());
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

TEST(Pad, RefMatchesCoordinateRuleOnRandomShapes) {
  // Output element at coordinates c is the pad value when some c[d] lies in a padding band,
  // else input[c - before]. Element sizes 1..8 with pad values whose bytes differ.
  std::mt19937 rng(99);
  for (int iteration = 0; iteration < 400; ++iteration) {
    ref::PadGeometry g;
    g.rank = static_cast<int32_t>(rng() % (ref::kPadMaxRank + 1));
    const size_t sizes[] = {1, 2, 4, 8};
    g.element_size = sizes[rng() % 4];
    int64_t in_count = 1;
    int64_t out_count = 1;
    int32_t out_dims[ref::kPadMaxRank] = {};
    for (int32_t d = 0; d < g.rank; ++d) {
      g.input_dims[d] = static_cast<int32_t>(rng() % 4);
      g.before[d] = static_cast<int32_t>(rng() % 3);
      g.after[d] = static_cast<int32_t>(rng() % 3);
      out_dims[d] = g.input_dims[d] + g.before[d] + g.after[d];
      in_count *= g.input_dims[d];
      out_count *= out_dims[d];
    }
    const size_t e = g.element_size;
    std::vector<uint8_t> input(static_cast<size_t>(in_count) * e);
    for (uint8_t& b : input) b = static_cast<uint8_t>(rng());
    std::vector<uint8_t> value(e);
    for (size_t i = 0; i < e; ++i) value[i] = static_cast<uint8_t>(0xA0 + i);
    std::vector<uint8_t> output(static_cast<size_t>(out_count) * e + 1, 0x5A);
    ref::pad(g, input.data(), value.data(), output.data());
    EXPECT_EQ(output.back(), 0x5A) << "wrote past the end, iteration " << iteration;
    for (int64_t o = 0; o < out_count; ++o) {
      int64_t rest = o;
      int64_t in_index = 0;
      int64_t in_stride = 1;
      bool padding = false;
      for (int32_t d = g.rank - 1; d >= 0; --d) {
        const int64_t c = rest % out_dims[d];
        rest /= out_dims[d];
        const int64_t ci = c - g.before[d];
        if (ci < 0 || ci >= g.input_dims[d]) padding = true;
        in_index += ci * in_stride;
        in_stride *= g.input_dims[d];
      }
      const uint8_t* expected = padding ? value.data() : input.data() + in_index * e;
      ASSERT_EQ(std::memcmp(output.data() + o * e, expected, e), 0)
          << "iteration " << iteration << " element " << o;
    }
  }
}

}  // namespace
}  // namespace testing
}  // namespace mote
