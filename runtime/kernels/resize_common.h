// What RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR check alike in Prepare: an NHWC input of
// float32, int8 or int16, an output of the same type, and a constant int32 size [height, width].
#pragma once

#include "mote/op_kernel.h"

namespace mote::kernels {

// Validates the node and reads the new [height, width] from the constant size tensor.
Status prepare_resize(PrepareContext& ctx, int32_t new_size[2]);

}  // namespace mote::kernels
