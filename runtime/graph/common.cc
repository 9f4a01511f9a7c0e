// Small runtime-wide helpers: status and type names, message formatting.
#include <cmath>

#include "mote/format.h"
#include "mote/status.h"
#include "mote/types.h"

namespace mote {

const char* status_name(Status status) {
  switch (status) {
    case Status::kOk:
      return "ok";
    case Status::kInvalidModel:
      return "invalid_model";
    case Status::kUnsupported:
      return "unsupported";
    case Status::kArenaTooSmall:
      return "arena_too_small";
    case Status::kInvalidArgument:
      return "invalid_argument";
    case Status::kNotPrepared:
      return "not_prepared";
    case Status::kEvalFailed:
      return "eval_failed";
  }
  return "unknown";
}

size_t type_size(TensorType type) {
  switch (type) {
    case TensorType::kFloat32:
    case TensorType::kInt32:
    case TensorType::kUInt32:
      return 4;
    case TensorType::kFloat16:
    case TensorType::kInt16:
    case TensorType::kUInt16:
      return 2;
    case TensorType::kUInt8:
    case TensorType::kInt8:
    case TensorType::kBool:
      return 1;
    case TensorType::kInt64:
    case TensorType::kFloat64:
    case TensorType::kComplex64:
    case TensorType::kUInt64:
      return 8;
    case TensorType::kComplex128:
      return 16;
    default:
      return 0;
  }
}

const char* type_name(TensorType type) {
  switch (type) {
    case TensorType::kFloat32:
      return "float32";
    case TensorType::kFloat16:
      return "float16";
    case TensorType::kInt32:
      return "int32";
    case TensorType::kUInt8:
      return "uint8";
    case TensorType::kInt64:
      return "int64";
    case TensorType::kString:
      return "string";
    case TensorType::kBool:
      return "bool";
    case TensorType::kInt16:
      return "int16";
    case TensorType::kComplex64:
      return "complex64";
    case TensorType::kInt8:
      return "int8";
    case TensorType::kFloat64:
      return "float64";
    case TensorType::kComplex128:
      return "complex128";
    case TensorType::kUInt64:
      return "uint64";
    case TensorType::kResource:
      return "resource";
    case TensorType::kVariant:
      return "variant";
    case TensorType::kUInt32:
      return "uint32";
    case TensorType::kUInt16:
      return "uint16";
    case TensorType::kInt4:
      return "int4";
  }
  return "unknown";
}

TextBuffer::TextBuffer(char* data, size_t capacity) : data_(data), capacity_(capacity) {
  if (capacity_ > 0) data_[0] = '\0';
}

void TextBuffer::append(char c) {
  if (length_ + 1 >= capacity_) return;
  data_[length_++] = c;
  data_[length_] = '\0';
}

void TextBuffer::append(const char* text) {
  while (*text != '\0') append(*text++);
}

void TextBuffer::append_uint(uint64_t value) {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n > 0) append(digits[--n]);
}

void TextBuffer::append_int(int64_t value) {
  if (value < 0) {
    append('-');
    // Negate in unsigned arithmetic so INT64_MIN is well defined.
    append_uint(~static_cast<uint64_t>(value) + 1);
  } else {
    append_uint(static_cast<uint64_t>(value));
  }
}

void TextBuffer::append_float(double value) {
  if (std::isnan(value)) return append("nan");
  if (std::isinf(value)) return append(value < 0 ? "-inf" : "inf");
  if (value < 0) {
    append('-');
    value = -value;
  }
  // Six significant digits; scientific notation outside [1e-4, 1e9): enough to name a scale.
  int exponent = 0;
  if (value != 0.0 && (value < 1e-4 || value >= 1e9)) {
    exponent = static_cast<int>(std::floor(std::log10(value)));
    value /= std::pow(10.0, exponent);
  }
  int decimals = 6;
  for (double p = std::floor(value); p >= 1.0 && decimals > 0; p /= 10.0) --decimals;
  if (value > 0.0 && value < 1.0) decimals += static_cast<int>(std::floor(-std::log10(value)));
  // value < 1e9 and decimals <= 9 keep the scaled value below 2^63.
  uint64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  const uint64_t scaled = static_cast<uint64_t>(std::llround(value * static_cast<double>(unit)));
  append_uint(scaled / unit);
  uint64_t fraction = scaled % unit;
  if (fraction != 0) {
    append('.');
    int digits = decimals;
    while (fraction % 10 == 0) {  // trim trailing zeros
      fraction /= 10;
      --digits;
    }
    char text[20];
    for (int i = digits - 1; i >= 0; --i) {
      text[i] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    for (int i = 0; i < digits; ++i) append(text[i]);
  }
  if (exponent != 0) {
    append('e');
    append_int(exponent);
  }
}

namespace format_detail {

const char* append_until_placeholder(TextBuffer& out, const char* fmt) {
  while (*fmt != '\0') {
    if (fmt[0] == '{' && fmt[1] == '}') return fmt + 2;
    out.append(*fmt++);
  }
  return nullptr;
}

}  // namespace format_detail
}  // namespace mote
