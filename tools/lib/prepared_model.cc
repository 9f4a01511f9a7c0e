#include "prepared_model.h"

#include <fmt/format.h>

namespace mote::tools {
namespace {

// Arena for the sizing run: generous, since only the second run's size matters.
size_t sizing_arena_bytes(const LoadedModel& model) {
  size_t activations = 0;
  for (uint32_t i = 0; i < model.model.tensor_count(); ++i) {
    const TensorDesc t = model.model.tensor(i);
    if (!t.is_constant()) activations += t.byte_size() + 16;
  }
  return 2 * activations + 64 * 1024 + 256 * static_cast<size_t>(model.model.operator_count());
}

}  // namespace

std::unique_ptr<PreparedModel> PreparedModel::create(const LoadedModel& model, std::string* error,
                                                     Status* status_out,
                                                     const OpResolver& resolver) {
  Status ignored = Status::kOk;
  if (status_out == nullptr) status_out = &ignored;
  std::unique_ptr<PreparedModel> p(new PreparedModel(model));
  size_t bytes = sizing_arena_bytes(model);
  for (int attempt = 0; attempt < 3; ++attempt) {
    p->storage_.assign(bytes + 16, 0);
    const auto address = reinterpret_cast<uintptr_t>(p->storage_.data());
    p->arena_ = p->storage_.data() + (16 - address % 16) % 16;
    p->interpreter_ = std::make_unique<Interpreter>(
        model.model, resolver, Span<uint8_t>(p->arena_, bytes), p->log_.reporter());
    p->log_.clear();
    const Status status = p->interpreter_->prepare();
    const ArenaUsage& usage = p->interpreter_->arena_usage();
    if (status == Status::kOk && bytes == usage.total) return p;
    *status_out = status;
    if (status != Status::kOk && status != Status::kArenaTooSmall) {
      *error = p->log_.messages().empty() ? std::string(status_name(status)) : p->log_.joined();
      return nullptr;
    }
    // Success in a larger arena, or too small: retry with exactly the reported size.
    bytes = usage.exact ? usage.total : 2 * usage.total + 4096;
  }
  *status_out = Status::kArenaTooSmall;
  *error = fmt::format("could not prepare in the {} bytes the runtime reported: {}", bytes,
                       p->log_.joined());
  return nullptr;
}

}  // namespace mote::tools
