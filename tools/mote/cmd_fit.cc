// mote fit MODEL --board NAME: flash and SRAM budget on a board, estimated latency, energy per
// inference, average power and battery life. Exit code 1 when the model does not fit.
#include <filesystem>

#include <fmt/core.h>
#include <fmt/format.h>

#include "board_profile.h"
#include "common.h"
#include "fit_estimate.h"

namespace mote::cli {
namespace {

struct FitOptions {
  std::string model;
  std::string board;
  double rate_hz = 1.0;
  bool rate_given = false;
  std::string battery;
  std::string measured;  // "" = default path if it exists; "none" = do not read
  std::string data_dir;
  bool json = false;
  bool list = false;
  bool sources = false;
};

std::string list_text(const tools::ProfileSet& profiles) {
  std::string out = fmt::format("Boards ({}):\n", profiles.data_dir + "/boards");
  for (const tools::BoardProfile& b : profiles.boards) {
    const tools::CoreProfile* core = profiles.find_core(b.core);
    out +=
        fmt::format("  {:<12} {} ({}, {} @ {:g} MHz, {} KB flash, {} KB SRAM)\n", b.id, b.name,
                    b.mcu, core->name, b.clock_hz / 1e6, b.flash_bytes / 1024, b.sram_bytes / 1024);
  }
  out += "Batteries:\n";
  for (const tools::Battery& b : profiles.batteries) {
    out +=
        fmt::format("  {:<12} {} ({:g} mAh, {:g} V)\n", b.id, b.name, b.capacity_mah, b.nominal_v);
  }
  return out;
}

std::string sources_text(const tools::FitReport& report) {
  std::string out = fmt::format("\nSources ({})\n", report.board->path);
  for (const tools::Citation& c : report.board->sources) {
    out += fmt::format("  {}: {} -- {}, {} [checked: {}]\n", c.figure, c.value, c.document,
                       c.section, c.checked);
  }
  auto rows = [&](const char* title, const tools::Budget& b) {
    out += fmt::format("  {} rows:\n", title);
    for (const tools::BudgetRow& r : b.rows) {
      out += fmt::format("    {}: {}\n", r.what, r.source);
    }
  };
  rows("flash", report.flash);
  rows("SRAM", report.sram);
  if (report.latency.available) {
    out += "  latency steps:\n";
    for (size_t i = 0; i < report.latency.derivation.size(); ++i) {
      const std::string source =
          i < report.latency.derivation_sources.size() ? report.latency.derivation_sources[i] : "";
      out += fmt::format("    {}\n      source: {}\n", report.latency.derivation[i], source);
    }
  }
  return out;
}

int run_fit(const FitOptions& opt) {
  tools::ProfileSet profiles;
  std::string error;
  if (!tools::load_profiles(tools::find_data_dir(opt.data_dir), &profiles, &error)) {
    print_error(error);
    return kExitFileError;
  }
  if (opt.list) {
    fmt::print("{}", list_text(profiles));
    return kExitOk;
  }
  if (opt.model.empty() || opt.board.empty()) {
    print_error("fit takes MODEL and --board NAME (or --list)");
    return kExitUsage;
  }
  const tools::BoardProfile* board = profiles.find_board(opt.board);
  if (board == nullptr) {
    print_error(fmt::format("unknown board '{}'; known boards: {} (profiles in {}/boards)",
                            opt.board, fmt::join(profiles.board_ids(), ", "), profiles.data_dir));
    return kExitUsage;
  }
  if (!opt.battery.empty() && profiles.find_battery(opt.battery) == nullptr) {
    print_error(fmt::format("unknown battery '{}'; known batteries: {}", opt.battery,
                            fmt::join(profiles.battery_ids(), ", ")));
    return kExitUsage;
  }
  if (!(opt.rate_hz > 0.0)) {
    print_error("--rate takes inferences per second > 0");
    return kExitUsage;
  }

  // Measured Cortex-M figures: an explicit file must exist; the default one is optional.
  std::optional<tools::MeasuredResults> measured;
  if (opt.measured != "none") {
    const std::string path =
        opt.measured.empty() ? tools::default_measured_results_path() : opt.measured;
    std::error_code ec;
    if (!opt.measured.empty() || (!path.empty() && std::filesystem::exists(path, ec))) {
      measured = tools::read_measured_results(path, &error);
      if (!measured) {
        print_error(error);
        return kExitFileError;
      }
      // Beside the default file, the M0+ build's figures (bench/run-cortex-m writes them apart).
      const std::string m0plus = tools::default_m0plus_results_path();
      if (opt.measured.empty() && std::filesystem::exists(m0plus, ec)) {
        auto extra = tools::read_measured_results(m0plus, &error);
        if (!extra) {
          print_error(error);
          return kExitFileError;
        }
        tools::merge_measured_results(*extra, &*measured);
      }
    }
  }

  int exit_code = kExitOk;
  auto model = load_or_report(opt.model, &exit_code);
  if (model == nullptr) return exit_code;
  auto prepared = prepare_or_report(*model, &exit_code, &error);
  if (prepared == nullptr) return exit_code;

  tools::FitOptions fit;
  fit.rate_hz = opt.rate_hz;
  fit.rate_given = opt.rate_given;
  fit.battery = opt.battery;
  tools::FitReport report;
  if (!tools::estimate_fit(tools::model_facts(*model, *prepared), *board, profiles,
                           measured ? &*measured : nullptr, fit, &report, &error)) {
    print_error(error);
    return kExitUsage;
  }
  if (opt.json) {
    fmt::print("{}\n", tools::to_json(report).dump(1));
  } else {
    fmt::print("{}", tools::to_text(report));
    if (opt.sources) fmt::print("{}", sources_text(report));
  }
  return report.fits ? kExitOk : kExitFailure;
}

}  // namespace

void register_fit(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<FitOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fit",
      "Will a model fit a board: flash and SRAM budget, latency, energy and battery life "
      "(exit 1 when it does not fit)");
  cmd->add_option("MODEL", opt->model, ".tflite file");
  cmd->add_option("-b,--board", opt->board, "Board profile (see --list), e.g. nano33ble");
  CLI::Option* rate = cmd->add_option(
      "--rate", opt->rate_hz,
      "Inferences per second: the duty cycle for energy, and a check that the board keeps up "
      "(without it: 1/s for energy only)");
  cmd->add_option("--battery", opt->battery, "Battery for the life estimate, e.g. CR2032, AA");
  cmd->add_option("--measured", opt->measured,
                  "Measured Cortex-M figures (default: bench/results/cortex-m.json in the "
                  "source tree, when present; 'none' to ignore it)");
  cmd->add_option("--data-dir", opt->data_dir,
                  "Profile directory (boards/, cores.json, batteries.json); default: data/ "
                  "next to the executable, then the source tree");
  cmd->add_flag("--json", opt->json,
                "Machine-readable output: flash, sram, checks, latency, energy, fits");
  cmd->add_flag("--list", opt->list, "List the known boards and batteries");
  cmd->add_flag("--sources", opt->sources, "Also print where every figure comes from");
  cmd->callback([opt, exit_code, rate] {
    opt->rate_given = rate->count() > 0;
    *exit_code = run_fit(*opt);
  });
}

}  // namespace mote::cli
