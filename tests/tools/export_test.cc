// `mote export --c-array` (tools/lib/c_export.h): the files compile, hold the model's bytes in an
// aligned array in the chosen section, register exactly the model's kernels (int8-only ones for
// ops whose every node is int8), carry the arena size; bad input gives a clear message and the
// documented exit code.
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "c_export.h"
#include "command.h"
#include "model_file.h"
#include "mote/ops.h"
#include "mote/tflite_schema.h"
#include "shared_data.h"

namespace mote::testing {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh folder per test, so that parallel test processes never share files.
class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           fmt::format("mote_export_test_{}_{}", info->name(), static_cast<long>(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The include flags a translation unit using the generated files needs.
  static std::string runtime_includes() {
    return fmt::format("-I{0}/runtime/include -I{0}/runtime", MOTE_SOURCE_DIR);
  }

  fs::path dir_;
};

// The bytes of the array initializer in a generated source file.
std::vector<uint8_t> array_bytes(const std::string& source) {
  const size_t open = source.find("] = {");
  const size_t close = source.find("};", open);
  std::vector<uint8_t> bytes;
  if (open == std::string::npos || close == std::string::npos) return bytes;
  const std::string body = source.substr(open, close - open);
  // std::regex is avoided on purpose: GCC 12 reports false maybe-uninitialized warnings in it.
  for (size_t at = body.find("0x"); at != std::string::npos && at + 4 <= body.size();
       at = body.find("0x", at + 2)) {
    bytes.push_back(static_cast<uint8_t>(std::stoi(body.substr(at + 2, 2), nullptr, 16)));
  }
  return bytes;
}

// The identifiers that follow `prefix` in `text` (letters, digits, underscores).
std::set<std::string> identifiers_after(const std::string& text, const std::string& prefix) {
  std::set<std::string> found;
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
    size_t end = at + prefix.size();
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_')) {
      ++end;
    }
    found.insert(text.substr(at + prefix.size(), end - at - prefix.size()));
  }
  return found;
}

// The whitespace-separated fields of the first line of `text` that contains `needle`.
std::vector<std::string> fields_of_line_with(const std::string& text, const std::string& needle) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find(needle) == std::string::npos) continue;
    std::istringstream words(line);
    std::vector<std::string> fields;
    for (std::string w; words >> w;) fields.push_back(w);
    return fields;
  }
  return {};
}

// The distinct builtin operator names of a model file.
std::set<std::string> model_op_names(const std::string& path) {
  std::string error;
  auto model = tools::load_model_file(path, &error);
  std::set<std::string> names;
  if (model == nullptr) return names;
  for (uint32_t i = 0; i < model->model.operator_count(); ++i) {
    names.insert(schema::builtin_op_name(model->model.op(i).builtin_code));
  }
  return names;
}

// The ops.h constants a model's resolver must reference, worked out independently of
// tools::collect_ops: per op type, the int8-only kernel when Mote has one and every node of the
// type has int8 activations (first input and outputs), the general kernel otherwise.
std::set<std::string> expected_kernel_symbols(const std::string& path) {
  std::string error;
  auto model = tools::load_model_file(path, &error);
  std::set<std::string> symbols;
  if (model == nullptr) return symbols;
  const Model& m = model->model;
  std::map<std::string, bool> all_int8;  // op name -> every node int8 so far
  for (uint32_t i = 0; i < m.operator_count(); ++i) {
    const OperatorDesc op = m.op(i);
    bool int8 = int8_ops_resolver().find(op.builtin_code, nullptr) != nullptr &&
                m.tensor(static_cast<uint32_t>(op.inputs[0])).type == TensorType::kInt8;
    for (uint32_t o = 0; o < op.outputs.size(); ++o) {
      int8 = int8 && m.tensor(static_cast<uint32_t>(op.outputs[o])).type == TensorType::kInt8;
    }
    const std::string name = schema::builtin_op_name(op.builtin_code);
    const auto found = all_int8.find(name);
    all_int8[name] = int8 && (found == all_int8.end() || found->second);
  }
  for (const auto& [name, int8] : all_int8) {
    symbols.insert(int8 ? tools::int8_kernel_symbol(name) : tools::kernel_symbol(name));
  }
  return symbols;
}

