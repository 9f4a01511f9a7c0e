#include "c_export.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "mote/ops.h"
#include "mote/tflite_schema.h"
#include "prepared_model.h"

namespace mote::tools {
namespace {

// C++17 keywords and alternative tokens, plus the C keywords a C++ keyword list misses.
const std::set<std::string>& keywords() {
  static const std::set<std::string> kKeywords = {
      "alignas",      "alignof",   "and",           "and_eq",
      "asm",          "auto",      "bitand",        "bitor",
      "bool",         "break",     "case",          "catch",
      "char",         "char16_t",  "char32_t",      "class",
      "compl",        "const",     "constexpr",     "const_cast",
      "continue",     "decltype",  "default",       "delete",
      "do",           "double",    "dynamic_cast",  "else",
      "enum",         "explicit",  "export",        "extern",
      "false",        "float",     "for",           "friend",
      "goto",         "if",        "inline",        "int",
      "long",         "mutable",   "namespace",     "new",
      "noexcept",     "not",       "not_eq",        "nullptr",
      "operator",     "or",        "or_eq",         "private",
      "protected",    "public",    "register",      "reinterpret_cast",
      "restrict",     "return",    "short",         "signed",
      "sizeof",       "static",    "static_assert", "static_cast",
      "struct",       "switch",    "template",      "this",
      "thread_local", "throw",     "true",          "try",
      "typedef",      "typeid",    "typename",      "union",
      "unsigned",     "using",     "virtual",       "void",
      "volatile",     "wchar_t",   "while",         "xor",
      "xor_eq",       "_Bool",     "_Complex",      "_Imaginary",
      "char8_t",      "concept",   "consteval",     "constinit",
      "co_await",     "co_return", "co_yield",      "requires"};
  return kKeywords;
}

// Builtin names whose ops.h constant does not follow the word-by-word rule.
const std::map<std::string, std::string>& symbol_exceptions() {
  static const std::map<std::string, std::string> kExceptions = {{"PADV2", "kPadV2"}};
  return kExceptions;
}

std::string with_thousands(size_t value) {
  std::string digits = std::to_string(value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

std::vector<std::string> split_namespace(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find("::", start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return parts;
}

std::string open_namespace(const std::string& name_space) {
  return name_space.empty() ? "" : fmt::format("namespace {} {{\n\n", name_space);
}

std::string close_namespace(const std::string& name_space) {
  return name_space.empty() ? "" : fmt::format("\n}}  // namespace {}\n", name_space);
}

// Whether a node runs on its op's int8 path: first input and every output int8. The int8-only
// kernels (ops.h) accept exactly these nodes, and do every other check as the general kernel.
bool runs_int8(const Model& model, const OperatorDesc& op) {
  if (op.inputs.size() == 0 || op.inputs[0] < 0 || op.outputs.size() == 0) return false;
  if (model.tensor(static_cast<uint32_t>(op.inputs[0])).type != TensorType::kInt8) return false;
  for (uint32_t i = 0; i < op.outputs.size(); ++i) {
    if (model.tensor(static_cast<uint32_t>(op.outputs[i])).type != TensorType::kInt8) return false;
  }
  return true;
}

// The distinct operator types of the model, with their kernel constants, sorted by name: the
// int8-only kernel when the op has one and every node of it runs int8, the general one otherwise.
bool collect_ops(const Model& model, std::vector<CExportOp>* ops, std::string* error,
                 Status* status) {
  std::map<std::string, CExportOp> by_name;
  for (uint32_t i = 0; i < model.operator_count(); ++i) {
    const OperatorDesc op = model.op(i);
    if (op.custom_code != nullptr) {
      // A custom kernel has no ops.h constant to name; register it by hand.
      *error = fmt::format(
          "operator {} is the custom op '{}': mote export names only builtin "
          "kernels",
          i, op.custom_code);
      *status = Status::kUnsupported;
      return false;
    }
    const OpKernel* int8_kernel = int8_ops_resolver().find(op.builtin_code, nullptr);
    const bool int8 = int8_kernel != nullptr && runs_int8(model, op);
    CExportOp entry;
    entry.builtin_code = op.builtin_code;
    entry.name = schema::builtin_op_name(op.builtin_code);
    entry.int8_only = int8;
    const auto [it, inserted] = by_name.emplace(entry.name, entry);
    // One node of another type is enough for the op to need the general kernel.
    if (!inserted) it->second.int8_only = it->second.int8_only && int8;
  }
  ops->clear();
  for (auto& [name, entry] : by_name) {
    entry.symbol = entry.int8_only ? int8_kernel_symbol(name) : kernel_symbol(name);
    entry.kernel = entry.int8_only ? int8_ops_resolver().find(entry.builtin_code, nullptr)
                                   : all_ops_resolver().find(entry.builtin_code, nullptr);
    ops->push_back(entry);
  }
  return true;
}

std::string op_names(const std::vector<CExportOp>& ops) {
  std::string out;
  for (const CExportOp& op : ops) out += (out.empty() ? "" : ", ") + op.name;
  return out;
}

// `text` as comment lines of at most kWidth columns: the first starts with `first`, the others
// are indented to line up with it.
std::string comment_block(const std::string& first, const std::string& text) {
  constexpr size_t kWidth = 100;
  const std::string indent = "//" + std::string(first.size() - 2, ' ');
  std::string out, line = first;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const bool line_empty = line.size() == first.size() || line.size() == indent.size();
    if (!line_empty && line.size() + 1 + word.size() > kWidth) {
      out += line + "\n";
      line = indent;
    }
    line += (line.size() == first.size() || line.size() == indent.size() ? "" : " ") + word;
    start = end + 1;
  }
  return out + line + "\n";
}

std::string render_header(const CExportOptions& options, const std::string& model_file,
                          const CExport& e) {
  const std::string& n = options.name;
  const std::string q = options.name_space.empty() ? "" : options.name_space + "::";
  // Pad the symbol names to one column, so the descriptions line up.
  const size_t column = n.size() + std::string("_op_resolver").size() + 2;
  const auto entry = [&](const std::string& symbol, const std::string& text) {
    return comment_block("// " + symbol + std::string(column - symbol.size(), ' '), text);
  };
  const std::string arena_note =
      e.arena_given ? fmt::format("{}, given to `mote export --arena-bytes` (the host needs {}).",
                                  with_thousands(e.arena_bytes), with_thousands(e.host_arena.total))
                    : fmt::format(
                          "{}, measured on the host (64-bit, portable kernels). A 32-bit target "
                          "with the same kernels needs the same or fewer (4-byte pointers); "
                          "optimized kernels may need scratch: `mote export --arena-bytes N` "
                          "embeds the figure measured on the target.",
                          with_thousands(e.arena_bytes));
  std::string h = fmt::format(
      "// {}.h: generated by `mote export --c-array` from {}; do not edit.\n//\n", n, model_file);
  h += entry(n, fmt::format("the model's {} bytes, 16-byte aligned, in section \"{}\"",
                            with_thousands(e.model_bytes), e.section));
  h += entry(n + "_size", with_thousands(e.model_bytes));
  h += entry(n + "_arena_bytes", arena_note);
  h += entry(n + "_op_resolver", fmt::format("the {} kernels the model uses, and no others: {}",
                                             e.ops.size(), op_names(e.ops)));
  h += fmt::format(
      "//\n"
      "//   alignas(16) static uint8_t arena[{q}{n}_arena_bytes];\n"
      "//   mote::Model model;\n"
      "//   mote::Status status = mote::Model::load({q}{n}, {q}{n}_size, reporter, &model);\n"
      "//   mote::Interpreter interpreter(model, {q}{n}_op_resolver, {{arena, sizeof(arena)}}, "
      "reporter);\n"
      "#pragma once\n"
      "\n"
      "#include <cstddef>\n"
      "#include <cstdint>\n"
      "\n"
      "#include \"mote/op_resolver.h\"\n"
      "\n",
      fmt::arg("n", n), fmt::arg("q", q));
  h += open_namespace(options.name_space);
  h += fmt::format(
      "alignas(16) extern const uint8_t {n}[{bytes}];\n"
      "inline constexpr size_t {n}_size = {bytes};\n"
      "inline constexpr size_t {n}_arena_bytes = {arena};\n"
      "inline constexpr uint32_t {n}_op_count = {count};\n"
      "extern const mote::OpResolver {n}_op_resolver;\n",
      fmt::arg("n", n), fmt::arg("bytes", e.model_bytes), fmt::arg("arena", e.arena_bytes),
      fmt::arg("count", e.ops.size()));
  h += close_namespace(options.name_space);
  return h;
}

std::string render_source(const CExportOptions& options, const std::string& model_file,
                          const uint8_t* bytes, const CExport& e) {
  const std::string& n = options.name;
  std::string s = fmt::format(
      "// {n}.cc: generated by `mote export --c-array` from {file}; do not edit.\n"
      "#include \"{n}.h\"\n"
      "\n"
      "#include \"mote/ops.h\"\n"
      "\n",
      fmt::arg("n", n), fmt::arg("file", model_file));
  s += open_namespace(options.name_space);
  s += fmt::format("alignas(16) [[gnu::section(\"{}\")]] const uint8_t {}[{}] = {{\n", e.section, n,
                   e.model_bytes);
  constexpr size_t kPerLine = 16;
  std::string line;
  for (size_t i = 0; i < e.model_bytes; ++i) {
    line += fmt::format("{}0x{:02x},", i % kPerLine == 0 ? "    " : " ", bytes[i]);
    if (i % kPerLine == kPerLine - 1 || i + 1 == e.model_bytes) {
      s += line;
      s += '\n';
      line.clear();
    }
  }
  s += "};\n\nnamespace {\n\n";
  s += "// The kernels this model needs; referencing a constant links only that kernel.\n";
  s += "constexpr const mote::OpKernel* kKernels[] = {\n";
  for (const CExportOp& op : e.ops) s += fmt::format("    &mote::ops::{},\n", op.symbol);
  s += "};\n";
  s += fmt::format(
      "static_assert(sizeof(kKernels) / sizeof(kKernels[0]) == {n}_op_count, \"op count\");\n\n"
      "}}  // namespace\n\n"
      "// Constant-initialized (constexpr constructor): no global constructor runs.\n"
      "const mote::OpResolver {n}_op_resolver(kKernels, {n}_op_count);\n",
      fmt::arg("n", n));
  s += close_namespace(options.name_space);
  return s;
}

}  // namespace

bool is_c_identifier(const std::string& text) {
  if (text.empty()) return false;
  if (!(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_')) return false;
  for (char c : text) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  if (text.rfind("__", 0) == 0) return false;
  if (text.size() > 1 && text[0] == '_' && std::isupper(static_cast<unsigned char>(text[1]))) {
    return false;
  }
  return keywords().count(text) == 0;
}

bool is_cpp_namespace(const std::string& text) {
  for (const std::string& part : split_namespace(text)) {
    if (!is_c_identifier(part)) return false;
  }
  return true;
}

bool is_section_name(const std::string& text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$';
  });
}

std::string default_export_name(const std::string& path) {
  std::string name = std::filesystem::path(path).stem().string();
  for (char& c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) c = '_';
  }
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) name = "model_" + name;
  if (!is_c_identifier(name)) name = "model_" + name;
  return name;
}

std::string int8_kernel_symbol(const std::string& builtin_name) {
  return kernel_symbol(builtin_name) + "Int8";
}

std::string kernel_symbol(const std::string& builtin_name) {
  const auto exception = symbol_exceptions().find(builtin_name);
  if (exception != symbol_exceptions().end()) return exception->second;
  // Word by word: first letter kept, the rest lower case, except "2D"-style words.
  std::string symbol = "k";
  bool word_start = true;
  for (size_t i = 0; i < builtin_name.size(); ++i) {
    const char c = builtin_name[i];
    if (c == '_') {
      word_start = true;
      continue;
    }
    const bool after_digit = i > 0 && std::isdigit(static_cast<unsigned char>(builtin_name[i - 1]));
    const bool dimension = c == 'D' && after_digit;  // "CONV_2D" -> "Conv2D"
    symbol += word_start || dimension ? c : static_cast<char>(std::tolower(c));
    word_start = false;
  }
  return symbol;
}

bool export_c_array(const LoadedModel& model, const CExportOptions& options, CExport* out,
                    std::string* error, Status* status) {
  if (!is_c_identifier(options.name)) {
    *error = fmt::format("'{}' is not a valid C identifier for the array name", options.name);
    *status = Status::kInvalidArgument;
    return false;
  }
  if (!options.name_space.empty() && !is_cpp_namespace(options.name_space)) {
    *error = fmt::format("'{}' is not a valid C++ namespace", options.name_space);
    *status = Status::kInvalidArgument;
    return false;
  }
  const std::string section = options.section.empty() ? ".rodata." + options.name : options.section;
  if (!is_section_name(section)) {
    *error =
        fmt::format("'{}' is not a valid section name (letters, digits, '_', '.', '$')", section);
    *status = Status::kInvalidArgument;
    return false;
  }
  if (options.arena_bytes.has_value() && *options.arena_bytes == 0) {
    *error = "the arena size must be positive";
    *status = Status::kInvalidArgument;
    return false;
  }
  CExport e;
  if (!collect_ops(model.model, &e.ops, error, status)) return false;
  // Prepare with exactly the kernels the firmware will register, int8-only ones included.
  std::vector<const OpKernel*> kernels;
  for (const CExportOp& op : e.ops) {
    if (op.kernel == nullptr) {
      *error = fmt::format("Mote has no kernel for {}", op.name);
      *status = Status::kUnsupported;
      return false;
    }
    kernels.push_back(op.kernel);
  }
  const OpResolver resolver(kernels.data(), static_cast<uint32_t>(kernels.size()));
  auto prepared = PreparedModel::create(model, error, status, resolver);
  if (prepared == nullptr) return false;
  e.host_arena = prepared->usage();
  e.model_bytes = model.size;
  e.arena_given = options.arena_bytes.has_value();
  e.arena_bytes = e.arena_given ? *options.arena_bytes : e.host_arena.total;
  e.section = section;
  e.header_file = options.name + ".h";
  e.source_file = options.name + ".cc";
  const std::string model_file = std::filesystem::path(model.path).filename().string();
  e.header = render_header(options, model_file, e);
  e.source = render_source(options, model_file, model.bytes, e);
  *out = std::move(e);
  *status = Status::kOk;
  return true;
}

}  // namespace mote::tools
