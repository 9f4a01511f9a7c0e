#include "calibration_data.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model_file.h"
#include "npy_file.h"

namespace mote::tools {
namespace {

namespace fs = std::filesystem;

// Compares names so that embedded numbers order numerically ("case2" < "case10").
bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) &&
        std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
      while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
      const std::string na = a.substr(i, ie - i), nb = b.substr(j, je - j);
      const std::string ta = na.substr(std::min(na.find_first_not_of('0'), na.size()));
      const std::string tb = nb.substr(std::min(nb.find_first_not_of('0'), nb.size()));
      if (ta.size() != tb.size()) return ta.size() < tb.size();
      if (ta != tb) return ta < tb;
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

// Stores real value `v` as element `i` of a buffer of `type`. Integer types take integral
// values in their range only: calibration data for an integer input is data, not something
// to round.
bool store_value(TensorType type, double v, size_t i, std::vector<uint8_t>* buffer,
                 std::string* why) {
  const auto integral = [&](double lo, double hi) {
    if (!(v >= lo && v <= hi) || std::floor(v) != v) {
      *why = fmt::format("value {} is not a {} value", v, type_name(type));
      return false;
    }
    return true;
  };
  uint8_t* p = buffer->data() + i * type_size(type);
  switch (type) {
    case TensorType::kFloat32: {
      const auto f = static_cast<float>(v);
      std::memcpy(p, &f, 4);
      return true;
    }
    case TensorType::kInt8: {
      if (!integral(-128, 127)) return false;
      const auto q = static_cast<int8_t>(v);
      std::memcpy(p, &q, 1);
      return true;
    }
    case TensorType::kUInt8:
    case TensorType::kBool: {
      if (!integral(0, type == TensorType::kBool ? 1 : 255)) return false;
      *p = static_cast<uint8_t>(v);
      return true;
    }
    case TensorType::kInt16: {
      if (!integral(-32768, 32767)) return false;
      const auto q = static_cast<int16_t>(v);
      std::memcpy(p, &q, 2);
      return true;
    }
    case TensorType::kInt32: {
      if (!integral(-2147483648.0, 2147483647.0)) return false;
      const auto q = static_cast<int32_t>(v);
      std::memcpy(p, &q, 4);
      return true;
    }
    case TensorType::kInt64: {
      if (!integral(-9.2e18, 9.2e18)) return false;
      const auto q = static_cast<int64_t>(v);
      std::memcpy(p, &q, 8);
      return true;
    }
    default:
      *why = fmt::format("inputs of type {} cannot be read from numbers", type_name(type));
      return false;
  }
}

bool values_to_sample(const std::vector<double>& values, size_t offset,
                      const CalibrationInput& input, std::vector<uint8_t>* buffer,
                      std::string* why) {
  buffer->assign(input.bytes, 0);
  for (size_t e = 0; e < input.elements; ++e) {
    if (!store_value(input.type, values[offset + e], e, buffer, why)) {
      *why = fmt::format("element {}: {}", e, *why);
      return false;
    }
  }
  return true;
}

// "case1.in0.bin" -> ("case1", 0).
bool split_per_input_name(const std::string& file, std::string* stem, size_t* input) {
  const std::string base = file.substr(0, file.size() - 4);  // without ".bin"
  const size_t dot = base.rfind(".in");
  if (dot == std::string::npos || dot == 0 || dot + 3 >= base.size()) return false;
  const std::string digits = base.substr(dot + 3);
  if (digits.size() > 6 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  *stem = base.substr(0, dot);
  *input = std::stoul(digits);
  return true;
}

CalibrationError load_directory(const std::string& dir, const std::vector<CalibrationInput>& inputs,
                                size_t max_samples, CalibrationSet* out, std::string* error) {
  std::vector<std::string> bins;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".bin") {
      bins.push_back(entry.path().filename().string());
    }
  }
  if (ec) {
    *error = fmt::format("{}: cannot list the directory ({})", dir, ec.message());
    return CalibrationError::kFile;
  }
  if (bins.empty()) {
    *error = fmt::format("{}: no .bin files (one file of raw input bytes per sample)", dir);
    return CalibrationError::kFormat;
  }
  // NAME.inK.bin groups files into multi-input samples.
  std::map<std::string, std::map<size_t, std::string>, decltype(&natural_less)> grouped(
      &natural_less);
  for (const std::string& f : bins) {
    std::string stem;
    size_t input = 0;
    if (split_per_input_name(f, &stem, &input)) grouped[stem][input] = f;
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> samples;  // name, file per input
  if (!grouped.empty()) {
    for (const auto& [stem, files] : grouped) {
      std::vector<std::string> per_input;
      for (size_t i = 0; i < inputs.size(); ++i) {
        auto it = files.find(i);
        if (it == files.end()) {
          *error = fmt::format("{}: sample '{}' has no file {}.in{}.bin for {}", dir, stem, stem, i,
                               inputs[i].describe(i));
          return CalibrationError::kFormat;
        }
        per_input.push_back(it->second);
      }
      for (const auto& [k, f] : files) {
        if (k >= inputs.size()) {
          *error = fmt::format("{}/{}: the model has only {} input(s)", dir, f, inputs.size());
          return CalibrationError::kFormat;
        }
      }
      samples.emplace_back(stem, per_input);
    }
  } else {
    if (inputs.size() != 1) {
      *error = fmt::format(
          "{}: the model has {} inputs; name the files NAME.in0.bin ... NAME.in{}.bin, one per "
          "input, for each sample NAME",
          dir, inputs.size(), inputs.size() - 1);
      return CalibrationError::kFormat;
    }
    std::sort(bins.begin(), bins.end(), natural_less);
    for (const std::string& f : bins) samples.push_back({f, {f}});
  }
  if (max_samples != 0 && samples.size() > max_samples) samples.resize(max_samples);
  for (const auto& [name, files] : samples) {
    CalibrationSample sample;
    sample.name = (fs::path(dir) / files[0]).string();
    for (size_t i = 0; i < inputs.size(); ++i) {
      const std::string path = (fs::path(dir) / files[i]).string();
      std::vector<uint8_t> bytes;
      if (!read_file(path, &bytes, error)) return CalibrationError::kFile;
      if (bytes.size() != inputs[i].bytes) {
        *error = fmt::format("{}: {} bytes, but {} takes {} bytes", path, bytes.size(),
                             inputs[i].describe(i), inputs[i].bytes);
        return CalibrationError::kFormat;
      }
      sample.inputs.push_back(std::move(bytes));
    }
    out->samples.push_back(std::move(sample));
  }
  return CalibrationError::kNone;
}

// Values of one input from a .npy or .csv file, as rows of input.elements values.
CalibrationError load_values(const std::string& path, const CalibrationInput& input, size_t index,
                             std::vector<double>* values, size_t* count, std::string* error) {
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".npy") {
    std::vector<size_t> shape;
    std::vector<uint8_t> raw;
    std::string dtype;
    if (!read_npy(path, &shape, values, &raw, &dtype, error)) {
      return fs::exists(path) ? CalibrationError::kFormat : CalibrationError::kFile;
    }
    size_t trailing = 1;
    for (size_t d = 1; d < shape.size(); ++d) trailing *= shape[d];
    if (!shape.empty() && trailing == input.elements) {
      *count = shape[0];
    } else if (values->size() == input.elements) {
      *count = 1;
    } else {
      *error = fmt::format(
          "{}: shape ({}) does not hold samples of {}: expected [N, ...] with {} values per "
          "sample",
          path, fmt::join(shape, ", "), input.describe(index), input.elements);
      return CalibrationError::kFormat;
    }
    return CalibrationError::kNone;
  }
  if (ext == ".csv" || ext == ".txt") {
    std::ifstream in(path);
    if (!in) {
      *error = fmt::format("{}: cannot open file ({})", path, std::strerror(errno));
      return CalibrationError::kFile;
    }
    std::string line;
    size_t line_number = 0;
    *count = 0;
    bool first_data_line = true;
    while (std::getline(in, line)) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const size_t start = line.find_first_not_of(" \t");
      if (start == std::string::npos || line[start] == '#') continue;
      std::replace(line.begin(), line.end(), ',', ' ');
      std::replace(line.begin(), line.end(), ';', ' ');
      std::istringstream fields(line);
      std::string field;
      std::vector<double> row;
      bool numeric = true;
      while (fields >> field) {
        char* end = nullptr;
        const double v = std::strtod(field.c_str(), &end);
        if (end == field.c_str() || *end != '\0') {
          numeric = false;
          break;
        }
        row.push_back(v);
      }
      if (!numeric) {
        if (first_data_line) {  // a header
          first_data_line = false;
          continue;
        }
        *error = fmt::format("{}:{}: '{}' is not a number", path, line_number, field);
        return CalibrationError::kFormat;
      }
      first_data_line = false;
      if (row.size() != input.elements) {
        *error = fmt::format("{}:{}: {} values, but {} has {} elements", path, line_number,
                             row.size(), input.describe(index), input.elements);
        return CalibrationError::kFormat;
      }
      values->insert(values->end(), row.begin(), row.end());
      ++*count;
    }
    return CalibrationError::kNone;
  }
  *error =
      fmt::format("{}: unknown calibration format (a directory of .bin files, .npy or .csv)", path);
  return CalibrationError::kFormat;
}