TEST_F(ExportTest, WritesCompilableFilesWithTheModelBytesSectionAndAlignment) {
  const std::string model = model_path("kws_ref_model");
  const CommandResult r =
      mote(fmt::format("export {} --c-array --name kws --namespace app::ml "
                       "--section .model_kws -o {} --json",
                       model, dir_.string()));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["name"], "kws");
  EXPECT_EQ(j["section"], ".model_kws");
  EXPECT_EQ(j["arena_source"], "host");
  EXPECT_EQ(j["arena_bytes"], j["host_arena"]["total"]);
  EXPECT_EQ(fs::path(j["header"].get<std::string>()), dir_ / "kws.h");
  EXPECT_EQ(fs::path(j["source"].get<std::string>()), dir_ / "kws.cc");

  const std::string header = read_text(dir_ / "kws.h");
  const std::string source = read_text(dir_ / "kws.cc");
  EXPECT_NE(header.find("namespace app::ml {"), std::string::npos) << header;
  EXPECT_NE(header.find("alignas(16) extern const uint8_t kws[53936];"), std::string::npos);
  EXPECT_NE(header.find("inline constexpr size_t kws_size = 53936;"), std::string::npos);
  EXPECT_NE(header.find("extern const mote::OpResolver kws_op_resolver;"), std::string::npos);
  EXPECT_NE(source.find("alignas(16) [[gnu::section(\".model_kws\")]] const uint8_t kws[53936]"),
            std::string::npos)
      << source.substr(0, 600);

  // The array holds exactly the model file.
  EXPECT_EQ(array_bytes(source), read_bytes(model));

  // The pair compiles as C++17 with the project's warnings, and a user of the header sees the
  // constants at compile time.
  const fs::path user = dir_ / "user.cc";
  std::ofstream(user) << "#include \"kws.h\"\n"
                         "static_assert(app::ml::kws_size == 53936, \"size\");\n"
                      << fmt::format("static_assert(app::ml::kws_arena_bytes == {}, \"arena\");\n",
                                     j["arena_bytes"].get<size_t>())
                      << "const void* user_model();\n"
                         "const void* user_model() { return app::ml::kws; }\n";
  const std::string flags = fmt::format(
      "-std=c++17 -Wall -Wextra -Wpedantic -Wshadow -Wcast-qual -Wundef -Wmissing-declarations "
      "-Werror {} -I{}",
      runtime_includes(), dir_.string());
  for (const char* unit : {"kws", "user"}) {
    const CommandResult cc = run_shell(fmt::format("c++ {} -c {}/{}.cc -o {}/{}.o", flags,
                                                   dir_.string(), unit, dir_.string(), unit));
    ASSERT_EQ(cc.exit_code, 0) << unit << ": " << cc.output;
  }

  // In the object file: the section is there, 16-byte aligned, as large as the model.
  const CommandResult sections = run_shell(fmt::format("objdump -h {}/kws.o", dir_.string()));
  ASSERT_EQ(sections.exit_code, 0) << sections.output;
  // objdump -h: Idx Name Size VMA LMA File-off Algn.
  const std::vector<std::string> section = fields_of_line_with(sections.output, ".model_kws");
  ASSERT_EQ(section.size(), 7u) << sections.output;
  EXPECT_EQ(std::stoul(section[2], nullptr, 16), 53936u);
  ASSERT_EQ(section[6].rfind("2**", 0), 0u) << section[6];
  EXPECT_GE(std::stoi(section[6].substr(3)), 4) << "alignment " << section[6];

  // The resolver references exactly the kernels of the model's ops, and no others.
  const CommandResult undefined = run_shell(fmt::format("nm -C -u {}/kws.o", dir_.string()));
  ASSERT_EQ(undefined.exit_code, 0) << undefined.output;
  std::set<std::string> referenced;
  for (const std::string& symbol : identifiers_after(undefined.output, "mote::ops::")) {
    if (symbol.rfind('k', 0) == 0) referenced.insert(symbol);
  }
  const std::set<std::string> expected = expected_kernel_symbols(model);
  EXPECT_EQ(referenced, expected);
  EXPECT_EQ(expected.size(), j["ops"].size());
  // kws_ref_model is int8 throughout: only int8-only kernels for its int8 ops.
  EXPECT_EQ(expected.count("kConv2DInt8"), 1u);
  EXPECT_EQ(expected.count("kConv2D"), 0u);
}

TEST_F(ExportTest, ResolverListsExactlyTheOpsOfEveryGoldenModel) {
  for (const std::string& stem : golden_model_stems()) {
    std::string error;
    auto model = tools::load_model_file(model_path(stem), &error);
    ASSERT_NE(model, nullptr) << error;
    tools::CExportOptions options;
    options.name = tools::default_export_name(model_path(stem));
    tools::CExport out;
    Status status = Status::kOk;
    ASSERT_TRUE(tools::export_c_array(*model, options, &out, &error, &status)) << stem << error;
    std::set<std::string> names, symbols;
    for (const tools::CExportOp& op : out.ops) {
      names.insert(op.name);
      symbols.insert(op.symbol);
      EXPECT_NE(out.source.find(fmt::format("&mote::ops::{},", op.symbol)), std::string::npos);
      ASSERT_NE(op.kernel, nullptr) << stem << " " << op.name;
      EXPECT_EQ(op.kernel->builtin_code, op.builtin_code);
      const OpResolver& table = op.int8_only ? int8_ops_resolver() : all_ops_resolver();
      EXPECT_EQ(table.find(op.builtin_code, nullptr), op.kernel) << stem << " " << op.name;
    }
    EXPECT_EQ(names, model_op_names(model_path(stem))) << stem;
    EXPECT_EQ(symbols, expected_kernel_symbols(model_path(stem))) << stem;
    EXPECT_FALSE(out.arena_given);
    EXPECT_EQ(out.arena_bytes, out.host_arena.total);
    EXPECT_EQ(out.model_bytes, model->size);
  }
}

