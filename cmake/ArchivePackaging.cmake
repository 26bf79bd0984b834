# Install rules, the exported archive:: targets, archiveConfig.cmake, its version file and
# archive.pc.
include(CMakePackageConfigHelpers)

set(ARCHIVE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/archive")

install(TARGETS archive EXPORT archiveTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/archive"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY "${PROJECT_BINARY_DIR}/include/archive"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
# The code's licence (MIT) travels with the package.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(EXPORT archiveTargets
  NAMESPACE archive::
  FILE archiveTargets.cmake
  DESTINATION ${ARCHIVE_CMAKE_DIR})

get_target_property(ARCHIVE_LIBRARY_TYPE archive TYPE)
if(ARCHIVE_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(ARCHIVE_STATIC ON)
else()
  set(ARCHIVE_STATIC OFF)
endif()

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/archiveConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/archiveConfig.cmake"
  INSTALL_DESTINATION ${ARCHIVE_CMAKE_DIR})
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/archiveConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/archiveConfig.cmake"
  "${PROJECT_BINARY_DIR}/archiveConfigVersion.cmake"
  DESTINATION ${ARCHIVE_CMAKE_DIR})

# pkg-config: a static build lists its private dependencies in Requires.private/Libs.private.
# The file is relocatable: its prefix is found from its own location (${pcfiledir}).
get_target_property(ARCHIVE_OUTPUT_NAME archive OUTPUT_NAME)
file(RELATIVE_PATH ARCHIVE_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" ARCHIVE_PC_TO_PREFIX "${ARCHIVE_PC_TO_PREFIX}")
set(ARCHIVE_PC_LIBS_PRIVATE "-lboost_serialization")
set(ARCHIVE_PC_REQUIRES_PQ "")
if(ARCHIVE_WITH_POSTGRESQL)
  set(ARCHIVE_PC_REQUIRES_PQ " libpq")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/archive.pc.in" "${PROJECT_BINARY_DIR}/archive.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/archive.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
