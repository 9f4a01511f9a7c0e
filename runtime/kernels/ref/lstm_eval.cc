#include "kernels/ref/lstm_eval.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "kernels/ref/fully_connected.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

constexpr int32_t kInt16Min = std::numeric_limits<int16_t>::min();
constexpr int32_t kInt16Max = std::numeric_limits<int16_t>::max();

// ---------------------------------------------------------------------------
// Integer building blocks (TFLM lstm_internal::FullyConnected, AddElementWise, Mul, Clipping).
// ---------------------------------------------------------------------------

// reference_integer_ops::FullyConnected<Act, int8, int16, Bias> with a zero output offset and
// the int16 clamp: the accumulator has the bias type (int32 for 8x8, int64 for 16x8) and wraps
// like TFLM's on overflow, which unsigned arithmetic keeps defined.
template <typename Act, typename Bias>
void gate_fc(const LstmFcQuant& q, int32_t rows, int32_t depth, int32_t units, const Act* input,
             const int8_t* weights, const Bias* bias, int16_t* output) {
  using Unsigned = typename std::make_unsigned<Bias>::type;
  for (int32_t r = 0; r < rows; ++r) {
    const Act* in = input + static_cast<int64_t>(r) * depth;
    for (int32_t o = 0; o < units; ++o) {
      const int8_t* w = weights + static_cast<int64_t>(o) * depth;
      Unsigned acc = 0;
      for (int32_t d = 0; d < depth; ++d) {
        // |w + offset| <= 255 and |x + offset| <= 65535: the int32 product cannot overflow.
        const int32_t product = (w[d] + q.weights_offset) * (in[d] + q.input_offset);
        acc += static_cast<Unsigned>(static_cast<Bias>(product));
      }
      if (bias != nullptr) acc += static_cast<Unsigned>(bias[o]);
      // The overload follows the bias type: the int32 or the int64 (16-bit multiplier) version.
      const int32_t scaled =
          multiply_by_quantized_multiplier(static_cast<Bias>(acc), q.multiplier, q.shift);
      output[static_cast<int64_t>(r) * units + o] =
          static_cast<int16_t>(clamp_to(scaled, kInt16Min, kInt16Max));
    }
  }
}

void add_saturating(const int16_t* a, const int16_t* b, int32_t n, int16_t* out) {
  for (int32_t i = 0; i < n; ++i) {
    const int32_t sum = static_cast<int32_t>(a[i]) + b[i];
    out[i] = static_cast<int16_t>(clamp_to(sum, kInt16Min, kInt16Max));
  }
}

// reference_integer_ops::MulElementwise<int16_t, Out>; inputs are symmetric (offset 0).
template <typename Out>
void mul_elementwise(const LstmMulQuant& q, const int16_t* a, const int16_t* b, int32_t n,
                     Out* out) {
  for (int32_t i = 0; i < n; ++i) {
    const int32_t product = static_cast<int32_t>(a[i]) * b[i];  // |product| <= 2^30
    const int32_t scaled = multiply_by_quantized_multiplier(product, q.multiplier, q.shift);
    // In 64 bits: a saturated product plus a zero point clamps rather than overflowing.
    const int64_t shifted = static_cast<int64_t>(scaled) + q.output_offset;
    out[i] = static_cast<Out>(clamp_to<int64_t>(shifted, q.activation_min, q.activation_max));
  }
}

template <typename Act, typename Bias>
void gate_s16(const LstmGeometry& g, const LstmGateQuant& q, int32_t rows, const Act* input,
              const Act* hidden, const int8_t* input_weights, const int8_t* recurrent_weights,
              const Bias* bias, int16_t* gate, int16_t* recurrent_buffer) {
  const int32_t n = rows * g.state_size;
  gate_fc(q.input, rows, g.input_size, g.state_size, input, input_weights, bias, gate);
  gate_fc<Act, Bias>(q.recurrent, rows, g.state_size, g.state_size, hidden, recurrent_weights,
                     nullptr, recurrent_buffer);
  add_saturating(gate, recurrent_buffer, n, gate);
}

