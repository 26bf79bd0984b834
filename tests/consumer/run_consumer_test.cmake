# ctest driver (cmake -P): install the build into a fresh prefix, then configure, build and
# run tests/consumer against that prefix only. Any step failing fails the test.
foreach(var ARCHIVE_BUILD_DIR ARCHIVE_CONSUMER_SOURCE_DIR ARCHIVE_WORK_DIR CMAKE_CXX_COMPILER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_consumer_test.cmake: ${var} is not set")
  endif()
endforeach()

set(prefix "${ARCHIVE_WORK_DIR}/prefix")
set(build "${ARCHIVE_WORK_DIR}/build")
file(REMOVE_RECURSE "${ARCHIVE_WORK_DIR}")

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer test: ${what} failed (${rc})\n${out}\n${err}")
  endif()
  message(STATUS "consumer test: ${what}: ok")
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

run_step("install into ${prefix}"
  "${CMAKE_COMMAND}" --install "${ARCHIVE_BUILD_DIR}" --prefix "${prefix}")

foreach(f include/archive/error.hpp include/archive/version.hpp include/archive/export.hpp)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "consumer test: ${f} was not installed")
  endif()
endforeach()
file(GLOB_RECURSE licence_files "${prefix}/share/doc/*/LICENSE")
if(NOT licence_files)
  message(FATAL_ERROR "consumer test: the LICENSE was not installed under share/doc")
endif()
file(GLOB_RECURSE pc_files "${prefix}/*/archive.pc")
if(NOT pc_files)
  message(FATAL_ERROR "consumer test: archive.pc was not installed")
endif()
file(GLOB_RECURSE plain_libarchive "${prefix}/*/libarchive.a" "${prefix}/*/libarchive.so*")
if(plain_libarchive)
  message(FATAL_ERROR "consumer test: the library is named plain libarchive: ${plain_libarchive}")
endif()

set(generator_args)
if(CMAKE_GENERATOR)
  set(generator_args -G "${CMAKE_GENERATOR}")
endif()
# Only the fresh prefix is searched, so a stale system install cannot satisfy find_package.
run_step("configure the consumer project"
  "${CMAKE_COMMAND}" -S "${ARCHIVE_CONSUMER_SOURCE_DIR}" -B "${build}" ${generator_args}
    "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF"
    "-DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF"
    "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
    "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}"
    "-DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}")
run_step("build the consumer project" "${CMAKE_COMMAND}" --build "${build}")

find_program(consumer_exe consumer PATHS "${build}" NO_DEFAULT_PATH)
if(NOT consumer_exe)
  message(FATAL_ERROR "consumer test: the consumer program was not built")
endif()
run_step("run the consumer program" "${consumer_exe}")
message(STATUS "${step_output}")

# pkg-config must describe the same library.
find_program(PKG_CONFIG_EXECUTABLE pkg-config)
if(PKG_CONFIG_EXECUTABLE)
  get_filename_component(pc_dir "${pc_files}" DIRECTORY)
  set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
  run_step("pkg-config --modversion archive" "${PKG_CONFIG_EXECUTABLE}" --modversion archive)
  string(STRIP "${step_output}" pc_version)
  run_step("pkg-config --variable=includedir archive" "${PKG_CONFIG_EXECUTABLE}"
    --variable=includedir archive)
  string(STRIP "${step_output}" pc_includedir)
  if(NOT EXISTS "${pc_includedir}/archive/version.hpp")
    message(FATAL_ERROR "consumer test: archive.pc's includedir ${pc_includedir} has no archive/version.hpp")
  endif()
  run_step("read the installed version header" "${CMAKE_COMMAND}" -E cat "${prefix}/include/archive/version.hpp")
  if(NOT step_output MATCHES "ARCHIVE_VERSION_STRING \"${pc_version}\"")
    message(FATAL_ERROR "consumer test: archive.pc version ${pc_version} differs from version.hpp")
  endif()
endif()
