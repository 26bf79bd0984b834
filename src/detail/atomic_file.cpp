#include "detail/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

namespace archive::detail {

namespace {

Error os_error(const std::string& what, const std::filesystem::path& path, int err) {
  return make_error(err == ENOENT ? ErrorCode::not_found : ErrorCode::io_error,
                    what + " " + path.string() + ": " + std::strerror(err));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

}  // namespace

Result<void> write_file_atomically(const std::filesystem::path& path,
                                   std::initializer_list<std::span<const std::uint8_t>> parts) {
  std::random_device random;
  auto tmp = path;
  tmp += ".tmp-" + std::to_string(random()) + std::to_string(random());
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return os_error("cannot create", tmp, errno);
  auto fail = [&](const std::string& what) -> Result<void> {
    const int err = errno;
    ::close(fd.release());
    ::unlink(tmp.c_str());
    return os_error(what, tmp, err);
  };
  for (const auto& part : parts) {
    const auto* p = part.data();
    std::size_t left = part.size();
    while (left > 0) {
      const auto n = ::write(fd.get(), p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        return fail("cannot write");
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
  }
  if (::fsync(fd.get()) != 0) return fail("cannot flush");
  if (::close(fd.release()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return os_error("cannot close", tmp, err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return os_error("cannot rename into", path, err);
  }
  auto dir = path.parent_path();
  if (dir.empty()) dir = ".";
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() >= 0) (void)::fsync(dir_fd.get());  // best effort: some filesystems refuse
  return {};
}

Result<std::vector<std::uint8_t>> read_whole_file(const std::filesystem::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return os_error("cannot open", path, errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return os_error("cannot stat", path, errno);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (got < bytes.size()) {
    const auto n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return os_error("cannot read", path, errno);
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

}  // namespace archive::detail
