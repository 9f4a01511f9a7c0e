#include "npy_file.h"

#include <algorithm>
#include <cstring>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model_file.h"

namespace mote::tools {
namespace {

// The text after `key` and a colon in a .npy header dict, up to the next top-level comma.
bool npy_header_value(const std::string& header, const std::string& key, std::string* value) {
  size_t at = header.find("'" + key + "'");
  if (at == std::string::npos) return false;
  at = header.find(':', at);
  if (at == std::string::npos) return false;
  size_t end = at + 1;
  int depth = 0;
  for (; end < header.size(); ++end) {
    const char c = header[end];
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if ((c == ',' && depth == 0) || c == '}') break;
  }
  *value = header.substr(at + 1, end - at - 1);
  const size_t first = value->find_first_not_of(" ");
  const size_t last = value->find_last_not_of(" ");
  *value = first == std::string::npos ? "" : value->substr(first, last - first + 1);
  return true;
}

// Values of `count` elements of numpy dtype `descr` at `data`, as doubles.
bool decode_npy(const std::string& descr, const uint8_t* data, size_t count,
                std::vector<double>* out) {
  out->resize(count);
  const char order = descr.empty() ? '?' : descr[0];
  const std::string kind = descr.substr(1);
  if (order == '>' && kind != "i1" && kind != "u1" && kind != "b1") return false;
  const auto each = [&](size_t size, auto convert) {
    for (size_t i = 0; i < count; ++i) (*out)[i] = convert(data + i * size);
    return true;
  };
  const auto load = [](auto tag, const uint8_t* p) {
    decltype(tag) v;
    std::memcpy(&v, p, sizeof(v));
    return static_cast<double>(v);
  };
  if (kind == "f4") return each(4, [&](const uint8_t* p) { return load(float(), p); });
  if (kind == "f8") return each(8, [&](const uint8_t* p) { return load(double(), p); });
  if (kind == "i1") return each(1, [&](const uint8_t* p) { return load(int8_t(), p); });
  if (kind == "u1" || kind == "b1") {
    return each(1, [&](const uint8_t* p) { return load(uint8_t(), p); });
  }
  if (kind == "i2") return each(2, [&](const uint8_t* p) { return load(int16_t(), p); });
  if (kind == "u2") return each(2, [&](const uint8_t* p) { return load(uint16_t(), p); });
  if (kind == "i4") return each(4, [&](const uint8_t* p) { return load(int32_t(), p); });
  if (kind == "u4") return each(4, [&](const uint8_t* p) { return load(uint32_t(), p); });
  if (kind == "i8") return each(8, [&](const uint8_t* p) { return load(int64_t(), p); });
  return false;
}

size_t npy_item_size(const std::string& descr) {
  if (descr.size() < 3) return 0;
  const char size = descr.back();
  return size >= '1' && size <= '8' ? static_cast<size_t>(size - '0') : 0;
}

}  // namespace

bool read_npy(const std::string& path, std::vector<size_t>* shape, std::vector<double>* values,
              std::vector<uint8_t>* raw, std::string* dtype, std::string* error) {
  std::vector<uint8_t> bytes;
  if (!read_file(path, &bytes, error)) return false;
  const auto fail = [&](const std::string& why) {
    *error = fmt::format("{}: not a readable .npy file: {}", path, why);
    return false;
  };
  if (bytes.size() < 10 || std::memcmp(bytes.data(), "\x93NUMPY", 6) != 0) {
    return fail("no NUMPY magic");
  }
  const uint8_t major = bytes[6];
  size_t header_len = 0, header_start = 0;
  if (major == 1) {
    header_len = bytes[8] | (bytes[9] << 8);
    header_start = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) return fail("truncated header");
    header_len = bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (size_t{bytes[11]} << 24);
    header_start = 12;
  } else {
    return fail(fmt::format("format version {}", major));
  }
  if (header_start + header_len > bytes.size()) return fail("truncated header");
  const std::string header(bytes.begin() + static_cast<std::ptrdiff_t>(header_start),
                           bytes.begin() + static_cast<std::ptrdiff_t>(header_start + header_len));
  std::string descr, fortran, dims;
  if (!npy_header_value(header, "descr", &descr) || descr.size() < 3) {
    return fail("no 'descr' in the header");
  }
  *dtype = descr.substr(1, descr.size() - 2);  // without the quotes
  if (npy_header_value(header, "fortran_order", &fortran) && fortran == "True") {
    return fail("Fortran-ordered arrays are not supported (save with C order)");
  }
  if (!npy_header_value(header, "shape", &dims)) return fail("no 'shape' in the header");
  shape->clear();
  std::replace(dims.begin(), dims.end(), ',', ' ');
  std::replace(dims.begin(), dims.end(), '(', ' ');
  std::replace(dims.begin(), dims.end(), ')', ' ');
  std::istringstream ds(dims);
  size_t d = 0;
  size_t count = 1;
  while (ds >> d) {
    shape->push_back(d);
    count *= d;
  }
  const size_t item = npy_item_size(*dtype);
  if (item == 0) return fail(fmt::format("dtype '{}' is not supported", *dtype));
  const size_t data_start = header_start + header_len;
  if ((bytes.size() - data_start) / item < count) {
    return fail(fmt::format("{} bytes of data for {} elements of '{}'", bytes.size() - data_start,
                            count, *dtype));
  }
  raw->assign(bytes.begin() + static_cast<std::ptrdiff_t>(data_start),
              bytes.begin() + static_cast<std::ptrdiff_t>(data_start + count * item));
  if (!decode_npy(*dtype, raw->data(), count, values)) {
    return fail(fmt::format("dtype '{}' is not supported (float32/64, integers)", *dtype));
  }
  return true;
}

bool write_npy_f32(const std::string& path, const std::vector<size_t>& shape,
                   const std::vector<float>& values, std::string* error) {
  std::string dims = fmt::format("{}", fmt::join(shape, ", "));
  if (shape.size() == 1) dims += ",";  // a Python 1-tuple: (3,)
  std::string header =
      fmt::format("{{'descr': '<f4', 'fortran_order': False, 'shape': ({}), }}", dims);
  // The data starts on a 64-byte boundary; the header ends with '\n'.
  const size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header.push_back('\n');
  std::vector<uint8_t> bytes = {0x93,
                                'N',
                                'U',
                                'M',
                                'P',
                                'Y',
                                1,
                                0,
                                static_cast<uint8_t>(header.size() & 0xff),
                                static_cast<uint8_t>(header.size() >> 8)};
  bytes.insert(bytes.end(), header.begin(), header.end());
  const auto* p = reinterpret_cast<const uint8_t*>(values.data());
  bytes.insert(bytes.end(), p, p + values.size() * sizeof(float));
  return write_file(path, bytes.data(), bytes.size(), error);
}

}  // namespace mote::tools
