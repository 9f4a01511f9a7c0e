// Hand-made hostile files: each is rejected with the right status and a message that names the
// tensor, buffer or operator at fault, or runs correctly. Never a crash.
#include <cstring>
#include <limits>

#include <gtest/gtest.h>

#include "op_test_harness.h"
#include "tflite_writer.h"
#include "untrusted.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::ModelDef;
using tools::OperatorDef;
using tools::TensorDef;
using tools::to_bytes;

// A valid one-op float model: y = FC(x, w).
ModelDef base_model() {
  ModelDef m;
  TensorDef x = GraphBuilder::tensor_f32({1, 2});
  x.name = "x";
  TensorDef w = GraphBuilder::tensor_f32({2, 2});
  w.name = "w";
  w.data = to_bytes<float>({1, 2, 3, 4});
  TensorDef y = GraphBuilder::tensor_f32({1, 2});
  y.name = "y";
  m.tensors = {x, w, y};
  OperatorDef op;
  op.builtin_code = static_cast<int32_t>(BuiltinOp::kFullyConnected);
  op.inputs = {0, 1};
  op.outputs = {2};
  m.operators = {op};
  m.inputs = {0};
  m.outputs = {2};
  return m;
}

void expect_rejected(const std::vector<uint8_t>& bytes, Status expected, const std::string& words) {
  const UntrustedResult r = run_untrusted(bytes);
  const Status got = r.load != Status::kOk ? r.load : r.prepare;
  EXPECT_EQ(got, expected) << "status " << status_name(got) << ": " << r.messages;
  EXPECT_NE(r.messages.find(words), std::string::npos)
      << "message should mention '" << words << "': " << r.messages;
}

void expect_rejected(const ModelDef& m, Status expected, const std::string& words) {
  expect_rejected(tools::write_tflite(m), expected, words);
}

TEST(HostileModel, BaseModelRuns) {
  const UntrustedResult r = run_untrusted(tools::write_tflite(base_model()));
  EXPECT_EQ(r.load, Status::kOk) << r.messages;
  EXPECT_EQ(r.prepare, Status::kOk) << r.messages;
  EXPECT_EQ(r.invoke, Status::kOk) << r.messages;
}

TEST(HostileModel, TooShortOrNotTflite) {
  expect_rejected(std::vector<uint8_t>{}, Status::kInvalidModel, "too short");
  expect_rejected(std::vector<uint8_t>{1, 2, 3}, Status::kInvalidModel, "too short");
  std::vector<uint8_t> bytes = tools::write_tflite(base_model());
  bytes[4] = 'X';
  expect_rejected(bytes, Status::kInvalidModel, "identifier");
  Model model;
  EXPECT_EQ(Model::load(nullptr, 100, Reporter(), &model), Status::kInvalidArgument);
}

TEST(HostileModel, RootOffsetOutOfRange) {
  std::vector<uint8_t> bytes = tools::write_tflite(base_model());
  const uint32_t past_end = static_cast<uint32_t>(bytes.size()) + 100;
  std::memcpy(bytes.data(), &past_end, 4);
  expect_rejected(bytes, Status::kInvalidModel, "root");
}

// Finds a little-endian int32 vector (length prefix + values) in the file.
size_t find_int_vector(const std::vector<uint8_t>& bytes, const std::vector<int32_t>& values) {
  std::vector<int32_t> pattern = {static_cast<int32_t>(values.size())};
  pattern.insert(pattern.end(), values.begin(), values.end());
  const std::vector<uint8_t> needle = to_bytes<int32_t>(pattern);
  for (size_t i = 0; i + needle.size() <= bytes.size(); i += 4) {
    if (std::memcmp(bytes.data() + i, needle.data(), needle.size()) == 0) return i;
  }
  return SIZE_MAX;
}

