// Multiply-accumulate counts per operator, from tensor shapes, as TFLM's baselines count them
// (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED; plus TRANSPOSE_CONV, SVDF and LSTM, which the
// baselines' models do not have).
#pragma once

#include <cstdint>

#include "mote/model.h"

namespace mote::tools {

int64_t count_macs(const Model& model, const OperatorDesc& op);

}  // namespace mote::tools
