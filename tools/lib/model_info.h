// A description of a model for `mote inspect`: operators, tensors, weights, MACs, and (when it
// prepares) the arena plan. Rendered as JSON for machines and as tables for people.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model_file.h"
#include "prepared_model.h"

namespace mote::tools {

struct TensorInfo {
  int32_t index = 0;
  std::string name;
  std::string dtype;
  std::vector<int32_t> shape;
  size_t bytes = 0;
  bool constant = false;
  bool variable = false;
  std::vector<float> scales;
  std::vector<int64_t> zero_points;
  int32_t quantized_dimension = 0;
  int64_t arena_offset = -1;  // planned tensors only
  int32_t first_use = -1, last_use = -1;
};

struct OpInfo {
  uint32_t index = 0;
  std::string name;
  int32_t version = 1;
  std::vector<int32_t> inputs, outputs;
  int64_t macs = 0;
  size_t weight_bytes = 0;
  size_t live_bytes = 0;  // planned arena bytes alive while this op runs
  std::string dtype;      // type of the first input
};

struct ModelInfo {
  std::string path;
  size_t model_bytes = 0;
  std::string description;
  uint32_t subgraphs = 0;
  std::vector<TensorInfo> tensors;
  std::vector<OpInfo> ops;
  std::vector<int32_t> inputs, outputs;
  std::map<std::string, int> op_counts;
  size_t weight_bytes = 0;
  int64_t macs = 0;
  bool prepared = false;
  std::string prepare_error;
  ArenaUsage arena;
  uint32_t scratch_buffers = 0;
  size_t scratch_bytes = 0;
};

ModelInfo describe_model(const LoadedModel& model, PreparedModel* prepared,
                         const std::string& prepare_error);

nlohmann::json to_json(const ModelInfo& info);
std::string to_text(const ModelInfo& info, bool show_tensors, bool show_plan);

// Shape as "[1, 49, 10, 1]".
std::string shape_string(const std::vector<int32_t>& shape);

}  // namespace mote::tools
