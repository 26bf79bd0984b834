#include "detail/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "detail/random_id.hpp"

namespace archive::detail {

namespace {

// Writes all of `bytes`; 0, or the errno of the failing write.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const auto written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

// Fsyncs a directory, so a rename in it survives a crash; 0 or the errno.
int sync_directory(const std::filesystem::path& directory) {
  FileDescriptor fd(open_retrying(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) return errno;
  if (::fsync(fd.get()) != 0) return errno;
  return fd.close();
}

constexpr std::string_view kTempInfix = ".tmp-";
constexpr std::size_t kTempSuffixSize = 16;

bool is_temp_of(const std::string& name, const std::string& base) {
  if (name.size() != base.size() + kTempInfix.size() + kTempSuffixSize) return false;
  if (!name.starts_with(base) || name.compare(base.size(), kTempInfix.size(), kTempInfix) != 0) {
    return false;
  }
  for (std::size_t i = base.size() + kTempInfix.size(); i < name.size(); ++i) {
    const char c = name[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string errno_text(int error) {
  return std::generic_category().message(error);
}

Error io_error(const std::string& what, const std::string& path, int error) {
  return make_error(ErrorCode::io_error, what + " '" + path + "': " + errno_text(error));
}

int FileDescriptor::close() noexcept {
  if (fd_ < 0) return 0;
  const int result = ::close(std::exchange(fd_, -1));
  return result == 0 ? 0 : errno;
}

int open_retrying(const char* path, int flags, mode_t mode) {
  int fd;
  do {
    fd = ::open(path, flags, mode);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

std::filesystem::path directory_of(const std::string& path) {
  auto directory = std::filesystem::path(path).parent_path();
  return directory.empty() ? std::filesystem::path(".") : directory;
}

// What a file that is not a regular one is, for messages.
const char* file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

// The whole file at `path`; not_found when it does not exist. Only a regular file is read, and
// only as many bytes as it had when opened: a device (/dev/zero never ends), a FIFO (opening
// it waits for a writer) or a directory is refused with io_error before it is read, so a
// path that points somewhere odd can neither hang the caller nor fill its memory.
Result<std::string> read_file(const std::string& path, std::string_view what) {
  const std::string name = std::string(what) + " '" + path + "'";
  auto not_regular = [&](mode_t mode) {
    return make_error(ErrorCode::io_error,
                      name + " is not a regular file but " + file_type_name(mode) + ": not read");
  };
  // Checked before opening too: opening a device can have effects of its own.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int error = errno;
    if (error == ENOENT) return make_error(ErrorCode::not_found, name + " does not exist");
    return io_error("cannot open " + std::string(what), path, error);
  }
  if (!S_ISREG(info.st_mode)) return not_regular(info.st_mode);
  // O_NONBLOCK: should a FIFO have taken the file's place meanwhile, opening it does not wait.
  FileDescriptor fd(open_retrying(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (!fd) {
    const int error = errno;
    if (error == ENOENT) return make_error(ErrorCode::not_found, name + " does not exist");
    return io_error("cannot open " + std::string(what), path, error);
  }
  if (::fstat(fd.get(), &info) != 0)
    return io_error("cannot stat " + std::string(what), path, errno);
  if (!S_ISREG(info.st_mode)) return not_regular(info.st_mode);
  if (const int flags = ::fcntl(fd.get(), F_GETFL); flags >= 0) {
    static_cast<void>(::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK));
  }
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(info.st_size));
  std::size_t size = 0;
  while (size < bytes.size()) {
    const auto n = ::read(fd.get(), bytes.data() + size, bytes.size() - size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error("cannot read " + std::string(what), path, errno);
    }
    if (n == 0) break;  // it shrank meanwhile: what there is
    size += static_cast<std::size_t>(n);
  }
  bytes.resize(size);
  return bytes;
}

// Removes the PATH.tmp-<16 hex> files a crashed writer left. Only a writer holding the lock
// calls it, so no live writer is using them. A file that cannot be removed is left: it is
// harmless, and the store must still open in a directory it cannot write.
void remove_leftover_temps(const std::string& path) {
  const std::filesystem::path file(path);
  const auto base = file.filename().string();
  std::error_code ec;
  std::filesystem::directory_iterator it(directory_of(path), ec);
  for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (is_temp_of(name, base)) {
      std::error_code ignored;
      std::filesystem::remove(it->path(), ignored);
    }
  }
}

// Writes `bytes` to a new file beside `path` and renames it over `path`, durably. On
// failure `path` is untouched and the temporary file removed; `renamed` tells whether the
// rename happened (only the directory sync failed after it).
Result<void> replace_file(const std::string& path, std::string_view bytes, std::string_view what,
                          bool& renamed) {
  renamed = false;
  const auto temp = path + std::string(kTempInfix) + random_hex_id(kTempSuffixSize / 2);
  FileDescriptor fd(open_retrying(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
  if (!fd) return io_error("cannot create " + std::string(what), temp, errno);
  auto fail = [&](const std::string& message, int error) {
    fd.reset();
    ::unlink(temp.c_str());
    return io_error(message, temp, error);
  };
  if (int error = write_all(fd.get(), bytes); error != 0) {
    return fail("cannot write " + std::string(what), error);
  }
  if (::fsync(fd.get()) != 0) return fail("cannot sync " + std::string(what), errno);
  if (int error = fd.close(); error != 0) return fail("cannot close " + std::string(what), error);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return make_error(ErrorCode::io_error,
                      "cannot rename '" + temp + "' to '" + path + "': " + errno_text(error));
  }
  renamed = true;
  if (int error = sync_directory(directory_of(path)); error != 0) {
    return make_error(ErrorCode::io_error,
                      std::string(what) + " '" + path +
                          "' was replaced but its directory could not be synced (" +
                          errno_text(error) + "), so the batch may not survive a crash");
  }
  return {};
}

}  // namespace archive::detail
