# ASan + UBSan for the host debug preset. Any finding aborts the test (no recovery), so CI fails.
if(MOTE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Coverage instrumentation for libFuzzer (clang only); the fuzz target itself links the driver.
if(MOTE_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
