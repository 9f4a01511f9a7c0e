#include "quantize_math.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace mote::tools {
namespace {

constexpr int32_t kWeightMax = 127;

// TfLiteRound for float: half away from zero.
float round_half_away(float x) { return std::round(x); }

// tflite::SafeCast: saturates, NaN becomes 0.
template <typename To>
To safe_cast(float x) {
  if (std::isnan(x)) return 0;
  constexpr To kMax = std::numeric_limits<To>::max();
  constexpr To kMin = std::numeric_limits<To>::min();
  if (x >= static_cast<float>(kMax)) return kMax;
  if (x <= static_cast<float>(kMin)) return kMin;
  return static_cast<To>(x);
}

// Size of the dimensions after `axis`, and the channel count along it.
void axis_layout(const std::vector<int32_t>& shape, int32_t axis, size_t* inner, size_t* channels) {
  *inner = 1;
  *channels = 1;
  if (axis < 0 || static_cast<size_t>(axis) >= shape.size()) return;
  *channels = static_cast<size_t>(shape[static_cast<size_t>(axis)]);
  for (size_t d = static_cast<size_t>(axis) + 1; d < shape.size(); ++d) {
    *inner *= static_cast<size_t>(shape[d]);
  }
}

template <typename T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

}  // namespace

QuantParams asymmetric_params(float min, float max, int32_t qmin, int32_t qmax) {
  const auto qmin_f = static_cast<float>(qmin);
  const auto qmax_f = static_cast<float>(qmax);
  min = std::min(min, 0.0f);
  max = std::max(max, 0.0f);
  QuantParams p;
  p.scale = (max - min) / (qmax_f - qmin_f);
  // min == max == 0 gives scale 0, as in TFLite (every value is then the zero point).
  float zero_point_from_min = qmin_f;
  if (p.scale != 0) zero_point_from_min = qmin_f - min / p.scale;
  if (zero_point_from_min < qmin_f) {
    p.zero_point = qmin;
  } else if (zero_point_from_min > qmax_f) {
    p.zero_point = qmax;
  } else {
    p.zero_point = static_cast<int32_t>(std::round(zero_point_from_min));
  }
  return p;
}

QuantParams symmetric_params(float min, float max, int32_t half_range) {
  min = std::min(min, 0.0f);
  max = std::max(max, 0.0f);
  QuantParams p;
  p.scale = std::max(std::abs(max), std::abs(min)) / static_cast<float>(half_range);
  p.zero_point = 0;
  return p;
}

QuantParams activation_params(float min, float max, TensorType type) {
  if (type == TensorType::kInt16) return symmetric_params(min, max, 32767);
  return asymmetric_params(min, max, -128, 127);
}

std::vector<uint8_t> quantize_values(const std::vector<float>& values, QuantParams params,
                                     TensorType type) {
  const bool wide = type == TensorType::kInt16;
  const int32_t lo = wide ? -32768 : -128;
  const int32_t hi = wide ? 32767 : 127;
  const float inv = params.scale == 0.0f ? 0.0f : 1.0f / params.scale;
  std::vector<uint8_t> out(values.size() * (wide ? 2 : 1));
  for (size_t i = 0; i < values.size(); ++i) {
    const int32_t q = std::clamp(
        safe_cast<int32_t>(round_half_away(values[i] * inv)) + params.zero_point, lo, hi);
    if (wide) {
      const auto v = static_cast<int16_t>(q);
      std::memcpy(out.data() + 2 * i, &v, 2);
    } else {
      out[i] = static_cast<uint8_t>(static_cast<int8_t>(q));
    }
  }
  return out;
}

std::vector<float> dequantize_values(const std::vector<uint8_t>& bytes, TensorType type,
                                     const std::vector<int32_t>& shape,
                                     const std::vector<float>& scales,
                                     const std::vector<int64_t>& zero_points, int32_t axis) {
  const size_t size = type_size(type);
  const size_t count = size == 0 ? 0 : bytes.size() / size;
  size_t inner = 1, channels = 1;
  if (scales.size() > 1) axis_layout(shape, axis, &inner, &channels);
  std::vector<float> out(count);
  for (size_t i = 0; i < count; ++i) {
    const size_t c = scales.size() > 1 ? (i / inner) % channels : 0;
    const uint8_t* p = bytes.data() + i * size;
    double q = 0;
    switch (type) {
      case TensorType::kInt8:
        q = load<int8_t>(p);
        break;
      case TensorType::kUInt8:
        q = load<uint8_t>(p);
        break;
      case TensorType::kInt16:
        q = load<int16_t>(p);
        break;
      case TensorType::kInt32:
        q = load<int32_t>(p);
        break;
      case TensorType::kInt64:
        q = static_cast<double>(load<int64_t>(p));
        break;
      default:
        break;
    }
    const float scale = scales.empty() ? 1.0f : scales[c];
    const double zp = zero_points.empty() ? 0.0 : static_cast<double>(zero_points[c]);
    out[i] = static_cast<float>(static_cast<double>(scale) * (q - zp));
  }
  return out;
}

ChannelRanges channel_ranges(const std::vector<float>& values, const std::vector<int32_t>& shape,
                             int32_t axis) {
  size_t inner = 1, channels = 1;
  axis_layout(shape, axis, &inner, &channels);
  ChannelRanges r;
  r.min.assign(channels, 0.0f);
  r.max.assign(channels, 0.0f);
  std::vector<bool> seen(channels, false);
  for (size_t i = 0; i < values.size(); ++i) {
    const size_t c = (i / inner) % channels;
    const float v = values[i];
    if (!seen[c]) {
      r.min[c] = r.max[c] = v;
      seen[c] = true;
    } else {
      r.min[c] = std::min(r.min[c], v);
      r.max[c] = std::max(r.max[c], v);
    }
  }
  return r;
}

