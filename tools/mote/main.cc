// mote: inspect, run, benchmark and verify TFLite models with the Mote runtime.
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"mote: run TFLite models bit-exactly in a static arena, and measure them"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "mote 0.1.0");
  app.footer(
      "Exit codes: 0 ok, 1 failure, 2 usage, 3 file error, 4 invalid model, 5 unsupported op or "
      "type, 6 arena too small, 7 kernel failed at run time.\n"
      "Run `mote COMMAND --help` for the options of each command.");
  int exit_code = mote::cli::kExitOk;
  mote::cli::register_inspect(app, &exit_code);
  mote::cli::register_run(app, &exit_code);
  mote::cli::register_bench(app, &exit_code);
  mote::cli::register_verify(app, &exit_code);
  mote::cli::register_quantize(app, &exit_code);
  mote::cli::register_export(app, &exit_code);
  mote::cli::register_fit(app, &exit_code);
  mote::cli::register_eval(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return mote::cli::kExitUsage;
  }
  return exit_code;
}
