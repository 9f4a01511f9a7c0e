// Reference UNIDIRECTIONAL_SEQUENCE_LSTM, bit-exact with TFLM's reference kernel (the
// "general" LSTM of micro/kernels/lstm_eval.{h,cc}: EvalLstm<Activation, Weight, Cell, Bias>).
//
// Only the standard (Keras) LSTM that TFLM runs: four gates with input and recurrent weights,
// no CIFG, no peephole, no projection, no layer normalisation. Per time step:
//
//   forget = sigmoid(FC(input, W_if, b_f) + FC(hidden, W_hf))
//   input  = sigmoid(FC(input, W_ii, b_i) + FC(hidden, W_hi))
//   cell_g = tanh   (FC(input, W_ic, b_c) + FC(hidden, W_hc))
//   cell   = clip(forget * cell + input * cell_g)          (clip only when cell_clip > 0)
//   out_g  = sigmoid(FC(input, W_io, b_o) + FC(hidden, W_ho))
//   hidden = tanh(cell) * out_g;  output[t] = hidden
//
// Time-major input [time, batches, input_size] runs all batches per step; batch-major input
// [batches, time, input_size] runs one batch at a time through all its steps (TFLM's order,
// which gives the same values). Output is laid out like the input with state_size columns.
// Hidden and cell state are [batches, state_size] and are updated in place.
//
// Integer schemes (cell state int16 with a power-of-two scale, gate values int16):
//  * 8x8->16: int8 input/hidden/output, int8 weights, int32 bias;
//  * 16x8->16: int16 input/hidden/output, int8 weights, int64 bias.
// Each FC produces int16 in Q3.12 (scale 2^-12) through its (multiplier, shift); the two FCs of a
// gate are added with int16 saturation; sigmoid/tanh are TFLite's int16 table functions
// (output Q0.15); the element-wise products requantize with their own multipliers.
//
// Float path: reference_ops::FullyConnected (clamped to the float range), TFLite's float
// logistic (with its 16.619/-9 cut-offs) and std::tanh, clamped products, plain sums.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace ref {

struct LstmGeometry {
  int32_t batches = 0;
  int32_t time_steps = 0;
  int32_t input_size = 0;
  int32_t state_size = 0;
  bool time_major = false;
};

// Gate order of every per-gate array below.
enum LstmGate : int32_t {
  kLstmForgetGate = 0,
  kLstmInputGate = 1,
  kLstmCellGate = 2,
  kLstmOutputGate = 3,
  kLstmGateCount = 4,
};

template <typename Weight, typename Bias>
struct LstmWeights {
  const Weight* input_weights[kLstmGateCount] = {};      // [state_size, input_size]
  const Weight* recurrent_weights[kLstmGateCount] = {};  // [state_size, state_size]
  const Bias* bias[kLstmGateCount] = {};                 // [state_size]
};

// One integer FC: acc = sum (w + weights_offset) * (x + input_offset) (+ bias), requantized with
// (multiplier, shift) and clamped to int16 (output zero point 0).
struct LstmFcQuant {
  int32_t input_offset = 0;    // -input (or hidden) zero point
  int32_t weights_offset = 0;  // -weights zero point
  int32_t multiplier = 0;      // Q31
  int shift = 0;
};

struct LstmGateQuant {
  LstmFcQuant input;      // input x input weights + bias
  LstmFcQuant recurrent;  // hidden x recurrent weights (no bias)
};

// An element-wise product of two int16 values: offset + requantize(a * b), clamped.
struct LstmMulQuant {
  int32_t multiplier = 0;
  int shift = 0;
  int32_t output_offset = 0;
  int32_t activation_min = 0;
  int32_t activation_max = 0;
};

struct LstmQuant {
  LstmGateQuant gates[kLstmGateCount];
  LstmMulQuant forget_cell;  // forget gate x cell state -> cell state
  LstmMulQuant input_cell;   // input gate x cell gate -> cell state
  LstmMulQuant hidden;       // tanh(cell state) x output gate -> hidden state
  // tanh of the cell state: input_data = (cell * multiplier + round) >> shift before the table
  // lookup (see lstm_cell_tanh_params).
  int32_t cell_tanh_multiplier = 3;
  int32_t cell_tanh_shift = 0;
  bool clip_cell = false;  // the model's cell_clip > 0
  int16_t cell_clip = 0;   // quantized clip, in [0, 32767]
};

// TFLM's Tanh(cell_state_scale_power, ...) argument transformation for a cell state of scale
// 2^cell_state_scale_power: left shift 12 + power, turned into a multiplier of 3 << shift when it
// is >= 0, or a multiplier of 3 and a rounding right shift otherwise. False when the scale is
// outside what that arithmetic supports without overflow (power > 2 or < -43).
[[nodiscard]] bool lstm_cell_tanh_params(int32_t cell_state_scale_power, int32_t* multiplier,
                                         int32_t* shift);

// int16 gate activations on Q3.12 inputs (TFLM's Sigmoid and Tanh(-12, ...)), output Q0.15.
int16_t lstm_sigmoid_s16(int16_t x);
int16_t lstm_tanh_s16(int16_t x, int32_t multiplier, int32_t shift);

// TFLite's float logistic with its cut-offs (reference_ops::Logistic).
float lstm_sigmoid_f32(float x);

// Scratch: four buffers of (time_major ? batches : 1) * state_size cell values.
size_t lstm_scratch_bytes(const LstmGeometry& g, size_t cell_bytes);

void lstm_f32(const LstmGeometry& g, const LstmWeights<float, float>& w, float cell_clip,
              const float* input, float* hidden, float* cell, float* output, float* scratch);

void lstm_s8(const LstmGeometry& g, const LstmQuant& q, const LstmWeights<int8_t, int32_t>& w,
             const int8_t* input, int8_t* hidden, int16_t* cell, int8_t* output, int16_t* scratch);

void lstm_s16(const LstmGeometry& g, const LstmQuant& q, const LstmWeights<int8_t, int64_t>& w,
              const int16_t* input, int16_t* hidden, int16_t* cell, int16_t* output,
              int16_t* scratch);

}  // namespace ref
}  // namespace mote