CalibrationError load_files(const std::vector<std::string>& paths,
                            const std::vector<CalibrationInput>& inputs, size_t max_samples,
                            CalibrationSet* out, std::string* error) {
  if (paths.size() != inputs.size()) {
    *error = fmt::format(
        "{} calibration file(s) given, the model has {} input(s): give one .npy/.csv per input "
        "(in input order) or one directory",
        paths.size(), inputs.size());
    return CalibrationError::kFormat;
  }
  std::vector<std::vector<double>> values(inputs.size());
  size_t count = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!fs::exists(paths[i])) {
      *error = fmt::format("{}: no such file", paths[i]);
      return CalibrationError::kFile;
    }
    size_t n = 0;
    const CalibrationError e = load_values(paths[i], inputs[i], i, &values[i], &n, error);
    if (e != CalibrationError::kNone) return e;
    if (i > 0 && n != count) {
      *error = fmt::format("{} holds {} samples but {} holds {}", paths[i], n, paths[0], count);
      return CalibrationError::kFormat;
    }
    count = n;
  }
  if (max_samples != 0) count = std::min(count, max_samples);
  const bool csv = fs::path(paths[0]).extension() != ".npy";
  for (size_t s = 0; s < count; ++s) {
    CalibrationSample sample;
    sample.name =
        csv ? fmt::format("{} row {}", paths[0], s + 1) : fmt::format("{}[{}]", paths[0], s);
    for (size_t i = 0; i < inputs.size(); ++i) {
      std::vector<uint8_t> buffer;
      std::string why;
      if (!values_to_sample(values[i], s * inputs[i].elements, inputs[i], &buffer, &why)) {
        *error = fmt::format("{} sample {}: {}", paths[i], s, why);
        return CalibrationError::kFormat;
      }
      sample.inputs.push_back(std::move(buffer));
    }
    out->samples.push_back(std::move(sample));
  }
  return CalibrationError::kNone;
}

}  // namespace

