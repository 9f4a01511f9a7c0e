// Runs small hand-built graphs through the real loader, verifier, planner and interpreter, for
// kernel unit tests (the "kernel runner" of TFLM, but with nothing faked):
//
//   mote::testing::GraphBuilder g;
//   const int x = g.input(g.tensor_s8({1, 4}, 0.5f, 0), mote::tools::to_bytes<int8_t>({1, 2, 3,
//   4})); const int y = g.output(g.tensor_s8({1, 4}, 0.5f, 0));
//   g.op(mote::schema::BuiltinOp::kRelu, {x}, {y});
//   ASSERT_EQ(g.run(), mote::Status::kOk) << g.messages();
//   EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{1, 2, 3, 4}));
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model_file.h"
#include "prepared_model.h"
#include "tflite_writer.h"

namespace mote::testing {

class GraphBuilder {
 public:
  // Tensor descriptions (not yet added to the graph).
  static tools::TensorDef tensor_f32(std::vector<int32_t> shape);
  static tools::TensorDef tensor_q(TensorType type, std::vector<int32_t> shape, float scale,
                                   int64_t zero_point);
  static tools::TensorDef tensor_s8(std::vector<int32_t> shape, float scale, int64_t zero_point) {
    return tensor_q(TensorType::kInt8, std::move(shape), scale, zero_point);
  }
  static tools::TensorDef tensor_s16(std::vector<int32_t> shape, float scale) {
    return tensor_q(TensorType::kInt16, std::move(shape), scale, 0);
  }
  static tools::TensorDef tensor_of(TensorType type, std::vector<int32_t> shape);

  // Adds tensors; each returns the tensor index.
  int32_t input(tools::TensorDef def, std::vector<uint8_t> values);
  int32_t constant(tools::TensorDef def, std::vector<uint8_t> values);
  int32_t output(tools::TensorDef def);        // a graph output
  int32_t intermediate(tools::TensorDef def);  // written by one op, read by another
  int32_t variable(tools::TensorDef def);

  void op(schema::BuiltinOp code, std::vector<int32_t> inputs, std::vector<int32_t> outputs,
          tools::OptionsDef options = {}, int32_t version = 1);

  // The kernels run() and prepare() use: all_ops_resolver() unless set (it must outlive this).
  void use_resolver(const OpResolver& resolver) { resolver_ = &resolver; }

  // Writes, loads and prepares the model in an exactly sized arena, sets inputs and invokes once.
  // On failure, messages() holds the runtime's reasons.
  Status run();
  // Builds and prepares only (for tests of Prepare's validation).
  Status prepare();
  Status invoke_again();

  std::string messages() const { return messages_; }
  const ArenaUsage& usage() const { return prepared_->usage(); }
  Interpreter& interpreter() { return prepared_->interpreter(); }
  tools::ModelDef& model() { return model_; }

  std::vector<uint8_t> output_bytes(size_t i) const;
  template <typename T>
  std::vector<T> output_values(size_t i) const {
    const std::vector<uint8_t> bytes = output_bytes(i);
    std::vector<T> values(bytes.size() / sizeof(T));
    for (size_t k = 0; k < values.size(); ++k) {
      __builtin_memcpy(&values[k], bytes.data() + k * sizeof(T), sizeof(T));
    }
    return values;
  }

 private:
  int32_t add(tools::TensorDef def);

  tools::ModelDef model_;
  std::vector<std::vector<uint8_t>> input_values_;
  std::unique_ptr<tools::LoadedModel> loaded_;
  std::unique_ptr<tools::PreparedModel> prepared_;
  std::string messages_;
  const OpResolver* resolver_ = &all_ops_resolver();
};

}  // namespace mote::testing