// Every kernel Mote has gets a generated name that ops.h declares, so a model using any op
// exports to code that compiles.
TEST(ExportNames, EveryKernelSymbolIsDeclaredInOpsHeader) {
  const std::string ops_header =
      read_text(fs::path(MOTE_SOURCE_DIR) / "runtime" / "include" / "mote" / "ops.h");
  const OpResolver& all = all_ops_resolver();
  ASSERT_GT(all.size(), 0u);
  for (uint32_t i = 0; i < all.size(); ++i) {
    const OpKernel& kernel = all.at(i);
    if (kernel.custom_name != nullptr) continue;
    const std::string symbol = tools::kernel_symbol(schema::builtin_op_name(kernel.builtin_code));
    EXPECT_NE(ops_header.find(fmt::format("extern const OpKernel {};", symbol)), std::string::npos)
        << schema::builtin_op_name(kernel.builtin_code) << " -> " << symbol;
  }
  // And every int8-only kernel, under the general kernel's name plus "Int8".
  const OpResolver& int8 = int8_ops_resolver();
  ASSERT_GT(int8.size(), 0u);
  for (uint32_t i = 0; i < int8.size(); ++i) {
    const std::string name = schema::builtin_op_name(int8.at(i).builtin_code);
    const std::string symbol = tools::int8_kernel_symbol(name);
    EXPECT_NE(ops_header.find(fmt::format("extern const OpKernel {};", symbol)), std::string::npos)
        << name << " -> " << symbol;
    // Same op, same version range and options as the general kernel.
    const OpKernel* general = all.find(int8.at(i).builtin_code, nullptr);
    ASSERT_NE(general, nullptr) << name;
    EXPECT_EQ(general->max_version, int8.at(i).max_version) << name;
    EXPECT_EQ(general->options_type, int8.at(i).options_type) << name;
  }
  EXPECT_EQ(tools::int8_kernel_symbol("FULLY_CONNECTED"), "kFullyConnectedInt8");
  EXPECT_EQ(tools::kernel_symbol("CONV_2D"), "kConv2D");
  EXPECT_EQ(tools::kernel_symbol("DEPTHWISE_CONV_2D"), "kDepthwiseConv2D");
  EXPECT_EQ(tools::kernel_symbol("RELU_N1_TO_1"), "kReluN1To1");
  EXPECT_EQ(tools::kernel_symbol("PADV2"), "kPadV2");
  EXPECT_EQ(tools::kernel_symbol("UNIDIRECTIONAL_SEQUENCE_LSTM"), "kUnidirectionalSequenceLstm");
}

TEST(ExportNames, IdentifiersNamespacesSectionsAndDefaults) {
  EXPECT_TRUE(tools::is_c_identifier("g_model"));
  EXPECT_TRUE(tools::is_c_identifier("_model2"));
  for (const char* bad : {"", "1model", "my-model", "int", "class", "__x", "_X", "a b"}) {
    EXPECT_FALSE(tools::is_c_identifier(bad)) << bad;
  }
  EXPECT_TRUE(tools::is_cpp_namespace("app::ml"));
  EXPECT_FALSE(tools::is_cpp_namespace("app::"));
  EXPECT_FALSE(tools::is_cpp_namespace("::app"));
  EXPECT_TRUE(tools::is_section_name(".rodata.model"));
  EXPECT_FALSE(tools::is_section_name("two words"));
  EXPECT_FALSE(tools::is_section_name("\".x\""));
  EXPECT_EQ(tools::default_export_name("dir/kws-ref.v2.tflite"), "kws_ref_v2");
  EXPECT_EQ(tools::default_export_name("3d_net.tflite"), "model_3d_net");
  EXPECT_EQ(tools::default_export_name("int.tflite"), "model_int");
}

