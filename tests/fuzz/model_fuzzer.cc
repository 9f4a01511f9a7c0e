// libFuzzer target: arbitrary bytes through load, verify, prepare and invoke. Any crash, hang or
// sanitizer report is a finding. Seed it with ../shared/models/*.tflite.
//
//   cmake --preset host-fuzz && cmake --build build/host-fuzz --target mote_model_fuzzer
//   build/host-fuzz/tests/mote_model_fuzzer -max_total_time=60 corpus/ ../shared/models/
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "macs.h"
#include "mote/interpreter.h"
#include "mote/ops.h"

namespace {

constexpr size_t kArenaBytes = 1 << 20;
// Inputs that would take long to invoke under the sanitizers are prepared but not run; prepare
// has validated every shape an invoke would use.
constexpr int64_t kMaxInvokeMacs = 3'000'000;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The runtime reads the model where it lies; give it exactly `size` bytes so that ASan sees any
  // read past the end.
  std::unique_ptr<uint8_t[]> model_bytes(new uint8_t[size > 0 ? size : 1]);
  if (size > 0) std::memcpy(model_bytes.get(), data, size);
  mote::Model model;
  if (mote::Model::load(model_bytes.get(), size, mote::Reporter(), &model) != mote::Status::kOk) {
    return 0;
  }
  alignas(16) static uint8_t arena[kArenaBytes];
  mote::Interpreter interpreter(model, mote::all_ops_resolver(),
                                mote::Span<uint8_t>(arena, sizeof(arena)));
  if (interpreter.prepare() != mote::Status::kOk) return 0;
  int64_t macs = 0;
  for (uint32_t i = 0; i < model.operator_count(); ++i) {
    macs += mote::tools::count_macs(model, model.op(i));
  }
  if (macs > kMaxInvokeMacs) return 0;
  for (size_t i = 0; i < interpreter.input_count(); ++i) {
    const mote::TensorHandle t = interpreter.input(i);
    std::memset(t.data, static_cast<int>(size & 0xFF), t.bytes);
  }
  (void)interpreter.invoke();
  return 0;
}
