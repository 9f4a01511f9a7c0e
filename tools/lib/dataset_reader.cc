#include "dataset_reader.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "model_file.h"
#include "npy_file.h"

namespace mote::tools {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool parse_number(const std::string& text, double* out) {
  const std::string t = trim(text);
  if (t.empty()) return false;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || errno == ERANGE) return false;
  *out = v;
  return true;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) fields.push_back(field);
  if (!line.empty() && line.back() == sep) fields.push_back("");
  return fields;
}

// Numbers separated by spaces, semicolons or commas: "3", "0.5 0.25", "1;2".
bool parse_numbers(const std::string& text, std::vector<double>* out) {
  std::string t = text;
  std::replace(t.begin(), t.end(), ';', ' ');
  std::replace(t.begin(), t.end(), ',', ' ');
  std::istringstream in(t);
  std::string token;
  out->clear();
  while (in >> token) {
    double v;
    if (!parse_number(token, &v)) return false;
    out->push_back(v);
  }
  return !out->empty();
}

bool is_comment_or_blank(const std::string& line) {
  const std::string t = trim(line);
  return t.empty() || t[0] == '#';
}

// The numpy descr that holds the tensor's bytes unchanged, so such .npy samples stay raw.
std::string raw_descr(TensorType t) {
  switch (t) {
    case TensorType::kInt8:
      return "|i1";
    case TensorType::kUInt8:
      return "|u1";
    case TensorType::kInt16:
      return "<i2";
    case TensorType::kInt32:
      return "<i4";
    case TensorType::kFloat32:
      return "<f4";
    default:
      return "";
  }
}

DatasetError read_label_lines(const std::string& path, std::vector<std::vector<double>>* labels,
                              std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = fmt::format("{}: cannot be read", path);
    return DatasetError::kFile;
  }
  std::string line;
  int line_no = 0;
  bool first = true;
  while (std::getline(in, line)) {
    ++line_no;
    if (is_comment_or_blank(line)) continue;
    std::vector<double> values;
    if (!parse_numbers(line, &values)) {
      if (first) {  // a header line
        first = false;
        continue;
      }
      *error =
          fmt::format("{}:{}: '{}' is not a label (numbers expected)", path, line_no, trim(line));
      return DatasetError::kFormat;
    }
    first = false;
    labels->push_back(std::move(values));
  }
  return DatasetError::kNone;
}

DatasetError read_directory(const fs::path& dir, const std::string& labels_path,
                            const InputLayout& input, Dataset* out, std::string* error) {
  std::vector<std::pair<std::string, std::vector<double>>> entries;
  const fs::path labels_csv = labels_path.empty() ? dir / "labels.csv" : fs::path(labels_path);
  std::error_code ec;
  if (fs::exists(labels_csv, ec)) {
    std::ifstream in(labels_csv);
    if (!in) {
      *error = fmt::format("{}: cannot be read", labels_csv.string());
      return DatasetError::kFile;
    }
    std::string line;
    int line_no = 0;
    bool first = true;
    while (std::getline(in, line)) {
      ++line_no;
      if (is_comment_or_blank(line)) continue;
      const size_t comma = line.find(',');
      std::vector<double> label;
      const bool parsed =
          comma != std::string::npos && parse_numbers(line.substr(comma + 1), &label);
      if (!parsed) {
        if (first) {  // header ("file,label")
          first = false;
          continue;
        }
        *error = fmt::format("{}:{}: expected 'file,label', got '{}'", labels_csv.string(), line_no,
                             trim(line));
        return DatasetError::kFormat;
      }
      first = false;
      entries.emplace_back(trim(line.substr(0, comma)), std::move(label));
    }
    out->labelled = true;
  } else if (!labels_path.empty()) {
    *error = fmt::format("{}: no such file", labels_path);
    return DatasetError::kFile;
  } else {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".bin") {
        entries.emplace_back(entry.path().filename().string(), std::vector<double>());
      }
    }
    std::sort(entries.begin(), entries.end());
  }
  for (const auto& [file, label] : entries) {
    const fs::path path = fs::path(file).is_absolute() ? fs::path(file) : dir / file;
    Sample s;
    s.name = file;
    s.is_raw = true;
    s.label = label;
    std::string read_error;
    if (!fs::exists(path, ec)) {
      *error = fmt::format("{}: listed in {} but missing", path.string(), labels_csv.string());
      return DatasetError::kFile;
    }
    if (!read_file(path.string(), &s.raw, &read_error)) {
      *error = read_error;
      return DatasetError::kFile;
    }
    if (s.raw.size() != input.bytes) {
      *error = fmt::format("{}: {} bytes, but {} takes {} bytes", path.string(), s.raw.size(),
                           input.description, input.bytes);
      return DatasetError::kFormat;
    }
    out->samples.push_back(std::move(s));
  }
  return DatasetError::kNone;
}

