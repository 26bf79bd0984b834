// Internal: whole-file reads, and writes that leave either the old file or the new one — never
// a torn one — even when the process or machine stops midway.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <span>
#include <vector>

#include "archive/error.hpp"

namespace archive::detail {

/// Writes the parts, in order, to a temporary file beside `path`, flushes it to the disk
/// (fsync), renames it over `path` and flushes the directory. On any failure the temporary
/// file is removed, `path` is untouched, and the error (io_error) names the file and errno.
[[nodiscard]] Result<void> write_file_atomically(
    const std::filesystem::path& path, std::initializer_list<std::span<const std::uint8_t>> parts);

/// The whole file; not_found when it does not exist, io_error when it cannot be read.
[[nodiscard]] Result<std::vector<std::uint8_t>> read_whole_file(const std::filesystem::path& path);

}  // namespace archive::detail