TEST(HostileModel, VectorLengthOutOfRangeOrOverlapping) {
  ModelDef m = base_model();
  m.tensors[2].shape = {1, 2};
  m.tensors[0].shape = {1, 2};
  m.tensors[1].shape = {2, 2};
  const std::vector<uint8_t> clean = tools::write_tflite(m);
  const size_t pos = find_int_vector(clean, {2, 2});
  ASSERT_NE(pos, SIZE_MAX);
  for (uint32_t length : {0xFFFFFFFFu, 0x40000000u, 1000000u}) {
    std::vector<uint8_t> bytes = clean;
    std::memcpy(bytes.data() + pos, &length, 4);
    expect_rejected(bytes, Status::kInvalidModel, "tensor 1");
  }
  // A length that stays inside the file makes the shape overlap whatever follows it: the file
  // is then either rejected with a reason or consistent enough to run.
  for (uint32_t length = 3; length < 12; ++length) {
    std::vector<uint8_t> bytes = clean;
    std::memcpy(bytes.data() + pos, &length, 4);
    const UntrustedResult r = run_untrusted(bytes);
    if (r.load != Status::kOk || r.prepare != Status::kOk) {
      EXPECT_FALSE(r.messages.empty());
    }
  }
}

TEST(HostileModel, BufferSizeDoesNotMatchShape) {
  ModelDef m = base_model();
  m.tensors[1].data = to_bytes<float>({1, 2, 3});  // 12 bytes for 4 floats
  expect_rejected(m, Status::kInvalidModel, "tensor 1 'w': buffer 1 holds 12 bytes");
}

TEST(HostileModel, BadShapes) {
  ModelDef m = base_model();
  m.tensors[2].shape = {1, -2};
  expect_rejected(m, Status::kInvalidModel, "tensor 2 'y': dimension 1 is -2");
  m = base_model();
  m.tensors[2].shape = {1, 1, 1, 1, 1, 1, 2};
  expect_rejected(m, Status::kInvalidModel, "rank 7");
  m = base_model();
  m.tensors[2].shape = {65536, 65536, 65536};
  expect_rejected(m, Status::kInvalidModel, "too many elements");
  m = base_model();
  m.tensors[2].shape = {1, 3};  // FC writes 2 units
  expect_rejected(m, Status::kInvalidModel, "FULLY_CONNECTED");
}

TEST(HostileModel, BadQuantization) {
  ModelDef m = base_model();
  m.tensors[1].type = TensorType::kInt8;
  m.tensors[1].data = to_bytes<int8_t>({1, 2, 3, 4});
  m.tensors[1].quant.scales = {0.1f, 0.2f, 0.3f};
  m.tensors[1].quant.zero_points = {0, 0, 0};
  expect_rejected(m, Status::kInvalidModel, "3 per-channel scales but dimension 0 has size 2");
  m.tensors[1].quant.scales = {0.1f, 0.2f};
  m.tensors[1].quant.zero_points = {0, 0};
  m.tensors[1].quant.quantized_dimension = 5;
  expect_rejected(m, Status::kInvalidModel, "quantized_dimension 5");
  m.tensors[1].quant.quantized_dimension = 0;
  m.tensors[1].quant.zero_points = {0};
  expect_rejected(m, Status::kInvalidModel, "2 quantization scales but 1 zero points");
  m.tensors[1].quant.scales = {std::numeric_limits<float>::quiet_NaN()};
  expect_rejected(m, Status::kInvalidModel, "scale 0 is nan");
  m.tensors[1].quant.scales = {0.5f};
  m.tensors[1].quant.zero_points = {200};
  expect_rejected(m, Status::kInvalidModel, "zero point 200 does not fit type int8");
}

TEST(HostileModel, IndicesOutOfRange) {
  ModelDef m = base_model();
  m.operators[0].inputs = {0, 99};
  expect_rejected(m, Status::kInvalidModel, "operator 0: input 1 is tensor 99");
  m = base_model();
  m.operators[0].outputs = {-1};
  expect_rejected(m, Status::kInvalidModel, "operator 0: output 0 is tensor -1");
  m = base_model();
  m.inputs = {7};
  expect_rejected(m, Status::kInvalidModel, "input 0 is tensor 7");
  m = base_model();
  m.outputs = {-3};
  expect_rejected(m, Status::kInvalidModel, "output 0 is tensor -3");
}