DatasetError read_csv(const std::string& path, const std::string& labels_path,
                      const InputLayout& input, Dataset* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = fmt::format("{}: cannot be read", path);
    return DatasetError::kFile;
  }
  std::string line;
  int line_no = 0;
  bool first = true;
  int label_columns = -1;
  while (std::getline(in, line)) {
    ++line_no;
    if (is_comment_or_blank(line)) continue;
    const std::vector<std::string> fields = split(line, ',');
    std::vector<double> values;
    bool numeric = true;
    for (const std::string& f : fields) {
      double v;
      if (!parse_number(f, &v)) {
        numeric = false;
        break;
      }
      values.push_back(v);
    }
    if (!numeric) {
      if (first) {  // header line
        first = false;
        continue;
      }
      *error = fmt::format("{}:{}: not a row of numbers: '{}'", path, line_no, trim(line));
      return DatasetError::kFormat;
    }
    first = false;
    if (values.size() < input.elements) {
      *error = fmt::format("{}:{}: {} values, but {} has {} elements (then optional labels)", path,
                           line_no, values.size(), input.description, input.elements);
      return DatasetError::kFormat;
    }
    const int labels = static_cast<int>(values.size() - input.elements);
    if (label_columns < 0) label_columns = labels;
    if (labels != label_columns) {
      *error = fmt::format(
          "{}:{}: {} values, but earlier rows have {} ({} input elements + {} "
          "label columns)",
          path, line_no, values.size(), input.elements + label_columns, input.elements,
          label_columns);
      return DatasetError::kFormat;
    }
    Sample s;
    s.name = fmt::format("{}:{}", path, line_no);
    s.real.assign(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(input.elements));
    s.label.assign(values.begin() + static_cast<std::ptrdiff_t>(input.elements), values.end());
    out->samples.push_back(std::move(s));
  }
  out->labelled = label_columns > 0;
  if (!labels_path.empty()) {
    std::vector<std::vector<double>> labels;
    const DatasetError e = read_label_lines(labels_path, &labels, error);
    if (e != DatasetError::kNone) return e;
    if (labels.size() != out->samples.size()) {
      *error = fmt::format("{}: {} labels for {} samples in {}", labels_path, labels.size(),
                           out->samples.size(), path);
      return DatasetError::kFormat;
    }
    for (size_t i = 0; i < labels.size(); ++i) out->samples[i].label = labels[i];
    out->labelled = true;
  }
  return DatasetError::kNone;
}

