// Tensor element types, with the numeric values of TFLite's schema `TensorType` so that a type
// read from a .tflite file converts by a plain cast (after a range check in the loader).
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {

enum class TensorType : uint8_t {
  kFloat32 = 0,
  kFloat16 = 1,
  kInt32 = 2,
  kUInt8 = 3,
  kInt64 = 4,
  kString = 5,
  kBool = 6,
  kInt16 = 7,
  kComplex64 = 8,
  kInt8 = 9,
  kFloat64 = 10,
  kComplex128 = 11,
  kUInt64 = 12,
  kResource = 13,
  kVariant = 14,
  kUInt32 = 15,
  kUInt16 = 16,
  kInt4 = 17,
};

inline constexpr uint8_t kMaxTensorType = 17;

// Bytes per element; 0 for types without a fixed element size (string, resource, variant, int4).
size_t type_size(TensorType type);

// Lower-case name as used by numpy and in Mote's JSON ("float32", "int8", ...). gnu::const (no
// side effects, result from the argument only) lets the compiler drop calls whose result is
// unused: message arguments when MOTE_STRIP_ERROR_STRINGS compiles the text out, so the names
// stay out of flash.
[[gnu::const]] const char* type_name(TensorType type);

// Maps a C++ element type to its TensorType, for typed accessors.
template <typename T>
struct TypeOf;
template <>
struct TypeOf<float> {
  static constexpr TensorType value = TensorType::kFloat32;
};
template <>
struct TypeOf<int8_t> {
  static constexpr TensorType value = TensorType::kInt8;
};
template <>
struct TypeOf<uint8_t> {
  static constexpr TensorType value = TensorType::kUInt8;
};
template <>
struct TypeOf<int16_t> {
  static constexpr TensorType value = TensorType::kInt16;
};
template <>
struct TypeOf<int32_t> {
  static constexpr TensorType value = TensorType::kInt32;
};
template <>
struct TypeOf<int64_t> {
  static constexpr TensorType value = TensorType::kInt64;
};
template <>
struct TypeOf<bool> {
  static constexpr TensorType value = TensorType::kBool;
};

template <>
struct TypeOf<uint16_t> {
  static constexpr TensorType value = TensorType::kUInt16;
};
template <>
struct TypeOf<uint32_t> {
  static constexpr TensorType value = TensorType::kUInt32;
};
template <>
struct TypeOf<uint64_t> {
  static constexpr TensorType value = TensorType::kUInt64;
};
template <>
struct TypeOf<double> {
  static constexpr TensorType value = TensorType::kFloat64;
};

}  // namespace mote
