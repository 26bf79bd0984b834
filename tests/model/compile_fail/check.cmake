# ctest driver (cmake -P): compiling SOURCE must fail, and for the expected reason.
execute_process(
  COMMAND ${CXX} -std=c++20 -fsyntax-only -I${INCLUDE} -I${BUILD_INCLUDE} ${SOURCE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but the id types must not mix")
endif()
if(NOT err MATCHES "conversion from|cannot convert|no viable conversion")
  message(FATAL_ERROR "${SOURCE} failed for another reason:\n${err}")
endif()
message(STATUS "${SOURCE} does not compile, as required")
