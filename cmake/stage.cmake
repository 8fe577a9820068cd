# dyad_stage(NAME DEPS ...): a static library dyad_NAME built from every .cc in the
# calling folder, with include/ (public API) and src/ (stage headers) on its path.
function(dyad_stage name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cc")
  if(NOT sources)  # a stage whose sources are still to come: headers only
    add_library(dyad_${name} INTERFACE)
    target_include_directories(dyad_${name} INTERFACE "${CMAKE_SOURCE_DIR}/include" "${CMAKE_SOURCE_DIR}/src")
    target_link_libraries(dyad_${name} INTERFACE ${ARG_DEPS})
    return()
  endif()
  add_library(dyad_${name} STATIC ${sources})
  target_include_directories(dyad_${name} PUBLIC "${CMAKE_SOURCE_DIR}/include" "${CMAKE_SOURCE_DIR}/src")
  target_link_libraries(dyad_${name} PUBLIC ${ARG_DEPS})
  target_compile_definitions(dyad_${name} PUBLIC DYAD_DATA_DIR="${CMAKE_SOURCE_DIR}/data" DYAD_VERSION="${PROJECT_VERSION}")
  dyad_warnings(dyad_${name})
  set_property(GLOBAL APPEND PROPERTY DYAD_STAGE_LIBS dyad_${name})
endfunction()

# dyad_unit_test(NAME DEPS ...): one GoogleTest program from every *_test.cc in the
# calling folder, registered with CTest. Tests find shared/ through DYAD_SHARED_DIR.
function(dyad_unit_test name)
  cmake_parse_arguments(ARG "" "" "DEPS;LABELS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc")
  if(NOT sources)
    return()
  endif()
  add_executable(${name}_test ${sources})
  target_link_libraries(${name}_test PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_include_directories(${name}_test PRIVATE "${CMAKE_SOURCE_DIR}/tests")  # scratch_dir.h
  target_compile_definitions(${name}_test PRIVATE DYAD_SHARED_DIR="${DYAD_SHARED_DIR}"
      DYAD_SOURCE_DIR="${CMAKE_SOURCE_DIR}" DYAD_BINARY_DIR="${CMAKE_BINARY_DIR}")
  dyad_warnings(${name}_test)
  include(GoogleTest)
  gtest_discover_tests(${name}_test DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${ARG_LABELS}")
endfunction()