DatasetError read_npy_dataset(const std::string& path, const std::string& labels_path,
                              const InputLayout& input, Dataset* out, std::string* error) {
  std::vector<size_t> shape;
  std::vector<double> values;
  std::vector<uint8_t> raw;
  std::string dtype;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    *error = fmt::format("{}: no such file", path);
    return DatasetError::kFile;
  }
  if (!read_npy(path, &shape, &values, &raw, &dtype, error)) return DatasetError::kFormat;
  if (shape.empty()) {
    *error = fmt::format("{}: a scalar; expected shape [N, ...]", path);
    return DatasetError::kFormat;
  }
  const size_t n = shape[0];
  size_t per_sample = 1;
  for (size_t i = 1; i < shape.size(); ++i) per_sample *= shape[i];
  if (per_sample != input.elements) {
    std::string dims;
    for (size_t d : shape) dims += (dims.empty() ? "" : ", ") + std::to_string(d);
    *error = fmt::format("{}: shape [{}] gives {} values per sample, but {} has {} elements", path,
                         dims, per_sample, input.description, input.elements);
    return DatasetError::kFormat;
  }
  const bool keep_raw = dtype == raw_descr(input.type) && input.type != TensorType::kFloat32;
  const size_t item = raw.size() / std::max<size_t>(values.size(), 1);
  for (size_t i = 0; i < n; ++i) {
    Sample s;
    s.name = fmt::format("{}[{}]", path, i);
    if (keep_raw) {
      s.is_raw = true;
      const auto begin = raw.begin() + static_cast<std::ptrdiff_t>(i * per_sample * item);
      s.raw.assign(begin, begin + static_cast<std::ptrdiff_t>(per_sample * item));
    } else {
      const auto begin = values.begin() + static_cast<std::ptrdiff_t>(i * per_sample);
      s.real.assign(begin, begin + static_cast<std::ptrdiff_t>(per_sample));
    }
    out->samples.push_back(std::move(s));
  }
  if (labels_path.empty()) return DatasetError::kNone;
  std::vector<std::vector<double>> labels;
  if (fs::path(labels_path).extension() == ".npy") {
    std::vector<size_t> lshape;
    std::vector<double> lvalues;
    std::vector<uint8_t> lraw;
    std::string ldtype;
    if (!fs::exists(labels_path, ec)) {
      *error = fmt::format("{}: no such file", labels_path);
      return DatasetError::kFile;
    }
    if (!read_npy(labels_path, &lshape, &lvalues, &lraw, &ldtype, error)) {
      return DatasetError::kFormat;
    }
    const size_t count = lshape.empty() ? 1 : lshape[0];
    const size_t k = count == 0 ? 0 : lvalues.size() / count;
    for (size_t i = 0; i < count; ++i) {
      labels.emplace_back(lvalues.begin() + static_cast<std::ptrdiff_t>(i * k),
                          lvalues.begin() + static_cast<std::ptrdiff_t>((i + 1) * k));
    }
  } else {
    const DatasetError e = read_label_lines(labels_path, &labels, error);
    if (e != DatasetError::kNone) return e;
  }
  if (labels.size() != out->samples.size()) {
    *error = fmt::format("{}: {} labels for {} samples in {}", labels_path, labels.size(),
                         out->samples.size(), path);
    return DatasetError::kFormat;
  }
  for (size_t i = 0; i < labels.size(); ++i) out->samples[i].label = labels[i];
  out->labelled = true;
  return DatasetError::kNone;
}

}  // namespace

DatasetError read_dataset(const std::string& path, const std::string& labels_path,
                          const InputLayout& input, Dataset* out, std::string* error) {
  *out = Dataset();
  out->source = path;
  if (mote::type_size(input.type) == 0 || input.type == TensorType::kBool) {
    *error = fmt::format(
        "{}: eval reads inputs of type float32, int8, uint8, int16, int32, "
        "int64 or bool",
        input.description);
    return DatasetError::kFormat;
  }
  std::error_code ec;
  DatasetError e = DatasetError::kNone;
  const std::string ext = fs::path(path).extension().string();
  if (fs::is_directory(path, ec)) {
    e = read_directory(path, labels_path, input, out, error);
  } else if (!fs::exists(path, ec)) {
    *error = fmt::format("{}: no such file or directory", path);
    return DatasetError::kFile;
  } else if (ext == ".csv" || ext == ".txt") {
    e = read_csv(path, labels_path, input, out, error);
  } else if (ext == ".npy") {
    e = read_npy_dataset(path, labels_path, input, out, error);
  } else {
    *error = fmt::format(
        "{}: unknown dataset format (a directory of .bin files with labels.csv, "
        "a .csv file, or a .npy file)",
        path);
    return DatasetError::kFormat;
  }
  if (e != DatasetError::kNone) return e;
  if (out->samples.empty()) {
    *error = fmt::format("{}: no samples", path);
    return DatasetError::kFormat;
  }
  if (out->labelled) {
    for (const Sample& s : out->samples) {
      if (s.label.empty()) {
        *error = fmt::format("{}: no label", s.name);
        return DatasetError::kFormat;
      }
    }
  }
  return DatasetError::kNone;
}

}  // namespace mote::tools
