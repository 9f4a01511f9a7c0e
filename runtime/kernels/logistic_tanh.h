// Prepare and Eval shared by LOGISTIC and TANH (kernels/logistic.cc, kernels/tanh.cc): the two
// ops validate the same things and differ only in the function applied and in two constants
// (see ref/logistic_tanh.h for the arithmetic).
#pragma once

#include <cstdint>

#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

enum class SigmoidFunction : uint8_t { kLogistic, kTanh };

Status prepare_logistic_tanh(PrepareContext& ctx, SigmoidFunction function);
Status eval_logistic_tanh(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
