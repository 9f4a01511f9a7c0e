// The one block of memory the application hands to the interpreter, split in two:
//
//   base                                                                    base + size
//   | planned head: activations + scratch (offsets from the planner) | free | persistent tail |
//
// The persistent tail grows down from the end: the tensor-data table, node table, per-op data
// (quantization multipliers, shapes), variable tensors and the scratch table. It lives as long as
// the interpreter. The head is used twice: during prepare as temporary working memory (tensor
// lifetimes, scratch requests, planner records), then for the planned tensors. Allocation never
// calls the system allocator; failure returns nullptr and is remembered so prepare can turn it
// into Status::kArenaTooSmall with the number of bytes that would have been needed.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {

inline constexpr size_t kArenaAlignment = 16;  // of the arena base (and so of the head)
inline constexpr size_t kPersistentAlignment = 8;

class Arena {
 public:
  // Aligns `base` up to kArenaAlignment; the bytes skipped are reported by alignment_loss().
  void reset(uint8_t* base, size_t size);

  uint8_t* head() const { return base_; }
  size_t size() const { return size_; }
  size_t alignment_loss() const { return alignment_loss_; }

  // Persistent memory from the tail, zero-filled, aligned to kPersistentAlignment; its size is
  // rounded up to that alignment so that the total does not depend on the order of requests.
  void* allocate_persistent(size_t bytes);
  size_t persistent_used() const { return tail_used_; }
  void rollback_persistent(size_t used) { tail_used_ = used; }

  // Temporary memory from the head for prepare's working data, same rounding. Released all at
  // once with release_temporary(), or down to a mark with rollback_temporary().
  void* allocate_temporary(size_t bytes);
  size_t temporary_used() const { return head_used_; }
  size_t temporary_peak() const { return head_peak_; }
  void rollback_temporary(size_t used) { head_used_ = used; }

  bool failed() const { return failed_; }
  void clear_failure() { failed_ = false; }
  size_t free_bytes() const { return size_ - tail_used_ - head_used_; }

  static size_t round_up(size_t bytes) {
    return (bytes + kPersistentAlignment - 1) / kPersistentAlignment * kPersistentAlignment;
  }

 private:
  uint8_t* base_ = nullptr;
  size_t size_ = 0;
  size_t alignment_loss_ = 0;
  size_t tail_used_ = 0;
  size_t head_used_ = 0;
  size_t head_peak_ = 0;
  bool failed_ = false;
};

}  // namespace mote
