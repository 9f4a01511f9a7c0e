#include "common.h"

#include <cstdio>
#include <filesystem>

#include <fmt/core.h>

namespace mote::cli {

int exit_code_for(Status status) {
  switch (status) {
    case Status::kOk:
      return kExitOk;
    case Status::kInvalidModel:
      return kExitInvalidModel;
    case Status::kUnsupported:
      return kExitUnsupported;
    case Status::kArenaTooSmall:
      return kExitArenaTooSmall;
    case Status::kEvalFailed:
      return kExitEvalFailed;
    default:
      return kExitFailure;
  }
}

void print_error(const std::string& message) { fmt::print(stderr, "mote: {}\n", message); }

std::unique_ptr<tools::LoadedModel> load_or_report(const std::string& path, int* exit_code) {
  std::string error;
  if (!std::filesystem::exists(path)) {
    print_error(fmt::format("{}: no such file", path));
    *exit_code = kExitFileError;
    return nullptr;
  }
  auto model = tools::load_model_file(path, &error);
  if (model == nullptr) {
    print_error(error);
    std::vector<uint8_t> bytes;
    std::string ignored;
    *exit_code = tools::read_file(path, &bytes, &ignored) ? kExitInvalidModel : kExitFileError;
  }
  return model;
}

std::unique_ptr<tools::PreparedModel> prepare_or_report(const tools::LoadedModel& model,
                                                        int* exit_code, std::string* error) {
  Status status = Status::kOk;
  auto prepared = tools::PreparedModel::create(model, error, &status);
  if (prepared == nullptr) {
    *exit_code = exit_code_for(status);
    print_error(fmt::format("{}: {}", model.path, *error));
  }
  return prepared;
}

}  // namespace mote::cli
