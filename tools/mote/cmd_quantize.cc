// PLACEHOLDER: `mote quantize` is not implemented yet. Replace this whole file.
#include "commands.h"

namespace mote::cli {

void register_quantize(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("quantize", "Post-training quantization of a float model (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([exit_code] { *exit_code = kExitFailure; });
}

}  // namespace mote::cli
