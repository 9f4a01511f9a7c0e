#include "model_file.h"

#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

namespace mote::tools {

void MessageLog::write(void* user, const char* message) {
  static_cast<MessageLog*>(user)->messages_.emplace_back(message);
}

std::string MessageLog::joined() const {
  std::string out;
  for (const std::string& m : messages_) {
    if (!out.empty()) out += "\n";
    out += m;
  }
  return out;
}

bool read_file(const std::string& path, std::vector<uint8_t>* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("{}: cannot open file ({})", path, std::strerror(errno));
    return false;
  }
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *error = fmt::format("{}: read error", path);
    return false;
  }
  return true;
}

bool write_file(const std::string& path, const void* data, size_t size, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = fmt::format("{}: cannot create file ({})", path, std::strerror(errno));
    return false;
  }
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) {
    *error = fmt::format("{}: write error", path);
    return false;
  }
  return true;
}

std::unique_ptr<LoadedModel> load_model_bytes(const std::vector<uint8_t>& bytes,
                                              const std::string& name, std::string* error) {
  auto loaded = std::make_unique<LoadedModel>();
  loaded->path = name;
  loaded->storage.resize(bytes.size() + 16);
  const auto address = reinterpret_cast<uintptr_t>(loaded->storage.data());
  const size_t pad = (16 - address % 16) % 16;
  std::memcpy(loaded->storage.data() + pad, bytes.data(), bytes.size());
  loaded->bytes = loaded->storage.data() + pad;
  loaded->size = bytes.size();
  MessageLog log;
  const Status status = Model::load(loaded->bytes, loaded->size, log.reporter(), &loaded->model);
  if (status != Status::kOk) {
    *error =
        fmt::format("{}: {}", name, log.messages().empty() ? status_name(status) : log.joined());
    return nullptr;
  }
  return loaded;
}

std::unique_ptr<LoadedModel> load_model_file(const std::string& path, std::string* error) {
  std::vector<uint8_t> bytes;
  if (!read_file(path, &bytes, error)) return nullptr;
  return load_model_bytes(bytes, path, error);
}

}  // namespace mote::tools