std::string CalibrationInput::describe(size_t index) const {
  return fmt::format("input {} '{}' {} [{}]", index, name, type_name(type), fmt::join(shape, ", "));
}

CalibrationError load_calibration_set(const std::vector<std::string>& paths,
                                      const std::vector<CalibrationInput>& inputs,
                                      size_t max_samples, CalibrationSet* out, std::string* error) {
  *out = CalibrationSet();
  if (paths.empty()) {
    *error = "no calibration data given";
    return CalibrationError::kFormat;
  }
  out->source = fmt::format("{}", fmt::join(paths, ", "));
  for (const std::string& p : paths) {
    if (!fs::exists(p)) {
      *error = fmt::format("{}: no such file or directory", p);
      return CalibrationError::kFile;
    }
  }
  CalibrationError result;
  if (fs::is_directory(paths[0])) {
    if (paths.size() != 1) {
      *error = fmt::format("{} is a directory: give it alone (it holds every input)", paths[0]);
      return CalibrationError::kFormat;
    }
    result = load_directory(paths[0], inputs, max_samples, out, error);
  } else {
    result = load_files(paths, inputs, max_samples, out, error);
  }
  if (result == CalibrationError::kNone && out->samples.empty()) {
    *error = fmt::format("{}: no samples", out->source);
    return CalibrationError::kFormat;
  }
  return result;
}

bool generate_calibration_set(const std::vector<CalibrationInput>& inputs, size_t count,
                              InputRule rule, double float_lo, double float_hi, CalibrationSet* out,
                              std::string* error, uint64_t first_seed) {
  *out = CalibrationSet();
  out->source =
      fmt::format("{} generated sample(s) ({}, float range [{}, {}])", count,
                  rule == InputRule::kNarrow ? "narrow" : "full range", float_lo, float_hi);
  std::vector<InputSpec> specs;
  for (const CalibrationInput& input : inputs) {
    InputSpec spec;
    spec.type = input.type;
    spec.elements = input.elements;
    spec.float_lo = float_lo;
    spec.float_hi = float_hi;
    specs.push_back(spec);
  }
  for (size_t s = 0; s < count; ++s) {
    CalibrationSample sample;
    sample.name = fmt::format("seed {}", first_seed + s);
    if (!generate_inputs(first_seed + s, rule, InputRuleParams(), specs, &sample.inputs)) {
      *error = "cannot generate inputs of the model's input types";
      return false;
    }
    out->samples.push_back(std::move(sample));
  }
  return true;
}

}  // namespace mote::tools
