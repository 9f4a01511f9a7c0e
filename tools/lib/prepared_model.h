// A model prepared in an arena of exactly the size it needs, for host tools and tests.
//
// The runtime tells how many bytes a model needs when prepare() fails with kArenaTooSmall;
// PreparedModel uses that to size the arena exactly (a first prepare in a generous arena, then
// the real one in exactly `arena_usage().total` bytes), so every host figure is the figure a
// device would see.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model_file.h"
#include "mote/interpreter.h"
#include "mote/ops.h"

namespace mote::tools {

class PreparedModel {
 public:
  // Prepares `model` (which must outlive this object) with `resolver`. On failure returns
  // nullptr, sets *error to the runtime's messages and *status (optional) to its status.
  static std::unique_ptr<PreparedModel> create(const LoadedModel& model, std::string* error,
                                               Status* status = nullptr,
                                               const OpResolver& resolver = all_ops_resolver());

  Interpreter& interpreter() { return *interpreter_; }
  const Interpreter& interpreter() const { return *interpreter_; }
  const ArenaUsage& usage() const { return interpreter_->arena_usage(); }
  const LoadedModel& model() const { return model_; }
  MessageLog& log() { return log_; }
  uint8_t* arena() { return arena_; }

 private:
  explicit PreparedModel(const LoadedModel& model) : model_(model) {}

  const LoadedModel& model_;
  MessageLog log_;
  std::vector<uint8_t> storage_;
  uint8_t* arena_ = nullptr;
  std::unique_ptr<Interpreter> interpreter_;
};

}  // namespace mote::tools
