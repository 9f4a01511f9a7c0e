// Arm semihosting: the debugger (here QEMU, -semihosting-config enable=on,target=native) does
// I/O on the target's behalf. Each call stops the core with BKPT 0xAB, so it is slow and only
// for output, results and loading files in tools; nothing here runs inside a measured region.
//
//   mote::target::semihosting::write0("hello\n");
//   mote::target::semihosting::exit(0);  // QEMU exits with this status
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote::target::semihosting {

// Writes a NUL-terminated string to the host's stdout.
void write0(const char* text);

// Ends the program; QEMU exits with `status` (0..255).
[[noreturn]] void exit(int status);

// The command line the host passes (QEMU: -semihosting-config ...,arg=A,arg=B gives "A B").
// Returns false when there is none or it does not fit.
bool command_line(char* buffer, size_t size);

// Reads a whole host file into `buffer`. Returns the file's size, or -1 when it cannot be opened
// or read, or -2 when it does not fit.
int32_t read_file(const char* path, uint8_t* buffer, size_t size);

}  // namespace mote::target::semihosting
