// Internal: files written whole and durably. A file is replaced by writing a temporary file
// beside it (PATH.tmp-<16 hex>), fsyncing it, renaming it over PATH and fsyncing the
// directory, so a crash leaves the old file or the new one, never a torn one. Shared by the
// snapshot backend and the index kept beside a catalog.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "archive/error.hpp"

namespace archive::detail {

/// The text of an errno value.
std::string errno_text(int error);

/// io_error: "WHAT 'PATH': reason".
Error io_error(const std::string& what, const std::string& path, int error);

/// Closes a descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd = -1) noexcept : fd_(fd) {}
  ~FileDescriptor() { reset(); }
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  [[nodiscard]] int get() const noexcept { return fd_; }
  [[nodiscard]] explicit operator bool() const noexcept { return fd_ >= 0; }
  /// Closes now; the errno of a failed close(), or 0.
  int close() noexcept;
  void reset() noexcept { static_cast<void>(close()); }

 private:
  int fd_;
};

/// open(2), retried on EINTR.
int open_retrying(const char* path, int flags, mode_t mode = 0);

/// The directory a file is in ("." for a bare name).
std::filesystem::path directory_of(const std::string& path);

/// The whole file at `path`; not_found when it does not exist, io_error otherwise. `what`
/// names the file in messages ("snapshot file"). Only a regular file is read (a symlink is
/// followed to one), and at most the size it had when opened: a device, FIFO, socket or
/// directory is io_error ("… is not a regular file but a FIFO: not read"), never waited on.
Result<std::string> read_file(const std::string& path, std::string_view what);

/// Replaces `path` with `bytes`, durably (see above). On failure `path` is untouched and the
/// temporary file removed; `renamed` tells whether the rename happened (then only the
/// directory sync failed after it, and the new file may not survive a crash).
Result<void> replace_file(const std::string& path, std::string_view bytes, std::string_view what,
                          bool& renamed);

/// Removes the PATH.tmp-<16 hex> files a crashed writer left beside `path`. Call it only
/// where no other writer can be writing one. A file that cannot be removed is left.
void remove_leftover_temps(const std::string& path);

}  // namespace archive::detail
