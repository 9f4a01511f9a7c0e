// Prepare and Eval shared by the elementwise unary math ops (abs.cc, ceil.cc, cos.cc, exp.cc,
// floor.cc, log.cc, neg.cc, round.cc, rsqrt.cc, sin.cc, sqrt.cc, square.cc): one input and one
// output of the same type and shape. Every op runs float32; as in TFLM, ABS also runs int8 and
// int16 (quantized, or int16 without quantization) and RSQRT also runs int8. The arithmetic is
// in ref/unary_math.h.
#pragma once

#include "kernels/ref/unary_math.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

Status prepare_unary_math(PrepareContext& ctx, ref::UnaryMath op);
Status eval_unary_math(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
