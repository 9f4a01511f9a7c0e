// Prepare and Eval shared by RELU_N1_TO_1 and RELU_0_TO_1 (relu_n1_to_1.cc, relu_0_to_1.cc):
// float32, int8 and uint8, as TFLite (TFLM has neither op). See ref/relu_x.h.
#pragma once

#include "kernels/ref/relu_x.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

Status prepare_relu_x(PrepareContext& ctx, ref::ReluRange range);
Status eval_relu_x(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
