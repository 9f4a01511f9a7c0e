// One model's firmware: the model (from `mote export`, in flash), exactly its kernels, a static
// arena of exactly the bytes the runtime reports on this target, and the golden cases.
//
// It checks that the arena is exact (one byte less fails to prepare), runs every golden case
// and compares the outputs with the shared golden files (integers byte for byte, float32 within
// |a - b| <= 1e-5 + 1e-4 |b|, as ../shared/golden/README.md says), then measures executed
// instructions per inference (one warm-up, then kTimedRuns runs on case 1's inputs) and the
// instructions of each operator (a further run with a NodeObserver).
//
// Output, one fact per line (bench/cortex_m/firmware_output.py parses it):
//   mote-golden model=NAME core=m4 isa=generic counter="..."
//   arena total=N persistent=N planned=N exact=yes
//   case number=1 result=pass
//   instructions run=warmup|1..5 value=N
//   op index=I code=C instructions=N
//   result golden=pass|fail cases=N failures=N
// Exit status: 0 when every case passes, 1 otherwise.
#include <cstdint>
#include <cstring>

#include "console.h"
#include "firmware_main.h"
#include "golden_data.h"
#include "instruction_counter.h"
#include "mote/interpreter.h"
#include "mote_model.h"

namespace {

using mote::target::Line;

constexpr uint32_t kTimedRuns = 5;
constexpr uint32_t kMaxProfiledNodes = 512;

alignas(16) uint8_t g_arena[mote_model_arena_bytes];

struct NodeTimes {
  uint32_t ticks[kMaxProfiledNodes + 1];  // [0]: before invoke; [i + 1]: after node i
  uint32_t count;
};
NodeTimes g_node_times;

void report_line(void*, const char* message) { Line() << "mote: " << message; }

void record_node(void* user, uint32_t node_index) {
  auto* times = static_cast<NodeTimes*>(user);
  if (node_index < kMaxProfiledNodes) {
    times->ticks[node_index + 1] = mote::target::counter_read();
    times->count = node_index + 1;
  }
}

bool float_close(float actual, float expected) {
  const float difference = actual > expected ? actual - expected : expected - actual;
  const float magnitude = expected < 0 ? -expected : expected;
  return difference <= 1e-5f + 1e-4f * magnitude;
}

// Compares one output tensor; prints the first difference.
bool output_matches(const mote::TensorHandle& actual, const GoldenTensor& expected,
                    uint32_t case_number, uint32_t output_index) {
  if (actual.bytes != expected.bytes) {
    Line() << "case number=" << case_number << " output=" << output_index
           << " size=" << actual.bytes << " expected_size=" << expected.bytes;
    return false;
  }
  const auto* bytes = static_cast<const uint8_t*>(actual.data);
  if (actual.type == mote::TensorType::kFloat32) {
    for (uint32_t i = 0; i < expected.bytes / 4; ++i) {
      float a, e;
      std::memcpy(&a, bytes + 4 * i, 4);
      std::memcpy(&e, expected.data + 4 * i, 4);
      if (!float_close(a, e)) {
        Line() << "case number=" << case_number << " output=" << output_index
               << " float_mismatch_at=" << i;
        return false;
      }
    }
    return true;
  }
  for (uint32_t i = 0; i < expected.bytes; ++i) {
    if (bytes[i] != expected.data[i]) {
      Line() << "case number=" << case_number << " output=" << output_index
             << " byte_mismatch_at=" << i << " got=" << bytes[i]
             << " expected=" << expected.data[i];
      return false;
    }
  }
  return true;
}

bool load_inputs(mote::Interpreter& interpreter, uint32_t c) {
  for (uint32_t i = 0; i < mote_golden.input_count; ++i) {
    const mote::TensorHandle input = interpreter.input(i);
    const GoldenTensor& golden = mote_golden.input(c, i);
    if (input.bytes != golden.bytes) return false;
    std::memcpy(input.data, golden.data, golden.bytes);
  }
  return true;
}

uint32_t run_golden_cases(mote::Interpreter& interpreter) {
  uint32_t failures = 0;
  for (uint32_t c = 0; c < mote_golden.case_count; ++c) {
    const uint32_t number = mote_golden.case_numbers[c];
    // Each golden output comes from one invoke on a fresh interpreter: reset any state.
    bool pass = interpreter.reset_variables() == mote::Status::kOk && load_inputs(interpreter, c) &&
                interpreter.invoke() == mote::Status::kOk;
    for (uint32_t o = 0; pass && o < mote_golden.output_count; ++o) {
      pass = output_matches(interpreter.output(o), mote_golden.output(c, o), number, o);
    }
    Line() << "case number=" << number << " result=" << (pass ? "pass" : "FAIL");
    if (!pass) ++failures;
  }
  return failures;
}

bool measure(mote::Interpreter& interpreter) {
  for (uint32_t run = 0; run <= kTimedRuns; ++run) {
    // Again before every run: the planner may reuse an input's memory once it is consumed.
    if (!load_inputs(interpreter, 0)) return false;
    const uint32_t before = mote::target::counter_read();
    const mote::Status status = interpreter.invoke();
    const uint32_t after = mote::target::counter_read();
    if (status != mote::Status::kOk) return false;
    Line line;
    line << "instructions run=";
    if (run == 0) {
      line << "warmup";
    } else {
      line << run;
    }
    line << " value=" << mote::target::instructions_between(before, after);
  }
  return true;
}

bool profile_ops(mote::Interpreter& interpreter) {
  if (!load_inputs(interpreter, 0)) return false;
  mote::NodeObserver observer;
  observer.after_node = record_node;
  observer.user = &g_node_times;
  g_node_times.count = 0;
  g_node_times.ticks[0] = mote::target::counter_read();
  if (interpreter.invoke(observer) != mote::Status::kOk) return false;
  const mote::Model& model = interpreter.model();
  for (uint32_t i = 0; i < g_node_times.count; ++i) {
    Line() << "op index=" << i << " code=" << model.op(i).builtin_code << " instructions="
           << mote::target::instructions_between(g_node_times.ticks[i], g_node_times.ticks[i + 1]);
  }
  return true;
}

}  // namespace

