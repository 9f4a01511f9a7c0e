#include "mote/flatbuffer_view.h"

namespace mote {
namespace fb {
namespace {

constexpr uint32_t kOffsetSize = 4;  // uoffset_t / soffset_t

bool read_vector_header(const Buffer& buffer, uint32_t vector_pos, uint32_t element_size,
                        Vector* out) {
  // The length prefix is a uint32, aligned to 4 in every well-formed buffer. Requiring that
  // alignment also keeps element alignment (<= 4 for everything we read through a pointer).
  if (vector_pos % 4 != 0 || !buffer.contains(vector_pos, 4)) return false;
  const uint32_t length = load<uint32_t>(buffer.base + vector_pos);
  const uint64_t bytes = static_cast<uint64_t>(length) * element_size;
  if (!buffer.contains(static_cast<uint64_t>(vector_pos) + 4, bytes)) return false;
  *out = Vector(buffer, vector_pos + 4, length, element_size);
  return true;
}

}  // namespace

bool follow_offset(const Buffer& buffer, uint32_t pos, uint32_t* target) {
  if (!buffer.contains(pos, kOffsetSize)) return false;
  const uint64_t offset = load<uint32_t>(buffer.base + pos);
  const uint64_t t = static_cast<uint64_t>(pos) + offset;
  if (offset == 0 || t >= buffer.size) return false;
  *target = static_cast<uint32_t>(t);
  return true;
}

Table Table::at(const Buffer& buffer, uint64_t pos) {
  Table t;
  if (buffer.base == nullptr || pos % 4 != 0 || !buffer.contains(pos, kOffsetSize)) return t;
  const int64_t soffset = load<int32_t>(buffer.base + pos);
  const int64_t vtable = static_cast<int64_t>(pos) - soffset;
  if (vtable < 0 || vtable % 2 != 0 || !buffer.contains(static_cast<uint64_t>(vtable), 4)) {
    return t;
  }
  const uint16_t vtable_size = load<uint16_t>(buffer.base + vtable);
  const uint16_t table_size = load<uint16_t>(buffer.base + vtable + 2);
  if (vtable_size < 4 || vtable_size % 2 != 0 ||
      !buffer.contains(static_cast<uint64_t>(vtable), vtable_size)) {
    return t;
  }
  if (table_size < kOffsetSize || !buffer.contains(pos, table_size)) return t;
  t.buffer_ = buffer;
  t.pos_ = static_cast<uint32_t>(pos);
  t.vtable_pos_ = static_cast<uint32_t>(vtable);
  t.vtable_size_ = vtable_size;
  t.table_size_ = table_size;
  return t;
}

Table Table::root(const Buffer& buffer) {
  uint32_t target = 0;
  if (!follow_offset(buffer, 0, &target)) return Table();
  return at(buffer, target);
}

FieldState Table::field(uint16_t id, uint32_t bytes, uint32_t* field_pos) const {
  if (!valid()) return FieldState::kBad;
  const uint32_t entry = 4u + 2u * id;
  if (entry + 2u > vtable_size_) return FieldState::kAbsent;  // written by an older schema
  const uint16_t voffset = load<uint16_t>(buffer_.base + vtable_pos_ + entry);
  if (voffset == 0) return FieldState::kAbsent;
  // The field must lie inside its table, after the table's own soffset.
  if (voffset < kOffsetSize || static_cast<uint32_t>(voffset) + bytes > table_size_) {
    return FieldState::kBad;
  }
  *field_pos = pos_ + voffset;
  return FieldState::kPresent;
}

FieldState Table::table(uint16_t id, Table* out) const {
  uint32_t pos = 0;
  const FieldState s = field(id, kOffsetSize, &pos);
  if (s != FieldState::kPresent) return s;
  uint32_t target = 0;
  if (!follow_offset(buffer_, pos, &target)) return FieldState::kBad;
  *out = Table::at(buffer_, target);
  return out->valid() ? FieldState::kPresent : FieldState::kBad;
}

FieldState vector_at_offset(const Buffer& buffer, uint32_t pos, uint32_t element_size,
                            Vector* out) {
  uint32_t target = 0;
  if (!follow_offset(buffer, pos, &target)) return FieldState::kBad;
  return read_vector_header(buffer, target, element_size, out) ? FieldState::kPresent
                                                               : FieldState::kBad;
}

FieldState Table::vector(uint16_t id, uint32_t element_size, Vector* out) const {
  uint32_t pos = 0;
  const FieldState s = field(id, kOffsetSize, &pos);
  if (s != FieldState::kPresent) return s;
  return vector_at_offset(buffer_, pos, element_size, out);
}

FieldState Table::string(uint16_t id, const char** out, uint32_t* length) const {
  Vector chars;
  const FieldState s = vector(id, 1, &chars);
  if (s != FieldState::kPresent) return s;
  // A string is a byte vector followed by a NUL that is not counted in its length.
  const uint64_t end = static_cast<uint64_t>(chars.pos()) + chars.length();
  if (!buffer_.contains(end, 1) || buffer_.base[end] != 0) return FieldState::kBad;
  *out = reinterpret_cast<const char*>(chars.data());
  if (length != nullptr) *length = chars.length();
  return FieldState::kPresent;
}

Table table_element(const Vector& vector, uint32_t i) {
  if (i >= vector.length()) return Table();
  const uint32_t element_pos = vector.pos() + i * kOffsetSize;
  uint32_t target = 0;
  if (!follow_offset(vector.buffer(), element_pos, &target)) return Table();
  return Table::at(vector.buffer(), target);
}

const char* string_element(const Vector& vector, uint32_t i) {
  if (i >= vector.length()) return nullptr;
  const uint32_t element_pos = vector.pos() + i * kOffsetSize;
  Vector chars;
  if (vector_at_offset(vector.buffer(), element_pos, 1, &chars) != FieldState::kPresent) {
    return nullptr;
  }
  const uint64_t end = static_cast<uint64_t>(chars.pos()) + chars.length();
  if (!vector.buffer().contains(end, 1) || vector.buffer().base[end] != 0) return nullptr;
  return reinterpret_cast<const char*>(chars.data());
}

}  // namespace fb
}  // namespace mote
