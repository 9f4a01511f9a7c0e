// The golden cases built into a model's firmware: the input and expected output tensors of
// every case in ../shared/golden/<model>/, as raw bytes. bench/run-cortex-m generates the data
// as an assembler file (golden_data.S) that includes the .bin files unchanged with .incbin, so
// no second C-array generator is involved and the bytes are exactly the shared files'.
#pragma once

#include <cstdint>

struct GoldenTensor {
  const uint8_t* data;
  uint32_t bytes;
};

struct GoldenSet {
  uint32_t case_count;
  uint32_t input_count;
  uint32_t output_count;
  const uint32_t* case_numbers;  // as in the golden folder (case1 -> 1)
  // Case-major: case 0's inputs, then its outputs, then case 1's, and so on.
  const GoldenTensor* tensors;

  const GoldenTensor& input(uint32_t c, uint32_t i) const {
    return tensors[c * (input_count + output_count) + i];
  }
  const GoldenTensor& output(uint32_t c, uint32_t o) const {
    return tensors[c * (input_count + output_count) + input_count + o];
  }
};

extern "C" const GoldenSet mote_golden;
