// What AVERAGE_POOL_2D and MAX_POOL_2D share: one Prepare (TFLM's PoolingPrepare) and the op data
// it fills. Only Eval differs between the two ops.
#pragma once

#include "kernels/opt/pooling_opt.h"
#include "kernels/ref/pooling.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

struct Pool2DData {
  ref::PoolGeometry geometry;
  TensorType type = TensorType::kFloat32;  // input and output (float32, int8 or int16)
  float activation_min_f32 = 0.0f;
  float activation_max_f32 = 0.0f;
  int32_t activation_min = 0;  // quantized clamp, in the output's domain
  int32_t activation_max = 0;
  opt::PoolS8Variant s8_variant = opt::PoolS8Variant::kReference;  // int8 only
};

enum class PoolKind : uint8_t { kAverage, kMax };

// Validates a pooling node (one NHWC input of rank 4, Pool2DOptions, the output shape TFLite
// computes for the padding, shared quantization for int8/int16) and sets its Pool2DData,
// including the int8 kernel variant for `kind`.
Status prepare_pool2d(PrepareContext& ctx, PoolKind kind);

}  // namespace kernels
}  // namespace mote
