// Status codes returned by every fallible call in the Mote runtime.
//
// The runtime never throws and never aborts: a failure is a Status, and the human-readable reason
// goes to the Reporter the application supplied (see reporter.h). `Status` is [[nodiscard]], so a
// caller that drops one gets a compiler warning (an error in this project).
//
//   mote::Status s = interpreter.prepare();
//   if (s != mote::Status::kOk) { /* the reporter already has the reason */ }
#pragma once

#include <cstdint>

namespace mote {

enum class [[nodiscard]] Status : uint8_t{
    kOk = 0,
    kInvalidModel,     // the file is not a well-formed TFLite model (bounds, indices, sizes)
    kUnsupported,      // well-formed, but uses an op, type or feature Mote does not run
    kArenaTooSmall,    // the arena cannot hold what prepare needs; see ArenaUsage::required
    kInvalidArgument,  // API misuse (bad index, null buffer, wrong state)
    kNotPrepared,      // invoke() or a tensor accessor called before a successful prepare()
    kEvalFailed,       // a kernel rejected data at run time (e.g. an index out of range)
};

// Short stable name of a status ("ok", "invalid_model", ...), for logs and JSON. gnu::const, as
// type_name (types.h): unused calls, such as stripped message arguments, cost no flash.
[[gnu::const]] const char* status_name(Status status);

}  // namespace mote

// Propagates a non-OK status to the caller. The one macro in the runtime: without exceptions,
// early return is the only way to keep every callee's status from being dropped.
#define MOTE_TRY(expr)                              \
  do {                                              \
    const ::mote::Status mote_try_status_ = (expr); \
    if (mote_try_status_ != ::mote::Status::kOk) {  \
      return mote_try_status_;                      \
    }                                               \
  } while (false)
