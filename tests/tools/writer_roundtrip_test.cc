// The .tflite writer and its reverse (model_def_reader): every shared model read into a ModelDef
// and written again loads, verifies and computes exactly what the original computes; options
// tables of every kind round-trip field by field; bad ModelDefs are refused with a reason; the
// operator versions follow TFLite's converter.
#include <gtest/gtest.h>

#include <cstring>

#include "input_gen.h"
#include "model_def_reader.h"
#include "model_file.h"
#include "prepared_model.h"
#include "shared_data.h"
#include "tflite_writer.h"

namespace mote::testing {
namespace {

using tools::ModelDef;
using tools::OperatorDef;
using tools::OptionField;
using tools::OptionsDef;
using tools::TensorDef;

std::unique_ptr<tools::LoadedModel> load(const std::vector<uint8_t>& bytes) {
  std::string error;
  auto model = tools::load_model_bytes(bytes, "model", &error);
  EXPECT_NE(model, nullptr) << error;
  return model;
}

ModelDef read_def(const tools::LoadedModel& model) {
  ModelDef def;
  std::string error;
  EXPECT_TRUE(tools::read_model_def(model.model, &def, &error)) << error;
  return def;
}

void expect_same_def(const ModelDef& a, const ModelDef& b) {
  ASSERT_EQ(a.tensors.size(), b.tensors.size());
  for (size_t i = 0; i < a.tensors.size(); ++i) {
    const TensorDef& x = a.tensors[i];
    const TensorDef& y = b.tensors[i];
    SCOPED_TRACE("tensor " + std::to_string(i) + " '" + x.name + "'");
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.shape, y.shape);
    EXPECT_EQ(x.data, y.data);
    EXPECT_EQ(x.quant.scales, y.quant.scales);
    EXPECT_EQ(x.quant.zero_points, y.quant.zero_points);
    EXPECT_EQ(x.quant.quantized_dimension, y.quant.quantized_dimension);
    EXPECT_EQ(x.quant.min, y.quant.min);
    EXPECT_EQ(x.quant.max, y.quant.max);
    EXPECT_EQ(x.is_variable, y.is_variable);
    EXPECT_EQ(x.shape_signature, y.shape_signature);
    EXPECT_EQ(x.has_rank, y.has_rank);
  }
  ASSERT_EQ(a.operators.size(), b.operators.size());
  for (size_t i = 0; i < a.operators.size(); ++i) {
    const OperatorDef& x = a.operators[i];
    const OperatorDef& y = b.operators[i];
    SCOPED_TRACE("operator " + std::to_string(i));
    EXPECT_EQ(x.builtin_code, y.builtin_code);
    EXPECT_EQ(x.version, y.version);
    EXPECT_EQ(x.custom_code, y.custom_code);
    EXPECT_EQ(x.inputs, y.inputs);
    EXPECT_EQ(x.outputs, y.outputs);
    EXPECT_EQ(x.intermediates, y.intermediates);
    EXPECT_TRUE(x.options == y.options);
    EXPECT_EQ(x.custom_options, y.custom_options);
  }
  EXPECT_EQ(a.inputs, b.inputs);
  EXPECT_EQ(a.outputs, b.outputs);
  EXPECT_EQ(a.description, b.description);
  ASSERT_EQ(a.metadata.size(), b.metadata.size());
  for (size_t i = 0; i < a.metadata.size(); ++i) {
    EXPECT_EQ(a.metadata[i].name, b.metadata[i].name);
    EXPECT_EQ(a.metadata[i].data, b.metadata[i].data);
  }
}

// Runs `model` on generated inputs (seed `seed`) and returns every output's bytes, or nothing
// when the runtime cannot prepare the model.
std::vector<std::vector<uint8_t>> run(const tools::LoadedModel& model, uint64_t seed) {
  std::string error;
  auto prepared = tools::PreparedModel::create(model, &error);
  if (prepared == nullptr) return {};
  Interpreter& interpreter = prepared->interpreter();
  std::vector<tools::InputSpec> specs;
  for (size_t i = 0; i < interpreter.input_count(); ++i) {
    const TensorHandle t = interpreter.input(i);
    tools::InputSpec spec;
    spec.type = t.type;
    spec.elements = static_cast<size_t>(t.shape.num_elements());
    spec.zero_point = t.zero_point;
    specs.push_back(spec);
  }
  std::vector<std::vector<uint8_t>> inputs;
  if (!tools::generate_inputs(seed, tools::InputRule::kFullRange, tools::InputRuleParams(), specs,
                              &inputs)) {
    return {};
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::memcpy(interpreter.input(i).data, inputs[i].data(), inputs[i].size());
  }
  EXPECT_EQ(interpreter.invoke(), Status::kOk) << prepared->log().joined();
  std::vector<std::vector<uint8_t>> outputs;
  for (size_t o = 0; o < interpreter.output_count(); ++o) {
    const TensorHandle t = interpreter.output(o);
    const auto* p = static_cast<const uint8_t*>(t.data);
    outputs.emplace_back(p, p + t.bytes);
  }
  return outputs;
}

class SharedModelRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(SharedModelRoundTrip, ReadWriteReadIsExactAndRunsIdentically) {
  const auto original = load(read_bytes(model_path(GetParam())));
  ASSERT_NE(original, nullptr);
  const ModelDef def = read_def(*original);
  std::vector<uint8_t> written;
  std::string error;
  ASSERT_TRUE(tools::write_verified_tflite(def, &written, &error)) << error;
  const auto reread = load(written);
  ASSERT_NE(reread, nullptr);
  const ModelDef def2 = read_def(*reread);
  expect_same_def(def, def2);
  // Writing is deterministic, so a second round trip gives the same bytes.
  EXPECT_EQ(tools::write_tflite(def2), written);

