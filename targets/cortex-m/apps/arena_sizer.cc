// Measures the arena a model needs on this target: reads the .tflite named on the semihosting
// command line into RAM, prepares it with every kernel (all_ops_resolver) in a large arena,
// and prints the runtime's figure. The figure differs from the host's (4-byte pointers, and
// the kernel ISA's scratch requests), so bench/run-cortex-m measures it here and bakes it into
// each model's firmware with `mote export --arena-bytes`; the firmware then checks that one
// byte less fails.
//
//   qemu-system-arm ... -semihosting-config enable=on,target=native,arg=sizer,arg=MODEL.tflite
// Output: "arena total=N persistent=N planned=N" or "arena error=STATUS needs=N"; exit 0 / 1.
#include <cstdint>
#include <cstring>

#include "console.h"
#include "firmware_main.h"
#include "mote/interpreter.h"
#include "mote/ops.h"
#include "semihosting.h"

namespace {

using mote::target::Line;

// In the board's BULK region (large, not loaded, not zeroed).
constexpr size_t kModelCapacity = 4u << 20;
constexpr size_t kArenaCapacity = 8u << 20;
alignas(16) __attribute__((section(".bulk.model"))) uint8_t g_model[kModelCapacity];
alignas(16) __attribute__((section(".bulk.arena"))) uint8_t g_arena[kArenaCapacity];

void report_line(void*, const char* message) { Line() << "mote: " << message; }

// The model path: the second word of the command line ("sizer PATH").
const char* model_path(char* command_line, size_t size) {
  if (!mote::target::semihosting::command_line(command_line, size)) return nullptr;
  char* space = std::strchr(command_line, ' ');
  return space == nullptr ? nullptr : space + 1;
}

}  // namespace

int firmware_main() {
  char command_line[512] = {};
  const char* path = model_path(command_line, sizeof(command_line));
  if (path == nullptr) {
    Line() << "arena error=usage (pass arg=sizer,arg=MODEL.tflite to -semihosting-config)";
    return 1;
  }
  const int32_t size = mote::target::semihosting::read_file(path, g_model, kModelCapacity);
  if (size <= 0) {
    Line() << "arena error=read path=" << path;
    return 1;
  }
  const mote::Reporter reporter{report_line, nullptr};
  mote::Model model;
  if (mote::Model::load(g_model, static_cast<size_t>(size), reporter, &model) !=
      mote::Status::kOk) {
    Line() << "arena error=invalid_model";
    return 1;
  }
  mote::Interpreter interpreter(model, mote::all_ops_resolver(), {g_arena, kArenaCapacity},
                                reporter);
  const mote::Status status = interpreter.prepare();
  const mote::ArenaUsage& usage = interpreter.arena_usage();
  if (status != mote::Status::kOk) {
    Line() << "arena error=" << static_cast<uint32_t>(status) << " needs=" << usage.total;
    return 1;
  }
  Line() << "arena total=" << usage.total << " persistent=" << usage.persistent
         << " planned=" << usage.planned;
  return 0;
}
