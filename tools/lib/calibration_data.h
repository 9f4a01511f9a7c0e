// Representative inputs for post-training quantization (`mote quantize --calib DATA`).
//
// A calibration set is a list of samples; a sample holds one buffer per model input, in the
// input tensor's own type and byte layout (little-endian, row-major), exactly what the
// interpreter's input(i).data takes. Sources:
//
//   DIR/              raw .bin files. Single-input models: every *.bin is one sample (the bytes
//                     of the input tensor, as `mote run --input` takes them). Multi-input models:
//                     NAME.in0.bin, NAME.in1.bin, ... form sample NAME, the layout of
//                     ../shared/golden (case1.in0.bin ...); when such files exist, other .bin
//                     files (e.g. case1.out0.bin) are ignored. Samples are ordered by NAME
//                     (numbers in names compare as numbers: case2 before case10).
//   FILE.npy          shape [N, ...] whose trailing dimensions hold one input's elements (or
//                     exactly the input's element count: one sample). float32/float64 and
//                     integer dtypes; values are converted to the input's type.
//   FILE.csv          one sample per line, the input's values separated by commas (or spaces);
//                     a first line that is not numeric is a header; lines starting with '#' are
//                     comments.
//
// Multi-input models take one .npy/.csv per input (repeat --calib in input order; every file
// must hold the same number of samples) or one directory.
//
// Every error names the file (and line or sample) at fault. The whole set is held in memory
// (N x input bytes); `max_samples` (0: no limit) keeps the first samples only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "input_gen.h"
#include "mote/types.h"

namespace mote::tools {

// What the loader needs to know of one model input.
struct CalibrationInput {
  std::string name;
  TensorType type = TensorType::kFloat32;
  std::vector<int32_t> shape;
  size_t elements = 0;
  size_t bytes = 0;
  // "input 0 'x' float32 [1, 49, 10, 1]", for messages.
  std::string describe(size_t index) const;
};

struct CalibrationSample {
  std::string name;                          // "calib/3.bin", "x.npy[7]", "data.csv:12"
  std::vector<std::vector<uint8_t>> inputs;  // one buffer per model input
};

struct CalibrationSet {
  std::string source;
  std::vector<CalibrationSample> samples;
};

enum class CalibrationError {
  kNone,
  kFile,    // a path is missing or cannot be read
  kFormat,  // wrong size or shape, bad numbers, unsupported dtype, empty set
};

// Loads `paths` (one directory, or one .npy/.csv per input) for a model with `inputs`.
CalibrationError load_calibration_set(const std::vector<std::string>& paths,
                                      const std::vector<CalibrationInput>& inputs,
                                      size_t max_samples, CalibrationSet* out, std::string* error);

// `count` samples from the rules of ../shared/golden/README.md (seeds first_seed ..
// first_seed + count - 1, full range or narrow), float inputs drawn in [float_lo, float_hi].
bool generate_calibration_set(const std::vector<CalibrationInput>& inputs, size_t count,
                              InputRule rule, double float_lo, double float_hi, CalibrationSet* out,
                              std::string* error, uint64_t first_seed = 1);

}  // namespace mote::tools
