# Warnings are errors for the project's own code (applied per target by dvld_target_warnings).
function(dvld_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Werror)
  # -Wnull-dereference is left out: at -O2 and above it flags inlined Asio and shared_ptr code.
  # GCC 12 at -O3 reports std::string concatenation as overlapping memcpy (GCC bug 105329).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
