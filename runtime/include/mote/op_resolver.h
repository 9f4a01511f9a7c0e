// Which operator implementations an application links in.
//
// Register exactly the ops your model uses and the linker drops every other kernel:
//
//   mote::MutableOpResolver<3> resolver;
//   (void)resolver.add(mote::ops::kConv2D);   // returns kInvalidArgument when full
//   (void)resolver.add(mote::ops::kFullyConnected);
//   (void)resolver.add(mote::ops::kSoftmax);
//
// `mote export` generates this list for a model. Host tools use all_ops_resolver() (ops.h).
// A resolver holds pointers to OpKernels, which are constants in flash.
#pragma once

#include <cstdint>

#include "mote/op_kernel.h"
#include "mote/status.h"

namespace mote {

class OpResolver {
 public:
  constexpr OpResolver(const OpKernel* const* kernels, uint32_t count)
      : kernels_(kernels), count_(count) {}
  OpResolver(const OpResolver&) = delete;
  OpResolver& operator=(const OpResolver&) = delete;

  // The kernel for a builtin code (custom_name == nullptr) or a custom op name.
  const OpKernel* find(int32_t builtin_code, const char* custom_name) const;
  uint32_t size() const { return count_; }
  const OpKernel& at(uint32_t i) const { return *kernels_[i]; }

 protected:
  const OpKernel* const* kernels_;
  uint32_t count_;
};

template <uint32_t kCapacity>
class MutableOpResolver : public OpResolver {
 public:
  MutableOpResolver() : OpResolver(slots_, 0) {}

  Status add(const OpKernel& kernel) {
    if (count_ >= kCapacity) return Status::kInvalidArgument;
    if (find(kernel.builtin_code, kernel.custom_name) != nullptr) return Status::kInvalidArgument;
    slots_[count_++] = &kernel;
    return Status::kOk;
  }

 private:
  const OpKernel* slots_[kCapacity] = {};
};

}  // namespace mote