template <typename Act, typename Bias>
void step_integer(const LstmGeometry& g, const LstmQuant& q, const LstmWeights<int8_t, Bias>& w,
                  int32_t rows, const Act* input, Act* hidden, int16_t* cell, Act* output,
                  int16_t* scratch) {
  const int32_t n = rows * g.state_size;
  int16_t* forget_gate = scratch;
  int16_t* input_gate = scratch + n;
  int16_t* cell_gate = scratch + 2 * static_cast<int64_t>(n);
  int16_t* recurrent_buffer = scratch + 3 * static_cast<int64_t>(n);

  // The buffers are reused exactly as TFLM's LstmStep reuses them.
  gate_s16(g, q.gates[kLstmForgetGate], rows, input, hidden, w.input_weights[kLstmForgetGate],
           w.recurrent_weights[kLstmForgetGate], w.bias[kLstmForgetGate], forget_gate,
           recurrent_buffer);
  for (int32_t i = 0; i < n; ++i) forget_gate[i] = lstm_sigmoid_s16(forget_gate[i]);

  gate_s16(g, q.gates[kLstmInputGate], rows, input, hidden, w.input_weights[kLstmInputGate],
           w.recurrent_weights[kLstmInputGate], w.bias[kLstmInputGate], input_gate,
           recurrent_buffer);
  for (int32_t i = 0; i < n; ++i) input_gate[i] = lstm_sigmoid_s16(input_gate[i]);

  // The cell gate's tanh sees Q3.12 like the sigmoids: TFLM calls Tanh with power -12, which is
  // a multiplier of 3 and no shift.
  gate_s16(g, q.gates[kLstmCellGate], rows, input, hidden, w.input_weights[kLstmCellGate],
           w.recurrent_weights[kLstmCellGate], w.bias[kLstmCellGate], cell_gate, recurrent_buffer);
  for (int32_t i = 0; i < n; ++i) cell_gate[i] = lstm_tanh_s16(cell_gate[i], 3, 0);

  // cell = forget * cell + input * cell_gate (each product requantized, sum saturated).
  mul_elementwise(q.forget_cell, forget_gate, cell, n, cell);
  int16_t* input_times_cell = input_gate;
  mul_elementwise(q.input_cell, input_gate, cell_gate, n, input_times_cell);
  add_saturating(cell, input_times_cell, n, cell);
  if (q.clip_cell) {
    const int16_t hi = q.cell_clip;
    const int16_t lo = static_cast<int16_t>(-q.cell_clip);
    for (int32_t i = 0; i < n; ++i) {
      // std::max(std::min(clip, v), -clip) with std's argument order.
      const int16_t upper = cell[i] < hi ? cell[i] : hi;
      cell[i] = upper < lo ? lo : upper;
    }
  }

  int16_t* output_gate = input_gate;
  gate_s16(g, q.gates[kLstmOutputGate], rows, input, hidden, w.input_weights[kLstmOutputGate],
           w.recurrent_weights[kLstmOutputGate], w.bias[kLstmOutputGate], output_gate,
           recurrent_buffer);
  for (int32_t i = 0; i < n; ++i) output_gate[i] = lstm_sigmoid_s16(output_gate[i]);

  int16_t* tanh_cell = forget_gate;
  for (int32_t i = 0; i < n; ++i) {
    tanh_cell[i] = lstm_tanh_s16(cell[i], q.cell_tanh_multiplier, q.cell_tanh_shift);
  }
  mul_elementwise(q.hidden, tanh_cell, output_gate, n, hidden);
  std::memcpy(output, hidden, static_cast<size_t>(n) * sizeof(Act));
}

// ---------------------------------------------------------------------------
// Float building blocks.
// ---------------------------------------------------------------------------

// ActivationFunctionWithMinMax over the whole float range (std::max then std::min argument
// order: NaN passes through, infinities become +-FLT_MAX).
float clamp_to_float_range(float v) {
  constexpr float kLowest = std::numeric_limits<float>::lowest();
  constexpr float kMax = std::numeric_limits<float>::max();
  v = v < kLowest ? kLowest : v;
  return kMax < v ? kMax : v;
}

