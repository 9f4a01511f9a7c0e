// Runs shell commands from tests, as a user would type them: the CLI tests run the `mote` binary
// this build made (MOTE_CLI_PATH, defined by the test targets that run it).
#pragma once

#include <string>

namespace mote::testing {

struct CommandResult {
  int exit_code = -1;  // -1 when the command could not start or did not exit normally
  std::string output;  // stdout, and stderr when merged
};

// Runs `command` through /bin/sh; stderr joins stdout unless merge_stderr is false (then it is
// discarded, so that stdout stays parseable JSON).
CommandResult run_shell(const std::string& command, bool merge_stderr = true);

#ifdef MOTE_CLI_PATH
// Runs `mote ARGS`.
inline CommandResult mote(const std::string& args, bool merge_stderr = true) {
  return run_shell(std::string(MOTE_CLI_PATH) + " " + args, merge_stderr);
}
#endif

}  // namespace mote::testing