TEST(HostileModel, GraphInconsistencies) {
  ModelDef m = base_model();
  m.inputs = {1};  // the constant weights as a graph input
  expect_rejected(m, Status::kInvalidModel, "graph input 0 is tensor 1 'w', which is constant");
  m = base_model();
  m.operators[0].outputs = {1};  // writes the constant
  expect_rejected(m, Status::kInvalidModel, "writes tensor 1 'w', which is constant");
  m = base_model();
  m.operators.push_back(m.operators[0]);  // two ops write y
  expect_rejected(m, Status::kInvalidModel, "node 1 FULLY_CONNECTED: writes tensor 2 'y'");
  m = base_model();
  m.inputs = {};  // x is read but nothing writes it
  expect_rejected(m, Status::kInvalidModel, "reads tensor 0 'x'");
  m = base_model();
  m.tensors.push_back(GraphBuilder::tensor_f32({1}));
  m.outputs = {3};  // never written
  expect_rejected(m, Status::kInvalidModel, "graph output 0 is tensor 3");
}

TEST(HostileModel, OperatorCodesAndOptions) {
  ModelDef m = base_model();
  m.operators[0].builtin_code = 199;  // STABLEHLO_SORT: valid TFLite, not in Mote
  expect_rejected(m, Status::kUnsupported, "node 0 STABLEHLO_SORT: no kernel");
  m = base_model();
  m.operators[0].builtin_code = 32;  // CUSTOM without a name
  expect_rejected(m, Status::kInvalidModel, "CUSTOM operator without a custom_code");
  m = base_model();
  m.operators[0].builtin_code = 32;
  m.operators[0].custom_code = "MyOp";
  expect_rejected(m, Status::kUnsupported, "node 0 MyOp: no kernel");
  m = base_model();
  m.operators[0].version = 99;
  expect_rejected(m, Status::kUnsupported, "version 99 is newer");
  m = base_model();
  m.operators[0].version = 0;
  expect_rejected(m, Status::kInvalidModel, "version 0");
  m = base_model();
  m.operators[0].options.type = schema::Options::kConv2D;
  expect_rejected(m, Status::kInvalidModel, "builtin options of union type 1, expected type 8");
}

TEST(HostileModel, MisalignedModelIsRejectedNotMisread) {
  const std::vector<uint8_t> bytes = tools::write_tflite(base_model());
  const UntrustedResult r = run_untrusted(bytes.data(), bytes.size(), INT64_MAX, 2);
  // Loads (the reader does not need alignment) but float weights at an address that is not a
  // multiple of 4 cannot be handed to kernels.
  EXPECT_EQ(r.load, Status::kOk) << r.messages;
  EXPECT_EQ(r.prepare, Status::kInvalidModel);
  EXPECT_NE(r.messages.find("not aligned"), std::string::npos) << r.messages;
}

TEST(HostileModel, SchemaVersion) {
  // The version is the first field of the root table; find it by writing two versions.
  std::vector<uint8_t> bytes = tools::write_tflite(base_model());
  for (size_t i = 0; i + 4 <= bytes.size(); i += 4) {
    uint32_t v;
    std::memcpy(&v, bytes.data() + i, 4);
    if (v != 3) continue;
    std::vector<uint8_t> patched = bytes;
    const uint32_t two = 2;
    std::memcpy(patched.data() + i, &two, 4);
    Model model;
    tools::MessageLog log;
    if (Model::load(patched.data(), patched.size(), log.reporter(), &model) == Status::kOk) {
      continue;  // that 3 was something else
    }
    if (log.joined().find("schema version 2") != std::string::npos) return;  // found it
  }
  ADD_FAILURE() << "no patched version 2 file was rejected as such";
}

}  // namespace
}  // namespace mote::testing
