// PLACEHOLDER: `mote export` is not implemented yet. Replace this whole file.
#include "commands.h"

namespace mote::cli {

void register_export(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("export", "Export a model as C source for a device (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] { *exit_code = kExitFailure; });
}

}  // namespace mote::cli
