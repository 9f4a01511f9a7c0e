// `mote export --c-array`: a model as C++ source for a device. Two files, NAME.h and NAME.cc:
//
//   NAME                 the .tflite bytes as a const array, 16-byte aligned (kernels read
//                        int32 biases and multipliers in place), in a chosen linker section
//   NAME_size            its size in bytes
//   NAME_arena_bytes     the arena the model needs (see below)
//   NAME_op_count        how many operator kernels it uses
//   NAME_op_resolver     a mote::OpResolver with exactly those kernels, a constant in flash:
//                        the linker then keeps only the kernels the model needs (int8-only
//                        variants where every node of an op is int8; see CExportOp)
//
// The arena figure is the host's by default, with the host's (portable) kernels. Host pointers
// are 8 bytes and a 32-bit target's are 4, so a target running the same kernels needs the same
// or fewer bytes. Optimized kernels may ask for scratch the portable ones do not (on the
// Cortex-M4 with the DSP kernels ad01_int8 needs 3,000 bytes, the host 2,376), so for a device
// embed the figure measured on it, with its kernels: CExportOptions::arena_bytes
// (`--arena-bytes N`; targets/cortex-m's arena sizer measures it under QEMU).
//
// The output is deterministic (no dates, no absolute paths), so it can be diffed and
// snapshot-tested. bench/run-cortex-m builds its firmware from this same code, through `mote`.
//
//   tools::CExportOptions options;
//   options.name = "kws";
//   tools::CExport out;
//   if (!tools::export_c_array(*model, options, &out, &error, &status)) { ... }
//   write out.header to out.header_file, out.source to out.source_file
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model_file.h"
#include "mote/interpreter.h"

namespace mote::tools {

struct CExportOptions {
  std::string name;        // C identifier: the array's name, prefix of the other symbols and
                           // stem of the two file names
  std::string name_space;  // C++ namespace for every symbol ("a::b" nests); "" for none
  std::string section;     // linker section of the array; "" for ".rodata.<name>"
  std::optional<size_t> arena_bytes;  // embed this arena figure instead of the host's
};

// One operator type the model uses, and the ops.h constant that registers its kernel: the
// int8-only kernel when the op has one and every node of the op runs int8 (int8 first input and
// outputs), so the firmware links no float32 or int16 code for it; the general kernel otherwise.
struct CExportOp {
  int32_t builtin_code = 0;
  std::string name;                  // "CONV_2D"
  std::string symbol;                // "kConv2DInt8" or "kConv2D" (in namespace mote::ops)
  bool int8_only = false;            // symbol names the int8-only kernel
  const OpKernel* kernel = nullptr;  // that constant (the host links every kernel)
};

struct CExport {
  std::string header_file;  // "NAME.h"
  std::string source_file;  // "NAME.cc"
  std::string header;       // file contents
  std::string source;
  std::vector<CExportOp> ops;  // sorted by name
  size_t model_bytes = 0;
  size_t arena_bytes = 0;    // the figure embedded in the header
  bool arena_given = false;  // true: from CExportOptions::arena_bytes; false: the host's
  ArenaUsage host_arena;     // what the host measured (always computed)
  std::string section;       // the section used
};

// True for a name usable as a C and C++ identifier: [A-Za-z_][A-Za-z0-9_]*, not a keyword,
// not reserved (no leading "__" or "_" + capital letter).
bool is_c_identifier(const std::string& text);

// "a", "a::b": each part an identifier.
bool is_cpp_namespace(const std::string& text);

// Whether `text` can be a linker section name: non-empty, [A-Za-z0-9_.$]+.
bool is_section_name(const std::string& text);

// A name for a model file: its stem with every other character turned into '_'
// ("models/kws-ref.tflite" -> "kws_ref"), prefixed with "model_" when it would start with a
// digit.
std::string default_export_name(const std::string& path);

// The ops.h constant for a builtin operator name: "CONV_2D" -> "kConv2D",
// "RELU_N1_TO_1" -> "kReluN1To1", "PADV2" -> "kPadV2".
std::string kernel_symbol(const std::string& builtin_name);

// The ops.h constant of an op's int8-only kernel (for ops in int8_ops_resolver()):
// "CONV_2D" -> "kConv2DInt8".
std::string int8_kernel_symbol(const std::string& builtin_name);

// Checks the options, prepares the model on the host with exactly the kernels the resolver
// registers (which proves that they run it and gives the host arena figure) and renders both
// files. On failure returns false, sets *error and
// *status: kInvalidArgument for bad options, otherwise the runtime's status for the model.
bool export_c_array(const LoadedModel& model, const CExportOptions& options, CExport* out,
                    std::string* error, Status* status);

}  // namespace mote::tools
