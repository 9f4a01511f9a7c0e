// Labelled datasets for `mote eval`, read from three formats:
//
//   DIR/            raw .bin inputs (the input tensor's bytes, as `mote run --input` takes them)
//                   and DIR/labels.csv with lines "file,label" (a header line is allowed; a label
//                   may hold several numbers separated by spaces for multi-value targets).
//                   Without labels.csv every .bin in DIR is read, unlabelled.
//   FILE.csv        one sample per line: the input's values, then the label(s). The number of
//                   trailing label columns is the column count minus the input's element count.
//   FILE.npy        inputs, shape [N, ...] (float32/64 or integer types); labels from --labels
//                   (.npy of N values or N x K values, or a text/CSV file with one label per line).
//
// Samples carry either real values (CSV, float .npy) or raw bytes in the input tensor's type
// (.bin, integer .npy of the tensor's type); the evaluator converts between them with the
// tensor's scale and zero point. Every error names the file (and line or sample) at fault.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mote/types.h"

namespace mote::tools {

struct Sample {
  std::string name;          // "digits/3.bin", "data.csv:12", "x.npy[7]"
  std::vector<double> real;  // real-valued input (when !is_raw)
  std::vector<uint8_t> raw;  // input bytes in the tensor's type (when is_raw)
  bool is_raw = false;
  std::vector<double> label;  // empty when unlabelled
};

struct Dataset {
  std::string source;
  std::vector<Sample> samples;
  bool labelled = false;  // every sample has a label
};

// What the reader needs to know of the input tensor.
struct InputLayout {
  TensorType type = TensorType::kFloat32;
  size_t elements = 0;
  size_t bytes = 0;
  std::string description;  // "input 0 'x' int8 [1, 1] (1 bytes)" for messages
};

enum class DatasetError { kNone, kFile, kFormat };

// Reads `path` (a directory, .csv or .npy); `labels_path` is optional (.npy inputs need it to be
// labelled, and it overrides DIR/labels.csv). Returns kNone on success; otherwise *error says
// what is wrong: kFile for a missing or unreadable file, kFormat for wrong sizes, bad numbers,
// unsupported dtypes or an empty set.
DatasetError read_dataset(const std::string& path, const std::string& labels_path,
                          const InputLayout& input, Dataset* out, std::string* error);

}  // namespace mote::tools
