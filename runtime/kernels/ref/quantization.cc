// Prepare-time quantization math: see quantization.h. Each function names the
// TFLite function it reproduces; the comments say where behaviour differs only
// on inputs for which TFLite aborts or has undefined behaviour.
#include "kernels/ref/quantization.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace mote {
namespace ref {

bool quantize_multiplier(double real_multiplier, int32_t* quantized_multiplier, int* shift) {
  if (real_multiplier == 0.) {
    *quantized_multiplier = 0;
    *shift = 0;
    return true;
  }
  if (!std::isfinite(real_multiplier)) {
    *quantized_multiplier = 0;
    *shift = 0;
    return false;
  }
  int exponent = 0;
  const double q = std::frexp(real_multiplier, &exponent);  // |q| in [0.5, 1)
  // |q * 2^31| <= 2^31, so the rounded value always fits in int64.
  int64_t q_fixed = static_cast<int64_t>(std::round(q * static_cast<double>(int64_t{1} << 31)));
  if (q_fixed == (int64_t{1} << 31)) {
    // The mantissa rounded up to 1.0: renormalise to 0.5 * 2^(shift + 1).
    q_fixed /= 2;
    ++exponent;
  }
  // A shift below -31 would shift every bit out: flush to zero like TFLite
  // instead of producing a right shift larger than 31.
  if (exponent < -31) {
    exponent = 0;
    q_fixed = 0;
  }
  *quantized_multiplier = static_cast<int32_t>(q_fixed);
  *shift = exponent;
  return true;
}

bool quantize_multiplier_greater_than_one(double real_multiplier, int32_t* quantized_multiplier,
                                          int* left_shift) {
  if (!(real_multiplier > 1.)) {
    *quantized_multiplier = 0;
    *left_shift = 0;
    return false;
  }
  // A multiplier > 1 has a frexp exponent >= 1, so left_shift >= 1 always.
  return quantize_multiplier(real_multiplier, quantized_multiplier, left_shift);
}

bool quantize_multiplier_smaller_than_one_exp(double real_multiplier, int32_t* quantized_multiplier,
                                              int* left_shift) {
  if (!(real_multiplier < 1.) || !(real_multiplier > 0.)) {
    *quantized_multiplier = 0;
    *left_shift = 0;
    return false;
  }
  int shift = 0;
  if (!quantize_multiplier(real_multiplier, quantized_multiplier, &shift) || shift > 0) {
    // shift > 0 happens when real_multiplier is within 2^-32 of 1 and its
    // mantissa rounds up; TFLite CHECK-fails there.
    return false;
  }
  *left_shift = shift;
  return true;
}

bool preprocess_softmax_scaling(double beta, double input_scale, int input_integer_bits,
                                int32_t* quantized_multiplier, int* left_shift) {
  if (input_integer_bits < 1 || input_integer_bits > 31) {
    // TFLite computes 1 << 31 (negative) for 0 bits and then CHECK-fails.
    *quantized_multiplier = 0;
    *left_shift = 0;
    return false;
  }
  // Double-rounding build: the cap is 2^31 - 1 (single rounding uses 2^30 - 1).
  const double max_real_multiplier = static_cast<double>((int64_t{1} << 31) - 1);
  const double scale_to_fixed = static_cast<double>(int32_t{1} << (31 - input_integer_bits));
  const double input_beta_real_multiplier =
      min_of(beta * input_scale * scale_to_fixed, max_real_multiplier);
  return quantize_multiplier_greater_than_one(input_beta_real_multiplier, quantized_multiplier,
                                              left_shift);
}

bool preprocess_log_softmax_scaling_exp(double beta, double input_scale, int input_integer_bits,
                                        int32_t* quantized_multiplier, int* left_shift,
                                        int32_t* reverse_scaling_divisor,
                                        int* reverse_scaling_left_shift) {
  *reverse_scaling_divisor = 0;
  *reverse_scaling_left_shift = 0;
  if (!preprocess_softmax_scaling(beta, input_scale, input_integer_bits, quantized_multiplier,
                                  left_shift)) {
    return false;
  }
  // left_shift is in [1, 31] here (the multiplier is in (1, 2^31)), so the
  // shift below is in [0, 30].
  const double real_reverse_scaling_divisor =
      static_cast<double>(int32_t{1} << (31 - *left_shift)) /
      static_cast<double>(*quantized_multiplier);
  return quantize_multiplier_smaller_than_one_exp(
      real_reverse_scaling_divisor, reverse_scaling_divisor, reverse_scaling_left_shift);
}

int calculate_input_radius(int input_integer_bits, int input_left_shift, int total_signed_bits) {
  if (input_integer_bits < 0 || input_integer_bits > 30 || total_signed_bits < input_integer_bits ||
      total_signed_bits - input_integer_bits > 62) {
    return 0;
  }
  // TFLite: 1.0 * ((1 << iib) - 1) * (1LL << (tsb - iib)) / (1LL << ils).
  // Every factor is an integer below 2^63 and the divisor a power of two, so
  // the double value is exact and ldexp gives the same number (and also
  // covers shifts TFLite cannot do).
  const double numerator =
      1.0 * static_cast<double>((int32_t{1} << input_integer_bits) - 1) *
      static_cast<double>(int64_t{1} << (total_signed_bits - input_integer_bits));
  const double max_input_rescaled = std::ldexp(numerator, -input_left_shift);
  // Tighten with floor: the exact maximum would just reach the top after
  // rescaling, so anything used must be strictly smaller in magnitude.
  const double radius = std::floor(max_input_rescaled);
  if (radius >= static_cast<double>(std::numeric_limits<int>::max())) {
    return std::numeric_limits<int>::max();
  }
  return static_cast<int>(radius);
}

bool checked_log2(float x, int* log2_result) {
  if (!(x > 0.0f) || !std::isfinite(x)) {
    *log2_result = 0;
    return false;
  }
  // TFLite uses log and round rather than log2 (toolchain history); keep it,
  // since a different libm call could move the result by an ulp.
  const float x_log2 = std::log(x) * (1.0f / std::log(2.0f));
  const float x_log2_rounded = std::round(x_log2);
  const float x_log2_fracpart = x_log2 - x_log2_rounded;
  *log2_result = static_cast<int>(x_log2_rounded);  // |log2| < 150 for finite x > 0
  return std::fabs(x_log2_fracpart) < 1e-3f;
}

void calculate_activation_range_f32(FusedActivation activation, float* activation_min,
                                    float* activation_max) {
  switch (activation) {
    case FusedActivation::kRelu:
      *activation_min = 0.0f;
      *activation_max = std::numeric_limits<float>::max();
      return;
    case FusedActivation::kRelu6:
      *activation_min = 0.0f;
      *activation_max = 6.0f;
      return;
    case FusedActivation::kReluN1To1:
      *activation_min = -1.0f;
      *activation_max = 1.0f;
      return;
    case FusedActivation::kNone:
    case FusedActivation::kTanh:
    case FusedActivation::kSignBit:
      break;
  }
  *activation_min = std::numeric_limits<float>::lowest();
  *activation_max = std::numeric_limits<float>::max();
}

namespace {

// kernel_util.cc Quantize(): zero_point + (int32)round(f / scale), in float.
bool quantize_activation_bound(float scale, int32_t zero_point, float f, int32_t* q) {
  const float tmp = std::round(f / scale);
  // TFLite's range check. Note that (float)INT32_MAX is 2^31, so TFLite lets
  // tmp == 2^31 through and then converts it with undefined behaviour; that
  // value is rejected below. NaN fails both comparisons.
  const bool no_integer_overflow = tmp >= static_cast<float>(std::numeric_limits<int32_t>::min()) &&
                                   tmp <= static_cast<float>(std::numeric_limits<int32_t>::max());
  if (!no_integer_overflow || tmp >= 2147483648.0f) {
    return false;
  }
  const int64_t sum = static_cast<int64_t>(zero_point) + static_cast<int64_t>(tmp);
  if (sum < std::numeric_limits<int32_t>::min() || sum > std::numeric_limits<int32_t>::max()) {
    return false;  // signed overflow in TFLite
  }
  *q = static_cast<int32_t>(sum);
  return true;
}

}  // namespace

bool calculate_activation_range_quantized(FusedActivation activation, float output_scale,
                                          int32_t output_zero_point, int32_t qmin, int32_t qmax,
                                          int32_t* act_min, int32_t* act_max) {
  int32_t tmp_q = 0;
  switch (activation) {
    case FusedActivation::kRelu:
      if (!quantize_activation_bound(output_scale, output_zero_point, 0.0f, &tmp_q)) {
        return false;
      }
      *act_min = max_of(qmin, tmp_q);
      *act_max = qmax;
      return true;
    case FusedActivation::kRelu6:
      if (!quantize_activation_bound(output_scale, output_zero_point, 0.0f, &tmp_q)) {
        return false;
      }
      *act_min = max_of(qmin, tmp_q);
      if (!quantize_activation_bound(output_scale, output_zero_point, 6.0f, &tmp_q)) {
        return false;
      }
      *act_max = min_of(qmax, tmp_q);
      return true;
    case FusedActivation::kReluN1To1:
      if (!quantize_activation_bound(output_scale, output_zero_point, -1.0f, &tmp_q)) {
        return false;
      }
      *act_min = max_of(qmin, tmp_q);
      if (!quantize_activation_bound(output_scale, output_zero_point, 1.0f, &tmp_q)) {
        return false;
      }
      *act_max = min_of(qmax, tmp_q);
      return true;
    case FusedActivation::kNone:
    case FusedActivation::kTanh:
    case FusedActivation::kSignBit:
      break;
  }
  *act_min = qmin;
  *act_max = qmax;
  return true;
}

float apply_fused_activation_f32(FusedActivation activation, float x) {
  switch (activation) {
    case FusedActivation::kNone:
      return x;
    case FusedActivation::kRelu:
      return std::fmax(0.0f, x);
    case FusedActivation::kReluN1To1:
      return std::fmax(-1.0f, std::fmin(x, 1.0f));
    case FusedActivation::kRelu6:
      return std::fmax(0.0f, std::fmin(x, 6.0f));
    case FusedActivation::kTanh:
      return std::tanh(x);
    case FusedActivation::kSignBit:
      return std::signbit(x) ? 1.0f : 0.0f;
  }
  return 0.0f;  // TFLM's value for an activation it does not know
}

bool get_quantized_convolution_multiplier(float input_scale, float filter_scale, float output_scale,
                                          double* multiplier) {
  // The product is a float multiply, widened afterwards (TFLite does
  // static_cast<double>(input->params.scale * filter->params.scale)).
  const float product = input_scale * filter_scale;
  const double input_product_scale = static_cast<double>(product);
  if (!(input_product_scale >= 0)) {
    *multiplier = 0.0;
    return false;
  }
  *multiplier = input_product_scale / static_cast<double>(output_scale);
  return true;
}

bool is_bias_scale_consistent(float input_scale, float filter_scale, float bias_scale,
                              float output_scale) {
  // Here TFLite multiplies in double (unlike the multiplier above).
  const double input_product_scale =
      static_cast<double>(input_scale) * static_cast<double>(filter_scale);
  const double scale_diff = std::fabs(input_product_scale - static_cast<double>(bias_scale));
  return scale_diff / static_cast<double>(output_scale) <= 0.02;
}

namespace {

bool quantize_conv_channel(float input_scale, float filter_scale, float output_scale,
                           int32_t* multiplier, int32_t* shift) {
  const double effective_output_scale = static_cast<double>(input_scale) *
                                        static_cast<double>(filter_scale) /
                                        static_cast<double>(output_scale);
  int32_t significand = 0;
  int channel_shift = 0;
  const bool ok = quantize_multiplier(effective_output_scale, &significand, &channel_shift);
  *multiplier = significand;
  *shift = channel_shift;
  return ok;
}

}  // namespace

bool populate_conv_per_channel_multipliers(float input_scale, const float* filter_scales,
                                           int32_t num_channels, float output_scale,
                                           int32_t* multipliers, int32_t* shifts) {
  // Byte pointer + memcpy: no float load through a possibly misaligned
  // pointer (UB, and a fault on Cortex-M0 / with unaligned traps enabled).
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(filter_scales);
  bool ok = true;
  for (int32_t c = 0; c < num_channels; ++c) {
    float filter_scale = 0.0f;
    std::memcpy(&filter_scale, bytes + static_cast<size_t>(c) * sizeof(float), sizeof(float));
    ok = quantize_conv_channel(input_scale, filter_scale, output_scale, &multipliers[c],
                               &shifts[c]) &&
         ok;
  }
  return ok;
}

bool populate_conv_broadcast_multipliers(float input_scale, float filter_scale,
                                         int32_t num_channels, float output_scale,
                                         int32_t* multipliers, int32_t* shifts) {
  bool ok = true;
  for (int32_t c = 0; c < num_channels; ++c) {
    ok = quantize_conv_channel(input_scale, filter_scale, output_scale, &multipliers[c],
                               &shifts[c]) &&
         ok;
  }
  return ok;
}

// Data of TFLite's sigmoid_table_uint16 (tensorflow/lite/kernels/internal/
// common.h), needed verbatim for bit-exact int16 LOGISTIC and TANH.
const uint16_t kSigmoidTableU16[256] = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149, 40794,
    41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911, 48443,
    48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169, 53581, 53983, 54374,
    54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433, 57724, 58007, 58280, 58544,
    58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370, 60565, 60753, 60935, 61110, 61279,
    61441, 61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666, 62778, 62886, 62990,
    63090, 63186, 63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835, 63903, 63968, 64030,
    64090, 64148, 64204, 64257, 64308, 64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652,
    64687, 64721, 64754, 64786, 64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019,
    65039, 65060, 65079, 65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234,
    65246, 65258, 65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360,
    65367, 65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433,
    65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474, 65476,
    65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498, 65500, 65501,
    65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513, 65514, 65515, 65516,
    65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524,
    65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529, 65529,
    65529, 65530, 65530, 65530, 65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532,
    65532, 65532, 65532, 65533, 65533, 65533, 65533, 65533, 65533, 65533, 65533, 65534, 65534,
    65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65535,
};

