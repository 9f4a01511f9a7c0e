#include "memory/arena.h"

#include <cstring>

namespace mote {

void Arena::reset(uint8_t* base, size_t size) {
  const uintptr_t address = reinterpret_cast<uintptr_t>(base);
  const uintptr_t aligned = (address + kArenaAlignment - 1) / kArenaAlignment * kArenaAlignment;
  alignment_loss_ = static_cast<size_t>(aligned - address);
  if (base == nullptr || alignment_loss_ > size) {
    base_ = nullptr;
    size_ = 0;
  } else {
    base_ = reinterpret_cast<uint8_t*>(aligned);
    size_ = size - alignment_loss_;
  }
  // Keep the usable size a multiple of the persistent alignment so tail blocks stay aligned.
  size_ = size_ / kPersistentAlignment * kPersistentAlignment;
  tail_used_ = 0;
  head_used_ = 0;
  head_peak_ = 0;
  failed_ = false;
}

void* Arena::allocate_persistent(size_t bytes) {
  const size_t rounded = round_up(bytes);
  if (rounded > free_bytes()) {
    failed_ = true;
    return nullptr;
  }
  tail_used_ += rounded;
  uint8_t* block = base_ + size_ - tail_used_;
  std::memset(block, 0, rounded);
  return block;
}

void* Arena::allocate_temporary(size_t bytes) {
  const size_t rounded = round_up(bytes);
  if (rounded > free_bytes()) {
    failed_ = true;
    return nullptr;
  }
  uint8_t* block = base_ + head_used_;
  head_used_ += rounded;
  if (head_used_ > head_peak_) head_peak_ = head_used_;
  std::memset(block, 0, rounded);
  return block;
}

}  // namespace mote
