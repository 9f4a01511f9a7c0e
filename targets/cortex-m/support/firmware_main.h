// The entry point every firmware image defines. The reset handler (startup/startup.cc) calls
// it once memory is set up and ends the QEMU run with its return value as the exit status
// (0: success). It is not `main`, which C++ does not allow a program to call.
#pragma once

int firmware_main();
