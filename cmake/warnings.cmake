# Warnings for our own targets only (third-party headers are included as SYSTEM).
function(dyad_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()
