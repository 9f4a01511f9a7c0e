#include "untrusted.h"

#include <cstring>
#include <memory>

#include "macs.h"
#include "model_file.h"
#include "mote/interpreter.h"
#include "mote/ops.h"

namespace mote::testing {
namespace {

constexpr size_t kArenaBytes = 2 * 1024 * 1024;

}  // namespace

UntrustedResult run_untrusted(const uint8_t* data, size_t size, int64_t max_invoke_macs,
                              size_t misalign) {
  UntrustedResult result;
  // Copy so that the model ends exactly at the end of a heap block: ASan then sees any read past
  // the end.
  std::unique_ptr<uint8_t[]> exact(new uint8_t[size + misalign > 0 ? size + misalign : 1]);
  uint8_t* copy = exact.get() + misalign;  // new[] is 16-byte aligned
  if (size > 0) std::memcpy(copy, data, size);
  const uint8_t* bytes = copy;
  tools::MessageLog log;
  Model model;
  result.load = Model::load(bytes, size, log.reporter(), &model);
  if (result.load != Status::kOk) {
    result.messages = log.joined();
    return result;
  }
  static uint8_t* arena = [] {
    static std::vector<uint8_t> storage(kArenaBytes + 16);
    const auto address = reinterpret_cast<uintptr_t>(storage.data());
    return storage.data() + (16 - address % 16) % 16;
  }();
  Interpreter interpreter(model, all_ops_resolver(), Span<uint8_t>(arena, kArenaBytes),
                          log.reporter());
  result.prepare = interpreter.prepare();
  if (result.prepare == Status::kOk) {
    int64_t macs = 0;
    for (uint32_t i = 0; i < model.operator_count(); ++i) {
      macs += tools::count_macs(model, model.op(i));
    }
    if (macs <= max_invoke_macs) {
      for (size_t i = 0; i < interpreter.input_count(); ++i) {
        const TensorHandle t = interpreter.input(i);
        if (t.data != nullptr) std::memset(t.data, 0x5A, t.bytes);
      }
      result.invoke = interpreter.invoke();
      result.invoked = true;
    }
  }
  result.messages = log.joined();
  return result;
}

}  // namespace mote::testing
