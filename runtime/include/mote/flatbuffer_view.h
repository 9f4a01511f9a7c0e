// Bounds-checked, zero-copy reading of FlatBuffers (the .tflite container).
//
// This is the only code in Mote that interprets raw model bytes. Every read is checked against
// the buffer [base, base + size): a table's vtable, every field's extent inside its table, every
// offset, vector length and string terminator. A malformed buffer yields FieldState::kBad or an
// invalid Table, never an out-of-bounds read. Values are read with memcpy, so no read depends on
// the alignment of the buffer (flash images and fuzzers hand us arbitrary addresses).
//
// The model loader (model/verifier.cc) walks every table it will later use and rejects the file
// at the first kBad, so after a successful load the accessors only ever see well-formed data;
// they keep their checks anyway (they are cheap and only run during load and prepare).
//
// Positions are byte offsets from the start of the buffer; buffers are limited to 2 GiB, as in
// FlatBuffers itself, so all arithmetic is done in 64 bits and never wraps.
#pragma once

#include <cstdint>
#include <cstring>

namespace mote {
namespace fb {

template <typename T>
inline T load(const uint8_t* p) {
  T value;
  std::memcpy(&value, p, sizeof(T));
  return value;
}

enum class FieldState : uint8_t { kAbsent, kPresent, kBad };

// The whole flatbuffer.
struct Buffer {
  const uint8_t* base = nullptr;
  uint32_t size = 0;

  bool contains(uint64_t pos, uint64_t length) const { return pos <= size && length <= size - pos; }
};

// A vector's elements: `length` elements of `element_size` bytes starting at `pos`.
class Vector {
 public:
  Vector() = default;
  Vector(const Buffer& buffer, uint32_t pos, uint32_t length, uint32_t element_size)
      : buffer_(buffer), pos_(pos), length_(length), element_size_(element_size) {}

  uint32_t length() const { return length_; }
  uint32_t element_size() const { return element_size_; }
  const uint8_t* data() const { return buffer_.base + pos_; }
  uint32_t pos() const { return pos_; }
  template <typename T>
  T at(uint32_t i) const {
    return load<T>(buffer_.base + pos_ + static_cast<uint64_t>(i) * sizeof(T));
  }
  const Buffer& buffer() const { return buffer_; }

 private:
  Buffer buffer_;
  uint32_t pos_ = 0;
  uint32_t length_ = 0;
  uint32_t element_size_ = 0;
};

class Table {
 public:
  Table() = default;

  // Validates the table header and vtable at `pos`. Returns an invalid table on any violation.
  static Table at(const Buffer& buffer, uint64_t pos);
  // The root table: the uoffset at position 0.
  static Table root(const Buffer& buffer);

  bool valid() const { return buffer_.base != nullptr; }
  const Buffer& buffer() const { return buffer_; }
  uint32_t pos() const { return pos_; }

  // Locates field `id` of `bytes` bytes. kPresent sets *field_pos (absolute position).
  FieldState field(uint16_t id, uint32_t bytes, uint32_t* field_pos) const;

  // A scalar field, or `fallback` when absent. *state (optional) reports kBad for malformed data.
  template <typename T>
  T scalar(uint16_t id, T fallback, FieldState* state = nullptr) const {
    uint32_t pos = 0;
    const FieldState s = field(id, sizeof(T), &pos);
    if (state != nullptr) *state = s;
    return s == FieldState::kPresent ? load<T>(buffer_.base + pos) : fallback;
  }

  // Offset fields. On kPresent the output is valid and fully inside the buffer.
  FieldState table(uint16_t id, Table* out) const;
  FieldState vector(uint16_t id, uint32_t element_size, Vector* out) const;
  FieldState string(uint16_t id, const char** out, uint32_t* length = nullptr) const;

 private:
  Buffer buffer_;
  uint32_t pos_ = 0;
  uint32_t vtable_pos_ = 0;
  uint16_t vtable_size_ = 0;
  uint16_t table_size_ = 0;
};

// Follows the uoffset stored at `pos` (a field or a vector element). Returns false when the
// offset or its target is outside the buffer.
bool follow_offset(const Buffer& buffer, uint32_t pos, uint32_t* target);

// Reads a vector whose uoffset is stored at `pos`.
FieldState vector_at_offset(const Buffer& buffer, uint32_t pos, uint32_t element_size, Vector* out);

// Element i of a vector of tables.
Table table_element(const Vector& vector, uint32_t i);

// Element i of a vector of strings; nullptr when malformed.
const char* string_element(const Vector& vector, uint32_t i);

}  // namespace fb
}  // namespace mote
