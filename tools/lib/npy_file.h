// .npy files (NumPy's format 1.0 to 3.0, C order), for calibration sets and datasets: reading
// float and integer arrays (little-endian, or byte-sized in either order), writing float32.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mote::tools {

// Reads `path`: its shape, its values as double, the data bytes (`raw`) and the numpy descr
// (`dtype`: "<f4", "|i1", ...). False with *error naming the file and the problem.
bool read_npy(const std::string& path, std::vector<size_t>* shape, std::vector<double>* values,
              std::vector<uint8_t>* raw, std::string* dtype, std::string* error);

// Writes a little-endian float32 array of `shape` (tests and tools that produce data sets).
bool write_npy_f32(const std::string& path, const std::vector<size_t>& shape,
                   const std::vector<float>& values, std::string* error);

}  // namespace mote::tools
