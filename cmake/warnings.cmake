# Warnings are errors everywhere. `mote_set_warnings(target)` applies the project's set.
function(mote_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-qual -Wformat=2
    -Wmissing-declarations -Wundef -Werror)
endfunction()
