// PLACEHOLDER: `mote eval` is not implemented yet. Replace this whole file.
#include "commands.h"

namespace mote::cli {

void register_eval(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("eval", "Accuracy of a model over a labelled dataset (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] { *exit_code = kExitFailure; });
}

}  // namespace mote::cli
