// Loading a .tflite file from disk for host tools: the bytes (16-byte aligned, as on a device)
// plus the verified mote::Model view over them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "mote/model.h"

namespace mote::tools {

// Collects runtime reporter messages for host tools.
class MessageLog {
 public:
  const Reporter& reporter() const { return reporter_; }
  const std::vector<std::string>& messages() const { return messages_; }
  std::string joined() const;
  void clear() { messages_.clear(); }

 private:
  static void write(void* user, const char* message);
  std::vector<std::string> messages_;
  Reporter reporter_{&MessageLog::write, this};
};

struct LoadedModel {
  std::string path;
  std::vector<uint8_t> storage;  // over-allocated so that `bytes` can be 16-byte aligned
  const uint8_t* bytes = nullptr;
  size_t size = 0;
  Model model;
};

// Reads and verifies `path`. On failure returns nullptr and sets *error to a message naming the
// file and the problem (missing file, unreadable, or the verifier's reason).
std::unique_ptr<LoadedModel> load_model_file(const std::string& path, std::string* error);

// Same, from bytes already in memory (copied).
std::unique_ptr<LoadedModel> load_model_bytes(const std::vector<uint8_t>& bytes,
                                              const std::string& name, std::string* error);

// Whole file as bytes; false (and *error) when it cannot be read.
bool read_file(const std::string& path, std::vector<uint8_t>* out, std::string* error);
bool write_file(const std::string& path, const void* data, size_t size, std::string* error);

}  // namespace mote::tools