void adjust_weight_ranges_for_bias(ChannelRanges* ranges, const std::vector<float>& bias,
                                   float input_scale) {
  // Computed in double where TFLite's expressions promote to double (the 0.5 and 2.0
  // literals), then stored back as float.
  constexpr double kScale = std::numeric_limits<int32_t>::max();
  const size_t channels = ranges->min.size();
  if (channels == 0 || bias.empty()) return;
  std::vector<float> weight_scales(channels);
  for (size_t c = 0; c < channels; ++c) {
    weight_scales[c] = std::max(std::abs(ranges->min[c]), std::abs(ranges->max[c])) /
                       static_cast<float>(kWeightMax);
  }
  if (channels > 1) {
    for (size_t c = 0; c < channels && c < bias.size(); ++c) {
      if (std::abs(bias[c]) >= 0.5 * input_scale * weight_scales[c] * kScale) {
        ranges->max[c] =
            static_cast<float>(2.0 * std::abs(bias[c]) / kScale * (kWeightMax / input_scale));
        ranges->min[c] = -ranges->max[c];
      }
    }
  } else {
    const auto [lo, hi] = std::minmax_element(bias.begin(), bias.end());
    const float half_range = std::max(std::abs(*lo), std::abs(*hi));
    // float / int32 in TFLite: a float division.
    if (half_range / static_cast<float>(kScale) >= 0.5 * input_scale * weight_scales[0]) {
      ranges->min[0] = static_cast<float>(2.0 * half_range / kScale * (-kWeightMax / input_scale));
      ranges->max[0] = static_cast<float>(2.0 * half_range / kScale * (kWeightMax / input_scale));
    }
  }
}

QuantizedWeights quantize_weights(const std::vector<float>& values,
                                  const std::vector<int32_t>& shape, int32_t axis,
                                  const ChannelRanges& ranges) {
  QuantizedWeights w;
  w.values.resize(values.size());
  const size_t channels = ranges.min.size();
  const auto half_scale = static_cast<float>(kWeightMax);
  if (channels > 1) {
    // SymmetricPerChannelQuantization: a zero channel gets scale 0 and values 0.
    std::vector<float> inv(channels);
    w.scales.resize(channels);
    for (size_t c = 0; c < channels; ++c) {
      const float half_range = std::max(std::abs(ranges.min[c]), std::abs(ranges.max[c]));
      w.scales[c] = half_range / half_scale;
      inv[c] = half_range == 0 ? 0 : half_scale / half_range;
    }
    size_t inner = 1, count = 1;
    axis_layout(shape, axis, &inner, &count);
    for (size_t i = 0; i < values.size(); ++i) {
      const size_t c = (i / inner) % count;
      const int32_t q = safe_cast<int32_t>(round_half_away(values[i] * inv[c]));
      w.values[i] = static_cast<int8_t>(std::clamp(q, -kWeightMax, kWeightMax));
    }
    return w;
  }
  // SymmetricQuantizeFloats: an all-zero tensor gets scale 1.
  const float range = std::max(std::abs(ranges.min[0]), std::abs(ranges.max[0]));
  if (range == 0) {
    w.scales = {1.0f};
    return w;
  }
  w.scales = {range / half_scale};
  const float inv = half_scale / range;
  for (size_t i = 0; i < values.size(); ++i) {
    const int32_t q = safe_cast<int32_t>(round_half_away(values[i] * inv));
    w.values[i] = static_cast<int8_t>(std::clamp(q, -kWeightMax, kWeightMax));
  }
  return w;
}

std::vector<int16_t> quantize_int16_symmetric(const std::vector<float>& values, float* scale) {
  float max_abs = 0.0f;
  for (float v : values) max_abs = std::max(max_abs, std::abs(v));
  *scale = max_abs / 32767.0f;
  // As SymmetricQuantizeFloatsToInt16: the inverse is computed in double, stored as float.
  const float inv = *scale == 0 ? 0 : static_cast<float>(1.0 / *scale);
  std::vector<int16_t> out(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    const int32_t q = safe_cast<int32_t>(round_half_away(values[i] * inv));
    out[i] = static_cast<int16_t>(std::clamp(q, -32767, 32767));
  }
  return out;
}

std::vector<uint8_t> quantize_bias(const std::vector<float>& bias, float input_scale,
                                   const std::vector<float>& weight_scales, int bits,
                                   std::vector<float>* bias_scales) {
  bias_scales->resize(weight_scales.size());
  for (size_t c = 0; c < weight_scales.size(); ++c) {
    (*bias_scales)[c] = input_scale * weight_scales[c];
  }
  const size_t size = bits == 64 ? 8 : 4;
  std::vector<uint8_t> out(bias.size() * size);
  for (size_t i = 0; i < bias.size(); ++i) {
    const float scale = (*bias_scales)[weight_scales.size() > 1 ? i : 0];
    const float inv = scale == 0 ? 0 : static_cast<float>(1.0 / scale);
    const float rounded = round_half_away(bias[i] * inv);
    if (bits == 64) {
      constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
      const int64_t q = std::clamp(safe_cast<int64_t>(rounded), -kMax, kMax);
      std::memcpy(out.data() + 8 * i, &q, 8);
    } else {
      constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
      const int32_t q = std::clamp(safe_cast<int32_t>(rounded), -kMax, kMax);
      std::memcpy(out.data() + 4 * i, &q, 4);
    }
  }
  return out;
}

double sqnr_db(double signal_energy, double noise_energy) {
  if (noise_energy <= 0.0) return std::numeric_limits<double>::infinity();
  if (signal_energy <= 0.0) return -std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(signal_energy / noise_energy);
}

}  // namespace mote::tools
