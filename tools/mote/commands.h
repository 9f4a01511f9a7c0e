// The `mote` subcommands. Each registers itself on the CLI11 app and returns an exit code.
#pragma once

#include <CLI/CLI.hpp>

namespace mote::cli {

// Exit codes, shared by every subcommand (also listed in `mote --help`).
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,        // generic failure (e.g. a mismatch the command checks)
  kExitUsage = 2,          // bad command line
  kExitFileError = 3,      // a file is missing or cannot be read or written
  kExitInvalidModel = 4,   // the model file is malformed
  kExitUnsupported = 5,    // well-formed, but uses an op/type Mote does not run
  kExitArenaTooSmall = 6,  // the model does not fit the given arena
  kExitEvalFailed = 7,     // a kernel failed at run time
};

void register_inspect(CLI::App& app, int* exit_code);
void register_run(CLI::App& app, int* exit_code);
void register_bench(CLI::App& app, int* exit_code);
void register_verify(CLI::App& app, int* exit_code);
void register_quantize(CLI::App& app, int* exit_code);
void register_export(CLI::App& app, int* exit_code);
void register_fit(CLI::App& app, int* exit_code);
void register_eval(CLI::App& app, int* exit_code);

}  // namespace mote::cli
