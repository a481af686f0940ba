# ASan + UBSan for the dev and ci presets: memory errors and undefined behaviour fail the tests.
if(DVLD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