TEST_F(ExportTest, DefaultsArenaBytesTextOutputAndDeterminism) {
  const std::string model = model_path("hello_world_int8");
  const CommandResult r = mote(fmt::format("export {} -o {}", model, dir_.string()));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("hello_world_int8.h"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("FULLY_CONNECTED"), std::string::npos) << r.output;
  const std::string header = read_text(dir_ / "hello_world_int8.h");
  const std::string source = read_text(dir_ / "hello_world_int8.cc");
  EXPECT_NE(source.find("[[gnu::section(\".rodata.hello_world_int8\")]]"), std::string::npos);

  // By default the arena is the host's figure, the one `mote verify` reports.
  const CommandResult verify = mote("verify --json " + model);
  ASSERT_EQ(verify.exit_code, 0) << verify.output;
  const size_t host_arena = nlohmann::json::parse(verify.output)["arena"]["total"].get<size_t>();
  EXPECT_NE(header.find(fmt::format("inline constexpr size_t hello_world_int8_arena_bytes = {};",
                                    host_arena)),
            std::string::npos)
      << header;

  // Same input, same bytes out.
  const fs::path again = dir_ / "again";
  ASSERT_EQ(mote(fmt::format("export {} --c-array -o {}", model, again.string())).exit_code, 0);
  EXPECT_EQ(read_text(again / "hello_world_int8.h"), header);
  EXPECT_EQ(read_text(again / "hello_world_int8.cc"), source);

  // A figure measured on the target goes in as given.
  const CommandResult given =
      mote(fmt::format("export {} --arena-bytes 456 --name hw -o {} --json", model, dir_.string()));
  ASSERT_EQ(given.exit_code, 0) << given.output;
  const nlohmann::json j = nlohmann::json::parse(given.output);
  EXPECT_EQ(j["arena_bytes"], 456);
  EXPECT_EQ(j["arena_source"], "given");
  EXPECT_GT(j["host_arena"]["total"].get<int>(), 456);
  EXPECT_NE(read_text(dir_ / "hw.h").find("inline constexpr size_t hw_arena_bytes = 456;"),
            std::string::npos);
}

TEST_F(ExportTest, BadInputGivesClearErrorsAndExitCodes) {
  const std::string model = model_path("hello_world_int8");
  const std::string out = "-o " + dir_.string();

  const CommandResult help = mote("export --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* word : {"--c-array", "--name", "--section", "--namespace", "--output-dir",
                           "--arena-bytes", "--json"}) {
    EXPECT_NE(help.output.find(word), std::string::npos) << word;
  }

  const CommandResult missing = mote("export /nonexistent/model.tflite " + out);
  EXPECT_EQ(missing.exit_code, 3) << missing.output;
  EXPECT_NE(missing.output.find("no such file"), std::string::npos) << missing.output;

  const fs::path garbage = dir_ / "garbage.tflite";
  std::ofstream(garbage) << "this is not a model at all";
  const CommandResult invalid = mote(fmt::format("export {} {}", garbage.string(), out));
  EXPECT_EQ(invalid.exit_code, 4) << invalid.output;

  // A hybrid model (float activations, int8 weights) that Mote, like TFLM, does not run.
  const CommandResult unsupported =
      mote(fmt::format("export {} {}", model_path("kws_ref_model_float32"), out));
  EXPECT_EQ(unsupported.exit_code, 5) << unsupported.output;

  for (const char* name : {"1abc", "int", "my-model", "__reserved"}) {
    const CommandResult bad = mote(fmt::format("export {} --name '{}' {}", model, name, out));
    EXPECT_EQ(bad.exit_code, 2) << name << ": " << bad.output;
    EXPECT_NE(bad.output.find("not a valid C identifier"), std::string::npos) << bad.output;
  }
  const CommandResult bad_namespace =
      mote(fmt::format("export {} --namespace 'a::' {}", model, out));
  EXPECT_EQ(bad_namespace.exit_code, 2) << bad_namespace.output;
  const CommandResult bad_section = mote(fmt::format("export {} --section 'a b' {}", model, out));
  EXPECT_EQ(bad_section.exit_code, 2) << bad_section.output;
  EXPECT_NE(bad_section.output.find("not a valid section name"), std::string::npos);
  EXPECT_EQ(mote(fmt::format("export {} --arena-bytes 0 {}", model, out)).exit_code, 2);
  EXPECT_EQ(mote(fmt::format("export {} --arena-bytes many {}", model, out)).exit_code, 2);

  // The output folder cannot be created under a regular file.
  const CommandResult unwritable =
      mote(fmt::format("export {} -o {}/garbage.tflite/out", model, dir_.string()));
  EXPECT_EQ(unwritable.exit_code, 3) << unwritable.output;
  EXPECT_NE(unwritable.output.find("cannot create"), std::string::npos) << unwritable.output;

  // Nothing was written by any failing command.
  EXPECT_FALSE(fs::exists(dir_ / "hello_world_int8.h"));
}

}  // namespace
}  // namespace mote::testing
