// mote export MODEL --c-array: the model as C++ source for a device (see tools/lib/c_export.h).
#include <filesystem>

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "c_export.h"
#include "common.h"

namespace mote::cli {
namespace {

struct ExportOptions {
  std::string model;
  bool c_array = false;
  std::string name;
  std::string name_space;
  std::string section;
  std::string output_dir = ".";
  int64_t arena_bytes = -1;
  bool json = false;
};

bool write_text(const std::filesystem::path& path, const std::string& text, int* exit_code) {
  std::string error;
  if (!tools::write_file(path.string(), text.data(), text.size(), &error)) {
    print_error(error);
    *exit_code = kExitFileError;
    return false;
  }
  return true;
}

nlohmann::json summary(const ExportOptions& opt, const tools::CExportOptions& options,
                       const tools::CExport& e, const std::filesystem::path& header,
                       const std::filesystem::path& source) {
  nlohmann::json ops = nlohmann::json::array();
  for (const tools::CExportOp& op : e.ops) {
    ops.push_back({{"name", op.name}, {"symbol", "mote::ops::" + op.symbol}});
  }
  return {{"model", opt.model},
          {"name", options.name},
          {"namespace", options.name_space},
          {"section", e.section},
          {"header", header.string()},
          {"source", source.string()},
          {"model_bytes", e.model_bytes},
          {"arena_bytes", e.arena_bytes},
          {"arena_source", e.arena_given ? "given" : "host"},
          {"host_arena",
           {{"total", e.host_arena.total},
            {"persistent", e.host_arena.persistent},
            {"planned", e.host_arena.planned}}},
          {"ops", ops}};
}

int run_export(const ExportOptions& opt) {
  tools::CExportOptions options;
  options.name = opt.name.empty() ? tools::default_export_name(opt.model) : opt.name;
  options.name_space = opt.name_space;
  options.section = opt.section;
  if (opt.arena_bytes >= 0) options.arena_bytes = static_cast<size_t>(opt.arena_bytes);
  // Bad options are usage errors, reported before the model is even read.
  if (!tools::is_c_identifier(options.name)) {
    print_error(
        fmt::format("--name '{}' is not a valid C identifier ([A-Za-z_][A-Za-z0-9_]*, "
                    "not a keyword)",
                    options.name));
    return kExitUsage;
  }
  if (!options.name_space.empty() && !tools::is_cpp_namespace(options.name_space)) {
    print_error(fmt::format("--namespace '{}' is not a valid C++ namespace (e.g. app::models)",
                            options.name_space));
    return kExitUsage;
  }
  if (!options.section.empty() && !tools::is_section_name(options.section)) {
    print_error(
        fmt::format("--section '{}' is not a valid section name (letters, digits, '_', "
                    "'.', '$')",
                    options.section));
    return kExitUsage;
  }

  int exit_code = kExitOk;
  auto model = load_or_report(opt.model, &exit_code);
  if (model == nullptr) return exit_code;
  tools::CExport e;
  std::string error;
  Status status = Status::kOk;
  if (!tools::export_c_array(*model, options, &e, &error, &status)) {
    print_error(fmt::format("{}: {}", opt.model, error));
    return status == Status::kInvalidArgument ? kExitUsage : exit_code_for(status);
  }

  const std::filesystem::path dir(opt.output_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    print_error(
        fmt::format("{}: cannot create the output folder ({})", dir.string(), ec.message()));
    return kExitFileError;
  }
  const std::filesystem::path header = dir / e.header_file;
  const std::filesystem::path source = dir / e.source_file;
  if (!write_text(header, e.header, &exit_code) || !write_text(source, e.source, &exit_code)) {
    return exit_code;
  }
  if (opt.json) {
    fmt::print("{}\n", summary(opt, options, e, header, source).dump(1));
  } else {
    std::string names;
    for (const tools::CExportOp& op : e.ops) names += (names.empty() ? "" : ", ") + op.name;
    fmt::print("{}: wrote {} and {}\n", opt.model, header.string(), source.string());
    fmt::print("  {} model bytes in section {}; {} ops: {}\n", e.model_bytes, e.section,
               e.ops.size(), names);
    fmt::print("  arena: {} bytes ({})\n", e.arena_bytes,
               e.arena_given ? "given with --arena-bytes"
                             : "host figure, portable kernels; --arena-bytes embeds the figure "
                               "measured on the target, with its kernels");
  }
  return kExitOk;
}

}  // namespace

void register_export(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Export a model as C++ source for a device: NAME.h/NAME.cc with the model as a 16-byte "
      "aligned const array, an op resolver with exactly its ops, and its arena size");
  cmd->add_option("MODEL", opt->model, ".tflite file")->required();
  cmd->add_flag("--c-array", opt->c_array,
                "Write the model as a C array with a generated op resolver (the default and, "
                "for now, the only format)");
  cmd->add_option("--name", opt->name,
                  "C identifier for the array; prefix of NAME_size, NAME_arena_bytes, "
                  "NAME_op_resolver and the file names (default: the model file's stem)");
  cmd->add_option("--namespace", opt->name_space, "C++ namespace for the symbols (e.g. app::ml)");
  cmd->add_option("--section", opt->section,
                  "Linker section for the array (default: .rodata.NAME)");
  cmd->add_option("-o,--output-dir", opt->output_dir, "Folder for the two files (created)")
      ->capture_default_str();
  cmd->add_option("--arena-bytes", opt->arena_bytes,
                  "Arena size to embed, as measured on the target with its kernels (default: "
                  "the host's figure, with the portable kernels)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--json", opt->json,
                "Print a JSON summary: files, model_bytes, arena_bytes, arena_source, ops");
  cmd->callback([opt, exit_code] { *exit_code = run_export(*opt); });
}

}  // namespace mote::cli
