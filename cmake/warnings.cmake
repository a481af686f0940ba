# Warnings are errors for the project's own code (applied per target by dvld_target_warnings).
function(dvld_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Werror)
endfunction()