// TFLM's int16 SOFTMAX tables, generated with lut_populate_s16 exactly as
// softmax_common.cc calls LUTPopulate<int16_t> (float, host glibc expf);
// quantization_test.cc regenerates and compares them.
const int16_t kSoftmaxExpLutS16[kLutSizeS16] = {
    2,     2,     2,     2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
    2,     2,     2,     2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
    2,     3,     3,     3,     3,     3,     3,     3,     3,     3,     3,     3,     3,
    3,     3,     3,     3,     3,     4,     4,     4,     4,     4,     4,     4,     4,
    4,     4,     4,     4,     4,     5,     5,     5,     5,     5,     5,     5,     5,
    5,     5,     6,     6,     6,     6,     6,     6,     6,     6,     7,     7,     7,
    7,     7,     7,     7,     7,     8,     8,     8,     8,     8,     8,     9,     9,
    9,     9,     9,     9,     10,    10,    10,    10,    10,    11,    11,    11,    11,
    11,    12,    12,    12,    12,    13,    13,    13,    13,    14,    14,    14,    14,
    15,    15,    15,    16,    16,    16,    17,    17,    17,    18,    18,    18,    19,
    19,    19,    20,    20,    21,    21,    21,    22,    22,    23,    23,    24,    24,
    25,    25,    26,    26,    27,    27,    28,    28,    29,    29,    30,    30,    31,
    32,    32,    33,    34,    34,    35,    36,    36,    37,    37,    38,    39,    40,
    40,    42,    42,    43,    44,    45,    45,    46,    47,    48,    49,    50,    51,
    52,    53,    54,    55,    56,    57,    59,    60,    60,    62,    63,    65,    65,
    67,    68,    69,    71,    73,    74,    75,    77,    78,    80,    81,    83,    85,
    86,    88,    90,    92,    93,    95,    97,    99,    101,   103,   105,   107,   109,
    112,   114,   116,   118,   121,   123,   126,   128,   131,   133,   135,   139,   141,
    144,   147,   149,   152,   155,   158,   162,   165,   168,   171,   174,   178,   181,
    185,   189,   192,   196,   200,   204,   208,   212,   217,   221,   225,   230,   234,
    239,   243,   248,   253,   258,   263,   268,   273,   279,   284,   290,   296,   302,
    308,   314,   320,   327,   333,   340,   346,   353,   360,   366,   374,   381,   389,
    397,   404,   413,   421,   429,   437,   446,   455,   464,   473,   482,   492,   501,
    511,   522,   532,   543,   553,   564,   575,   586,   598,   610,   622,   634,   646,
    659,   672,   685,   699,   713,   727,   741,   756,   771,   786,   801,   817,   833,
    850,   866,   884,   901,   919,   937,   955,   974,   993,   1013,  1033,  1053,  1074,
    1095,  1117,  1139,  1161,  1184,  1207,  1232,  1256,  1281,  1306,  1332,  1358,  1385,
    1412,  1440,  1468,  1497,  1527,  1557,  1587,  1619,  1651,  1683,  1716,  1750,  1785,
    1820,  1856,  1892,  1930,  1968,  2006,  2046,  2087,  2128,  2170,  2212,  2256,  2300,
    2346,  2392,  2439,  2488,  2537,  2587,  2638,  2690,  2743,  2796,  2852,  2908,  2966,
    3024,  3084,  3145,  3207,  3270,  3334,  3400,  3467,  3535,  3605,  3677,  3749,  3822,
    3898,  3975,  4053,  4133,  4214,  4297,  4383,  4469,  4557,  4647,  4739,  4833,  4927,
    5024,  5124,  5225,  5328,  5433,  5541,  5649,  5761,  5875,  5991,  6109,  6230,  6352,
    6477,  6605,  6736,  6868,  7004,  7141,  7282,  7427,  7572,  7722,  7874,  8030,  8188,
    8350,  8514,  8683,  8854,  9028,  9206,  9387,  9572,  9762,  9954,  10151, 10351, 10555,
    10763, 10976, 11191, 11412, 11637, 11867, 12102, 12341, 12583, 12831, 13085, 13342, 13606,
    13874, 14148, 14427, 14711, 15002, 15297, 15599, 15907, 16221, 16541, 16867, 17199, 17539,
    17884, 18237, 18597, 18964, 19338, 19719, 20108, 20505, 20909, 21322, 21742, 22171, 22608,
    23054, 23509, 23973, 24445, 24928, 25419, 25921, 26432, 26953, 27485, 28027, 28580, 29143,
    29718, 30304, 30902, 31512, 32133, 32767,
};