void gate_f32(const LstmGeometry& g, int32_t rows, const float* input, const float* hidden,
              const float* input_weights, const float* recurrent_weights, const float* bias,
              float* gate, float* recurrent_buffer) {
  constexpr float kLowest = std::numeric_limits<float>::lowest();
  constexpr float kMax = std::numeric_limits<float>::max();
  FullyConnectedGeometry input_fc;
  input_fc.batches = rows;
  input_fc.output_depth = g.state_size;
  input_fc.accum_depth = g.input_size;
  fully_connected_f32(input_fc, kLowest, kMax, input, input_weights, bias, gate);
  FullyConnectedGeometry recurrent_fc = input_fc;
  recurrent_fc.accum_depth = g.state_size;
  fully_connected_f32(recurrent_fc, kLowest, kMax, hidden, recurrent_weights, nullptr,
                      recurrent_buffer);
  const int32_t n = rows * g.state_size;
  for (int32_t i = 0; i < n; ++i) gate[i] = gate[i] + recurrent_buffer[i];
}

void step_f32(const LstmGeometry& g, const LstmWeights<float, float>& w, float cell_clip,
              int32_t rows, const float* input, float* hidden, float* cell, float* output,
              float* scratch) {
  const int32_t n = rows * g.state_size;
  float* forget_gate = scratch;
  float* input_gate = scratch + n;
  float* cell_gate = scratch + 2 * static_cast<int64_t>(n);
  float* recurrent_buffer = scratch + 3 * static_cast<int64_t>(n);

  gate_f32(g, rows, input, hidden, w.input_weights[kLstmForgetGate],
           w.recurrent_weights[kLstmForgetGate], w.bias[kLstmForgetGate], forget_gate,
           recurrent_buffer);
  for (int32_t i = 0; i < n; ++i) forget_gate[i] = lstm_sigmoid_f32(forget_gate[i]);

  gate_f32(g, rows, input, hidden, w.input_weights[kLstmInputGate],
           w.recurrent_weights[kLstmInputGate], w.bias[kLstmInputGate], input_gate,
           recurrent_buffer);
  for (int32_t i = 0; i < n; ++i) input_gate[i] = lstm_sigmoid_f32(input_gate[i]);

  gate_f32(g, rows, input, hidden, w.input_weights[kLstmCellGate],
           w.recurrent_weights[kLstmCellGate], w.bias[kLstmCellGate], cell_gate, recurrent_buffer);
  for (int32_t i = 0; i < n; ++i) cell_gate[i] = std::tanh(cell_gate[i]);

  for (int32_t i = 0; i < n; ++i) cell[i] = clamp_to_float_range(forget_gate[i] * cell[i]);
  for (int32_t i = 0; i < n; ++i)
    input_gate[i] = clamp_to_float_range(input_gate[i] * cell_gate[i]);
  for (int32_t i = 0; i < n; ++i) cell[i] = cell[i] + input_gate[i];
  if (cell_clip > 0.0f) {
    for (int32_t i = 0; i < n; ++i) {
      // std::max(std::min(clip, v), -clip): a NaN cell becomes +clip, as in TFLM.
      const float upper = cell[i] < cell_clip ? cell[i] : cell_clip;
      cell[i] = upper < -cell_clip ? -cell_clip : upper;
    }
  }

  float* output_gate = input_gate;
  gate_f32(g, rows, input, hidden, w.input_weights[kLstmOutputGate],
           w.recurrent_weights[kLstmOutputGate], w.bias[kLstmOutputGate], output_gate,
           recurrent_buffer);
  for (int32_t i = 0; i < n; ++i) output_gate[i] = lstm_sigmoid_f32(output_gate[i]);

  float* tanh_cell = forget_gate;
  for (int32_t i = 0; i < n; ++i) tanh_cell[i] = std::tanh(cell[i]);
  for (int32_t i = 0; i < n; ++i) hidden[i] = clamp_to_float_range(tanh_cell[i] * output_gate[i]);
  std::memcpy(output, hidden, static_cast<size_t>(n) * sizeof(float));
}