  // Same tensors, same operators: the runtime computes the same bytes.
  for (uint64_t seed = 1; seed <= 2; ++seed) {
    const auto expected = run(*original, seed);
    const auto actual = run(*reread, seed);
    EXPECT_EQ(actual, expected) << "seed " << seed;
  }
}

INSTANTIATE_TEST_SUITE_P(Models, SharedModelRoundTrip, ::testing::ValuesIn(model_stems()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

// A loadable model of one operator with the given options (the runtime need not run it).
ModelDef one_op_model(schema::BuiltinOp code, OptionsDef options) {
  ModelDef def;
  TensorDef x;
  x.name = "x";
  x.shape = {1, 4};
  TensorDef y = x;
  y.name = "y";
  def.tensors = {x, y};
  def.inputs = {0};
  def.outputs = {1};
  OperatorDef op;
  op.builtin_code = static_cast<int32_t>(code);
  op.inputs = {0};
  op.outputs = {1};
  op.options = std::move(options);
  def.operators = {op};
  return def;
}

TEST(WriterOptions, EveryFieldKindRoundTrips) {
  using schema::Options;
  const std::vector<OptionsDef> cases = {
      {Options::kConv2D,
       {OptionField::int8(0, 1), OptionField::int32(1, 2), OptionField::int32(2, 3),
        OptionField::int8(3, 1), OptionField::int32(4, 1), OptionField::int32(5, 2)}},
      {Options::kReshape, {OptionField::ints(0, {1, -1, 4})}},
      {Options::kSoftmax, {OptionField::real(0, 0.5f)}},
      {Options::kAdd, {OptionField::boolean(1, false)}},  // only the non-default field
      {static_cast<Options>(16), {OptionField::uint32(0, 4000000000u)}},  // CallOptions
      {static_cast<Options>(111),
       {OptionField::string(0, "c"),  // VarHandle
        OptionField::string(1, "shared")}},
      {static_cast<Options>(114),
       {OptionField::int64(0, -5000000000LL),  // Random
        OptionField::int64(1, 7)}},
      {static_cast<Options>(115), {OptionField::reals(0, {0.5f, 1.5f, -2.0f})}},  // Bucketize
      {Options::kPad, {}},                                                        // an empty table
  };
  for (const OptionsDef& options : cases) {
    SCOPED_TRACE(tools::options_spec(static_cast<uint8_t>(options.type))->name);
    const ModelDef def = one_op_model(schema::BuiltinOp::kRelu, options);
    std::vector<uint8_t> bytes;
    std::string error;
    ASSERT_TRUE(tools::write_verified_tflite(def, &bytes, &error)) << error;
    const auto loaded = load(bytes);
    ASSERT_NE(loaded, nullptr);
    const ModelDef back = read_def(*loaded);
    ASSERT_EQ(back.operators.size(), 1u);
    EXPECT_TRUE(back.operators[0].options == options);
  }
}

TEST(WriterOptions, EveryUnionMemberHasAFieldList) {
  for (uint8_t type = 1; type <= schema::kMaxOptions; ++type) {
    const tools::OptionsSpec* spec = tools::options_spec(type);
    ASSERT_NE(spec, nullptr) << int(type);
    for (size_t i = 0; i < spec->field_count; ++i) EXPECT_EQ(spec->fields[i].id, i);
  }
  EXPECT_EQ(tools::options_spec(0), nullptr);
  EXPECT_EQ(tools::options_spec(schema::kMaxOptions + 1), nullptr);
  EXPECT_STREQ(tools::options_spec(static_cast<uint8_t>(schema::Options::kConv2D))->name,
               "Conv2DOptions");
  EXPECT_STREQ(tools::options_spec(static_cast<uint8_t>(schema::Options::kGelu))->name,
               "GeluOptions");
}

TEST(WriterOptions, AFieldTheSchemaDoesNotHaveIsRejectedByName) {
  // SoftmaxOptions has one field (beta); field 3 comes from some other schema.
  const ModelDef def = one_op_model(
      schema::BuiltinOp::kSoftmax,
      {schema::Options::kSoftmax, {OptionField::real(0, 1.0f), OptionField::int32(3, 9)}});
  const auto loaded = load(tools::write_tflite(def));
  ASSERT_NE(loaded, nullptr);
  ModelDef back;
  std::string error;
  EXPECT_FALSE(tools::read_model_def(loaded->model, &back, &error));
  EXPECT_NE(error.find("operator 0 (SOFTMAX)"), std::string::npos) << error;
  EXPECT_NE(error.find("SoftmaxOptions has field 3"), std::string::npos) << error;
}

TEST(WriterChecks, BadModelDefsAreRefusedWithAReason) {
  const ModelDef good = one_op_model(schema::BuiltinOp::kRelu, {});
  std::vector<uint8_t> bytes;
  std::string error;
  ASSERT_TRUE(tools::write_verified_tflite(good, &bytes, &error)) << error;

  ModelDef bad_data = good;
  bad_data.tensors[1].data = {1, 2, 3};
  EXPECT_FALSE(tools::write_verified_tflite(bad_data, &bytes, &error));
  EXPECT_NE(error.find("tensor 1 'y': 3 bytes of data but 4 elements of float32 need 16"),
            std::string::npos)
      << error;

  ModelDef bad_channels = good;
  bad_channels.tensors[0].type = TensorType::kInt8;
  bad_channels.tensors[0].quant.scales = {1.0f, 1.0f, 1.0f};
  bad_channels.tensors[0].quant.zero_points = {0, 0, 0};
  bad_channels.tensors[0].quant.quantized_dimension = 1;
  EXPECT_FALSE(tools::write_verified_tflite(bad_channels, &bytes, &error));
  EXPECT_NE(error.find("3 per-channel scales do not match dimension 1"), std::string::npos)
      << error;

  ModelDef bad_zero_point = good;
  bad_zero_point.tensors[0].type = TensorType::kInt8;
  bad_zero_point.tensors[0].quant.scales = {0.5f};
  bad_zero_point.tensors[0].quant.zero_points = {128};
  EXPECT_FALSE(tools::write_verified_tflite(bad_zero_point, &bytes, &error));
  EXPECT_NE(error.find("zero point 128 does not fit int8"), std::string::npos) << error;

  ModelDef bad_index = good;
  bad_index.operators[0].inputs = {7};
  EXPECT_FALSE(tools::write_verified_tflite(bad_index, &bytes, &error));
  EXPECT_NE(error.find("operator 0 (RELU) input refers to tensor 7"), std::string::npos) << error;
}

TEST(WriterVersions, FollowTheConverter) {
  const auto version_of = [](TensorType in, TensorType weights, TensorType out,
                             schema::BuiltinOp code, OptionsDef options = {}) {
    ModelDef def;
    TensorDef a, w, y;
    a.type = in;
    a.shape = {1, 4, 4, 2};
    w.type = weights;
    w.shape = {2, 1, 1, 2};
    y.type = out;
    y.shape = {1, 4, 4, 2};
    def.tensors = {a, w, y};
    OperatorDef op;
    op.builtin_code = static_cast<int32_t>(code);
    op.inputs = {0, 1, -1};
    op.outputs = {2};
    op.options = std::move(options);
    return tools::tflite_op_version(def, op);
  };
  using B = schema::BuiltinOp;
  using T = TensorType;
  EXPECT_EQ(version_of(T::kFloat32, T::kFloat32, T::kFloat32, B::kConv2D), 1);
  EXPECT_EQ(version_of(T::kInt8, T::kInt8, T::kInt8, B::kConv2D), 3);
  EXPECT_EQ(version_of(T::kInt16, T::kInt8, T::kInt16, B::kConv2D), 4);
  EXPECT_EQ(version_of(T::kFloat32, T::kInt8, T::kFloat32, B::kConv2D), 2);  // hybrid
  EXPECT_EQ(version_of(T::kInt8, T::kInt8, T::kInt8, B::kDepthwiseConv2D), 3);
  EXPECT_EQ(version_of(T::kInt16, T::kInt8, T::kInt16, B::kDepthwiseConv2D), 5);
  EXPECT_EQ(version_of(T::kInt8, T::kInt8, T::kInt8, B::kFullyConnected), 4);
  EXPECT_EQ(
      version_of(T::kInt8, T::kInt8, T::kInt8, B::kFullyConnected,
                 {schema::Options::kFullyConnected,
                  {OptionField::boolean(schema::fully_connected_options::kKeepNumDims, true)}}),
      5);
  EXPECT_EQ(version_of(T::kInt16, T::kInt8, T::kInt16, B::kFullyConnected), 7);
  EXPECT_EQ(version_of(T::kInt8, T::kInt8, T::kInt8, B::kSoftmax), 2);
  EXPECT_EQ(version_of(T::kInt16, T::kInt8, T::kInt16, B::kSoftmax), 3);
  EXPECT_EQ(version_of(T::kFloat32, T::kInt8, T::kInt8, B::kQuantize), 1);
  EXPECT_EQ(version_of(T::kInt8, T::kInt8, T::kInt16, B::kQuantize), 2);
  EXPECT_EQ(version_of(T::kInt8, T::kInt8, T::kFloat32, B::kDequantize), 2);
  EXPECT_EQ(version_of(T::kInt8, T::kInt8, T::kInt8, B::kReshape), 1);
  EXPECT_EQ(version_of(T::kInt16, T::kInt8, T::kInt16, B::kAdd,
                       {schema::Options::kAdd,
                        {OptionField::boolean(schema::add_options::kPotScaleInt16, false)}}),
            3);
}

}  // namespace
}  // namespace mote::testing