const int16_t kSoftmaxOneOverOnePlusXLutS16[kLutSizeS16] = {
    32767, 32704, 32640, 32578, 32514, 32451, 32388, 32326, 32264, 32202, 32141, 32079, 32018,
    31957, 31896, 31835, 31775, 31715, 31655, 31596, 31537, 31476, 31418, 31359, 31301, 31242,
    31184, 31127, 31069, 31011, 30954, 30897, 30840, 30784, 30727, 30671, 30615, 30560, 30504,
    30449, 30394, 30339, 30283, 30229, 30175, 30121, 30067, 30013, 29960, 29906, 29853, 29800,
    29746, 29694, 29642, 29589, 29537, 29486, 29434, 29382, 29331, 29280, 29229, 29177, 29127,
    29076, 29026, 28976, 28926, 28877, 28827, 28777, 28728, 28679, 28630, 28581, 28532, 28484,
    28436, 28388, 28340, 28292, 28244, 28197, 28150, 28103, 28056, 28008, 27962, 27915, 27869,
    27823, 27777, 27731, 27685, 27640, 27594, 27549, 27504, 27459, 27413, 27369, 27324, 27280,
    27236, 27192, 27148, 27104, 27060, 27016, 26973, 26930, 26887, 26844, 26801, 26758, 26715,
    26673, 26630, 26588, 26546, 26504, 26463, 26421, 26380, 26338, 26297, 26255, 26214, 26174,
    26132, 26092, 26051, 26011, 25971, 25931, 25891, 25851, 25811, 25772, 25732, 25693, 25653,
    25614, 25575, 25536, 25497, 25458, 25420, 25381, 25343, 25305, 25267, 25229, 25191, 25153,
    25116, 25078, 25041, 25003, 24966, 24928, 24892, 24855, 24818, 24781, 24745, 24709, 24672,
    24636, 24600, 24564, 24528, 24492, 24457, 24421, 24385, 24350, 24315, 24280, 24245, 24210,
    24175, 24140, 24105, 24070, 24036, 24002, 23967, 23933, 23899, 23865, 23831, 23798, 23764,
    23730, 23697, 23664, 23630, 23597, 23564, 23530, 23498, 23465, 23432, 23399, 23366, 23334,
    23302, 23269, 23237, 23205, 23173, 23141, 23109, 23077, 23046, 23014, 22982, 22951, 22920,
    22888, 22857, 22826, 22795, 22764, 22733, 22703, 22672, 22641, 22611, 22580, 22550, 22520,
    22490, 22459, 22429, 22400, 22370, 22340, 22310, 22281, 22251, 22221, 22192, 22163, 22134,
    22104, 22075, 22046, 22017, 21988, 21959, 21931, 21902, 21874, 21845, 21817, 21788, 21760,
    21732, 21704, 21676, 21648, 21620, 21592, 21565, 21537, 21509, 21482, 21455, 21427, 21400,
    21372, 21345, 21318, 21291, 21264, 21237, 21210, 21183, 21157, 21130, 21103, 21077, 21050,
    21024, 20998, 20971, 20945, 20919, 20893, 20867, 20841, 20816, 20790, 20764, 20738, 20713,
    20687, 20662, 20636, 20611, 20586, 20560, 20535, 20510, 20485, 20460, 20435, 20410, 20385,
    20360, 20336, 20311, 20287, 20262, 20238, 20213, 20189, 20165, 20141, 20117, 20092, 20068,
    20044, 20021, 19997, 19973, 19949, 19926, 19902, 19878, 19855, 19832, 19808, 19784, 19762,
    19738, 19715, 19692, 19668, 19645, 19622, 19600, 19577, 19553, 19531, 19508, 19485, 19463,
    19440, 19418, 19395, 19373, 19351, 19328, 19306, 19284, 19262, 19240, 19218, 19196, 19174,
    19152, 19130, 19109, 19087, 19065, 19044, 19022, 19000, 18979, 18958, 18936, 18915, 18893,
    18872, 18851, 18830, 18809, 18787, 18766, 18745, 18725, 18704, 18682, 18662, 18641, 18620,
    18600, 18579, 18559, 18538, 18518, 18497, 18477, 18457, 18436, 18416, 18396, 18376, 18356,
    18336, 18316, 18296, 18276, 18256, 18236, 18216, 18197, 18177, 18157, 18138, 18118, 18099,
    18079, 18059, 18040, 18021, 18001, 17982, 17963, 17944, 17924, 17905, 17886, 17867, 17848,
    17829, 17810, 17791, 17772, 17754, 17735, 17716, 17697, 17679, 17660, 17641, 17623, 17604,
    17586, 17568, 17549, 17531, 17513, 17494, 17476, 17458, 17440, 17422, 17404, 17386, 17368,
    17350, 17332, 17314, 17296, 17278, 17261, 17243, 17225, 17208, 17190, 17172, 17155, 17137,
    17120, 17102, 17085, 17067, 17050, 17033, 17015, 16999, 16981, 16964, 16947, 16930, 16913,
    16895, 16878, 16862, 16845, 16828, 16810, 16794, 16777, 16760, 16743, 16727, 16710, 16693,
    16677, 16660, 16644, 16627, 16611, 16594, 16578, 16562, 16545, 16529, 16513, 16497, 16480,
    16464, 16448, 16432, 16416, 16400, 16384,
};

}  // namespace ref
}  // namespace mote