int firmware_main() {
  mote::target::counter_start();
  Line() << "mote-golden model=" << MOTE_MODEL_NAME << " core=" << MOTE_CORE_NAME
         << " isa=" << MOTE_KERNEL_ISA_NAME << " counter=\"" << mote::target::counter_description()
         << '"';
  const mote::Reporter reporter{report_line, nullptr};
  mote::Model model;
  if (mote::Model::load(mote_model, mote_model_size, reporter, &model) != mote::Status::kOk) {
    Line() << "result golden=fail error=load";
    return 1;
  }
  // The arena is exact: one byte less must not be enough.
  bool exact = false;
  {
    mote::Interpreter smaller(model, mote_model_op_resolver, {g_arena, sizeof(g_arena) - 1},
                              reporter);
    exact = smaller.prepare() == mote::Status::kArenaTooSmall;
  }
  mote::Interpreter interpreter(model, mote_model_op_resolver, {g_arena, sizeof(g_arena)},
                                reporter);
  if (interpreter.prepare() != mote::Status::kOk) {
    Line() << "result golden=fail error=prepare arena=" << sizeof(g_arena)
           << " needs=" << interpreter.arena_usage().total;
    return 1;
  }
  const mote::ArenaUsage& usage = interpreter.arena_usage();
  Line() << "arena total=" << usage.total << " persistent=" << usage.persistent
         << " planned=" << usage.planned << " exact=" << (exact ? "yes" : "no");

  const uint32_t failures = run_golden_cases(interpreter);
  const bool measured = measure(interpreter) && profile_ops(interpreter);
  const bool pass = failures == 0 && measured && exact && usage.total == sizeof(g_arena);
  Line() << "result golden=" << (pass ? "pass" : "fail") << " cases=" << mote_golden.case_count
         << " failures=" << failures;
  return pass ? 0 : 1;
}
