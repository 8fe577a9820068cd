# DYAD_SANITIZE: every target with ASan and UBSan (docs/fuzzing.md). DYAD_FUZZ adds
# libFuzzer's coverage instrumentation (clang only); tests/fuzz links the fuzzers.
if(DYAD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "DYAD_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(DYAD_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(DYAD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