// TFLM's EvalLstm loop: time-major runs every batch per step; batch-major runs one batch (one
// row of state) through all its steps before the next.
template <typename Act, typename Cell, typename Step>
void run_sequence(const LstmGeometry& g, const Act* input, Act* hidden, Cell* cell, Act* output,
                  Step step) {
  const int64_t in_size = g.input_size;
  const int64_t state = g.state_size;
  if (g.time_major) {
    const int64_t batches = g.batches;
    for (int32_t t = 0; t < g.time_steps; ++t) {
      step(g.batches, input + t * batches * in_size, hidden, cell, output + t * batches * state);
    }
    return;
  }
  for (int32_t b = 0; b < g.batches; ++b) {
    for (int32_t t = 0; t < g.time_steps; ++t) {
      const int64_t row = static_cast<int64_t>(b) * g.time_steps + t;
      step(1, input + row * in_size, hidden + b * state, cell + b * state, output + row * state);
    }
  }
}

}  // namespace

bool lstm_cell_tanh_params(int32_t cell_state_scale_power, int32_t* multiplier, int32_t* shift) {
  if (cell_state_scale_power > 2 || cell_state_scale_power < -43) return false;
  const int32_t left_shift = (15 + cell_state_scale_power) - 3;
  if (left_shift >= 0) {
    // Tanh's power-of-two case: multiplier 3 << shift, no shift (x * 3 << 14 fits int32).
    *multiplier = 3 << left_shift;
    *shift = 0;
  } else {
    *multiplier = 3;
    *shift = -left_shift;  // <= 31
  }
  return true;
}

int16_t lstm_sigmoid_s16(int16_t x) {
  // reference_integer_ops::Logistic(0, 0, ...): multiplier 3, no shift.
  return logistic_s16_from_table(static_cast<int32_t>(x) * 3);
}

int16_t lstm_tanh_s16(int16_t x, int32_t multiplier, int32_t shift) {
  // reference_integer_ops::Tanh(multiplier, shift, ...) after its power-of-two rewrite.
  const int32_t round = shift > 0 ? (1 << (shift - 1)) : 0;
  const int32_t input_data = (static_cast<int32_t>(x) * multiplier + round) >> shift;
  return tanh_s16_from_table(input_data);
}

float lstm_sigmoid_f32(float x) {
  constexpr float kCutoffUpper = 16.619047164916992188f;
  constexpr float kCutoffLower = -9.f;
  if (x > kCutoffUpper) return 1.0f;
  if (x < kCutoffLower) return std::exp(x);
  return 1.f / (1.f + std::exp(-x));
}

size_t lstm_scratch_bytes(const LstmGeometry& g, size_t cell_bytes) {
  const size_t rows = g.time_major ? static_cast<size_t>(g.batches) : 1;
  return 4 * rows * static_cast<size_t>(g.state_size) * cell_bytes;
}

void lstm_f32(const LstmGeometry& g, const LstmWeights<float, float>& w, float cell_clip,
              const float* input, float* hidden, float* cell, float* output, float* scratch) {
  run_sequence(g, input, hidden, cell, output,
               [&](int32_t rows, const float* in, float* h, float* c, float* out) {
                 step_f32(g, w, cell_clip, rows, in, h, c, out, scratch);
               });
}

void lstm_s8(const LstmGeometry& g, const LstmQuant& q, const LstmWeights<int8_t, int32_t>& w,
             const int8_t* input, int8_t* hidden, int16_t* cell, int8_t* output, int16_t* scratch) {
  run_sequence(g, input, hidden, cell, output,
               [&](int32_t rows, const int8_t* in, int8_t* h, int16_t* c, int8_t* out) {
                 step_integer<int8_t, int32_t>(g, q, w, rows, in, h, c, out, scratch);
               });
}

void lstm_s16(const LstmGeometry& g, const LstmQuant& q, const LstmWeights<int8_t, int64_t>& w,
              const int16_t* input, int16_t* hidden, int16_t* cell, int16_t* output,
              int16_t* scratch) {
  run_sequence(g, input, hidden, cell, output,
               [&](int32_t rows, const int16_t* in, int16_t* h, int16_t* c, int16_t* out) {
                 step_integer<int16_t, int64_t>(g, q, w, rows, in, h, c, out, scratch);
               });
}

}  // namespace ref
}  // namespace mote
