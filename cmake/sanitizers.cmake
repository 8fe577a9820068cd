# DYAD_SANITIZE: every target with ASan and UBSan (docs/fuzzing.md). DYAD_FUZZ adds
# libFuzzer's coverage instrumentation (clang only); tests/fuzz links the fuzzers.
if(DYAD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "DYAD_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(DYAD_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
# _GLIBCXX_ASSERTIONS adds libstdc++'s bounds checks (operator[], front(), back() of vectors and
# strings), which see an index past size() but inside capacity, where ASan sees nothing.
if(DYAD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
                      -D_GLIBCXX_ASSERTIONS)
  add_link_options(-fsanitize=address,undefined)
endif()
