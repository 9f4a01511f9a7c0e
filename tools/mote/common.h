// Helpers shared by the subcommands: loading and preparing with error reporting, exit codes.
#pragma once

#include <memory>
#include <string>

#include "commands.h"
#include "model_file.h"
#include "mote/status.h"
#include "prepared_model.h"

namespace mote::cli {

int exit_code_for(Status status);

// Loads MODEL or prints "mote: <reason>" to stderr and sets *exit_code.
std::unique_ptr<tools::LoadedModel> load_or_report(const std::string& path, int* exit_code);

// Prepares with the exactly-sized arena, or prints the runtime's reason and sets *exit_code.
std::unique_ptr<tools::PreparedModel> prepare_or_report(const tools::LoadedModel& model,
                                                        int* exit_code, std::string* error);

void print_error(const std::string& message);

}  // namespace mote::cli
