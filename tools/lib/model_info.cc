#include "model_info.h"

#include <algorithm>

#include <fmt/format.h>

#include "macs.h"

namespace mote::tools {

std::string shape_string(const std::vector<int32_t>& shape) {
  return fmt::format("[{}]", fmt::join(shape, ", "));
}

ModelInfo describe_model(const LoadedModel& loaded, PreparedModel* prepared,
                         const std::string& prepare_error) {
  const Model& model = loaded.model;
  ModelInfo info;
  info.path = loaded.path;
  info.model_bytes = loaded.size;
  info.description = model.description();
  info.subgraphs = model.subgraph_count();
  for (uint32_t i = 0; i < model.tensor_count(); ++i) {
    const TensorDesc t = model.tensor(i);
    TensorInfo ti;
    ti.index = static_cast<int32_t>(i);
    ti.name = t.name;
    ti.dtype = type_name(t.type);
    ti.shape.assign(t.shape.dims, t.shape.dims + t.shape.rank);
    ti.bytes = t.byte_size();
    ti.constant = t.is_constant();
    ti.variable = t.is_variable;
    for (uint32_t q = 0; q < t.quant.size(); ++q) {
      ti.scales.push_back(t.quant.scale(q));
      ti.zero_points.push_back(t.quant.zero_points[q]);
    }
    ti.quantized_dimension = t.quant.quantized_dimension;
    if (prepared != nullptr) ti.arena_offset = prepared->interpreter().tensor_arena_offset(i);
    info.tensors.push_back(std::move(ti));
  }
  for (uint32_t i = 0; i < model.inputs().size(); ++i) info.inputs.push_back(model.inputs()[i]);
  for (uint32_t i = 0; i < model.outputs().size(); ++i) {
    info.outputs.push_back(model.outputs()[i]);
  }
  // Lifetimes, as the interpreter plans them (graph inputs from op 0, outputs to the end).
  const int32_t last_op = std::max<int32_t>(static_cast<int32_t>(model.operator_count()) - 1, 0);
  for (int32_t t : info.inputs) info.tensors[t].first_use = info.tensors[t].last_use = 0;
  std::vector<bool> weight_counted(model.tensor_count(), false);
  for (uint32_t n = 0; n < model.operator_count(); ++n) {
    const OperatorDesc op = model.op(n);
    OpInfo oi;
    oi.index = n;
    oi.name = op.name();
    oi.version = op.version;
    for (uint32_t i = 0; i < op.inputs.size(); ++i) {
      const int32_t t = op.inputs[i];
      oi.inputs.push_back(t);
      if (t < 0) continue;
      TensorInfo& ti = info.tensors[t];
      if (oi.dtype.empty()) oi.dtype = ti.dtype;
      if (ti.constant) {
        oi.weight_bytes += ti.bytes;
        if (!weight_counted[t]) info.weight_bytes += ti.bytes;
        weight_counted[t] = true;
      } else if (!ti.variable) {
        ti.last_use = static_cast<int32_t>(n);
      }
    }
    for (uint32_t i = 0; i < op.outputs.size(); ++i) {
      const int32_t t = op.outputs[i];
      oi.outputs.push_back(t);
      TensorInfo& ti = info.tensors[t];
      if (!ti.variable && ti.first_use < 0) ti.first_use = ti.last_use = static_cast<int32_t>(n);
    }
    oi.macs = count_macs(model, op);
    info.macs += oi.macs;
    info.op_counts[oi.name] += 1;
    info.ops.push_back(std::move(oi));
  }
  for (int32_t t : info.outputs) {
    if (info.tensors[t].first_use >= 0) info.tensors[t].last_use = last_op;
  }
  info.prepared = prepared != nullptr;
  info.prepare_error = prepare_error;
  if (prepared != nullptr) {
    const Interpreter& interpreter = prepared->interpreter();
    info.arena = interpreter.arena_usage();
    info.scratch_buffers = interpreter.scratch_count();
    for (uint32_t i = 0; i < interpreter.scratch_count(); ++i) {
      const ScratchSlot slot = interpreter.scratch_slot(i);
      info.scratch_bytes += slot.size;
      info.ops[slot.node].live_bytes += slot.size;
    }
    for (const TensorInfo& ti : info.tensors) {
      if (ti.arena_offset < 0) continue;
      for (int32_t n = std::max(ti.first_use, 0); n <= ti.last_use; ++n) {
        info.ops[n].live_bytes += ti.bytes;
      }
    }
  }
  return info;
}

namespace {

nlohmann::json io_json(const ModelInfo& info, const std::vector<int32_t>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (int32_t t : list) {
    const TensorInfo& ti = info.tensors[t];
    nlohmann::json j;
    j["index"] = t;
    j["name"] = ti.name;
    j["dtype"] = ti.dtype;
    j["shape"] = ti.shape;
    j["bytes"] = ti.bytes;
    if (ti.scales.empty()) {
      j["scale"] = nullptr;
      j["zero_point"] = nullptr;
    } else {
      j["scale"] = ti.scales[0];
      j["zero_point"] = ti.zero_points[0];
    }
    out.push_back(j);
  }
  return out;
}

}  // namespace

nlohmann::json to_json(const ModelInfo& info) {
  nlohmann::json j;
  j["model"] = info.path;
  j["model_bytes"] = info.model_bytes;
  j["description"] = info.description;
  j["subgraphs"] = info.subgraphs;
  j["weight_bytes"] = info.weight_bytes;
  j["macs"] = info.macs;
  j["op_counts"] = info.op_counts;
  j["inputs"] = io_json(info, info.inputs);
  j["outputs"] = io_json(info, info.outputs);
  j["prepared"] = info.prepared;
  if (info.prepared) {
    j["arena"] = {{"total", info.arena.total},
                  {"persistent", info.arena.persistent},
                  {"planned", info.arena.planned},
                  {"activations", info.arena.activations},
                  {"scratch_buffers", info.scratch_buffers},
                  {"scratch_bytes", info.scratch_bytes}};
  } else {
    j["arena"] = nullptr;
    j["error"] = info.prepare_error;
  }
  nlohmann::json ops = nlohmann::json::array();
  for (const OpInfo& op : info.ops) {
    ops.push_back({{"index", op.index},
                   {"op", op.name},
                   {"version", op.version},
                   {"dtype", op.dtype},
                   {"inputs", op.inputs},
                   {"outputs", op.outputs},
                   {"macs", op.macs},
                   {"weight_bytes", op.weight_bytes},
                   {"live_bytes", op.live_bytes}});
  }
  j["ops"] = ops;
  nlohmann::json tensors = nlohmann::json::array();
  for (const TensorInfo& t : info.tensors) {
    nlohmann::json tj = {{"index", t.index},       {"name", t.name},
                         {"dtype", t.dtype},       {"shape", t.shape},
                         {"bytes", t.bytes},       {"constant", t.constant},
                         {"variable", t.variable}, {"arena_offset", t.arena_offset}};
    if (!t.scales.empty()) {
      tj["quantization"] = {{"scales", t.scales},
                            {"zero_points", t.zero_points},
                            {"quantized_dimension", t.quantized_dimension}};
    }
    if (t.arena_offset >= 0) tj["lifetime"] = {t.first_use, t.last_use};
    tensors.push_back(tj);
  }
  j["tensors"] = tensors;
  return j;
}

std::string to_text(const ModelInfo& info, bool show_tensors, bool show_plan) {
  std::string out;
  auto line = [&out](const std::string& s) { out += s + "\n"; };
  line(fmt::format("model        {} ({} bytes{})", info.path, info.model_bytes,
                   info.description.empty() ? "" : ", \"" + info.description + "\""));
  line(fmt::format("operators    {} in {} subgraph(s); weights {} bytes; {:.3f} M MACs",
                   info.ops.size(), info.subgraphs, info.weight_bytes,
                   static_cast<double>(info.macs) / 1e6));
  for (const char* kind : {"input", "output"}) {
    const auto& list = std::string(kind) == "input" ? info.inputs : info.outputs;
    for (size_t i = 0; i < list.size(); ++i) {
      const TensorInfo& t = info.tensors[list[i]];
      std::string quant = t.scales.empty() ? ""
                                           : fmt::format("  scale {:.6g} zero_point {}",
                                                         t.scales[0], t.zero_points[0]);
      line(fmt::format("{:<6} {:<5} {} {} '{}'{}", kind, i, t.dtype, shape_string(t.shape), t.name,
                       quant));
    }
  }
  if (info.prepared) {
    line(fmt::format("arena        {} bytes = {} persistent + {} planned (activations {})",
                     info.arena.total, info.arena.persistent, info.arena.planned,
                     info.arena.activations));
  } else {
    line(fmt::format("arena        not prepared: {}", info.prepare_error));
  }
  line("");
  line(fmt::format("{:>4}  {:<28} {:>3} {:<8} {:>12} {:>10} {:>10}", "#", "op", "ver", "dtype",
                   "MACs", "weights", "live"));
  for (const OpInfo& op : info.ops) {
    line(fmt::format("{:>4}  {:<28} {:>3} {:<8} {:>12} {:>10} {:>10}", op.index, op.name,
                     op.version, op.dtype, op.macs, op.weight_bytes,
                     info.prepared ? std::to_string(op.live_bytes) : "-"));
  }
  if (show_tensors) {
    line("");
    line(fmt::format("{:>4}  {:<8} {:<20} {:>8} {:<9} {}", "#", "dtype", "shape", "bytes", "kind",
                     "name"));
    for (const TensorInfo& t : info.tensors) {
      const char* kind = t.constant ? "const" : (t.variable ? "variable" : "activation");
      line(fmt::format("{:>4}  {:<8} {:<20} {:>8} {:<9} {}", t.index, t.dtype,
                       shape_string(t.shape), t.bytes, kind, t.name));
    }
  }
  if (show_plan && info.prepared && !info.ops.empty()) {
    // One row per planned tensor; columns are operators; '#' marks where it is alive.
    line("");
    line(fmt::format("memory plan (peak {} bytes of activations and scratch)",
                     info.arena.activations));
    for (const TensorInfo& t : info.tensors) {
      if (t.arena_offset < 0) continue;
      std::string bar(info.ops.size(), '.');
      for (int32_t n = std::max(t.first_use, 0); n <= t.last_use; ++n) bar[n] = '#';
      line(fmt::format("  t{:<4} @{:>8} +{:>8}  {}", t.index, t.arena_offset, t.bytes, bar));
    }
  }
  return out;
}

}  // namespace mote::tools
