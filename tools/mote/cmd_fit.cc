// PLACEHOLDER: `mote fit` is not implemented yet. Replace this whole file.
#include "commands.h"

namespace mote::cli {

void register_fit(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("fit", "Will a model fit a board, and how fast and how long on a battery (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] { *exit_code = kExitFailure; });
}

}  // namespace mote::cli
