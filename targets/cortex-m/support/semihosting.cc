#include "semihosting.h"

#include <cstring>

namespace mote::target::semihosting {
namespace {

// Operation numbers from the Arm semihosting specification.
constexpr uint32_t kSysOpen = 0x01;
constexpr uint32_t kSysClose = 0x02;
constexpr uint32_t kSysWrite0 = 0x04;
constexpr uint32_t kSysRead = 0x06;
constexpr uint32_t kSysFlen = 0x0C;
constexpr uint32_t kSysGetCmdline = 0x15;
constexpr uint32_t kSysExitExtended = 0x20;
constexpr uint32_t kAdpStoppedApplicationExit = 0x20026;
constexpr uint32_t kOpenModeReadBinary = 1;  // "rb"

uint32_t call(uint32_t operation, const void* argument) {
  register uint32_t r0 asm("r0") = operation;
  register const void* r1 asm("r1") = argument;
  // The host reads and writes memory through r1, so the compiler must not cache it.
  asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

}  // namespace

void write0(const char* text) { call(kSysWrite0, text); }

void exit(int status) {
  // SYS_EXIT_EXTENDED carries the status on 32-bit targets too (SYS_EXIT gives only 0 or 1).
  const uint32_t block[2] = {kAdpStoppedApplicationExit, static_cast<uint32_t>(status)};
  call(kSysExitExtended, block);
  for (;;) {
  }
}

bool command_line(char* buffer, size_t size) {
  uint32_t block[2] = {reinterpret_cast<uint32_t>(buffer), static_cast<uint32_t>(size)};
  return call(kSysGetCmdline, block) == 0;
}

int32_t read_file(const char* path, uint8_t* buffer, size_t size) {
  const uint32_t open_block[3] = {reinterpret_cast<uint32_t>(path), kOpenModeReadBinary,
                                  static_cast<uint32_t>(std::strlen(path))};
  const int32_t handle = static_cast<int32_t>(call(kSysOpen, open_block));
  if (handle < 0) return -1;
  const uint32_t handle_block[1] = {static_cast<uint32_t>(handle)};
  const int32_t length = static_cast<int32_t>(call(kSysFlen, handle_block));
  int32_t result = length;
  if (length < 0) {
    result = -1;
  } else if (static_cast<size_t>(length) > size) {
    result = -2;
  } else {
    const uint32_t read_block[3] = {static_cast<uint32_t>(handle),
                                    reinterpret_cast<uint32_t>(buffer),
                                    static_cast<uint32_t>(length)};
    // SYS_READ returns the number of bytes *not* read.
    if (call(kSysRead, read_block) != 0) result = -1;
  }
  call(kSysClose, handle_block);
  return result;
}

}  // namespace mote::target::semihosting
