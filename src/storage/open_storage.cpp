// open_storage(): from an address to a backend.
#include <string>

#include "backends.hpp"

namespace archive {

namespace {

Error bad_address(std::string_view address, std::string why) {
  return make_error(ErrorCode::invalid_argument,
                    "bad storage address '" + std::string(address) + "': " + std::move(why));
}

Result<std::string> path_of(std::string_view address, std::string_view path) {
  if (path.empty()) return bad_address(address, "the path is empty");
  if (path.find('\0') != std::string_view::npos) {
    return bad_address(address, "the path contains a NUL byte");
  }
  return std::string(path);
}

}  // namespace

namespace detail {

std::optional<std::string_view> address_scheme(std::string_view address) {
  // RFC 3986 scheme: a letter, then letters, digits, '+', '-' or '.', then ':'.
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (address.empty() || !letter(address[0])) return std::nullopt;
  for (std::size_t i = 1; i < address.size(); ++i) {
    const char c = address[i];
    if (c == ':') return address.substr(0, i);
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') break;
  }
  return std::nullopt;
}

}  // namespace detail

Result<std::unique_ptr<Storage>> open_storage(std::string_view address,
                                              const StorageOptions& options) {
  if (address.empty()) {
    return bad_address(address,
                       "empty (expected memory:, sqlite:PATH, snapshot:PATH, postgresql://… "
                       "or a file path)");
  }
  const auto scheme_of = detail::address_scheme(address);
  if (!scheme_of) {
    auto path = path_of(address, address);
    if (!path) return std::move(path).error();
    return detail::open_sqlite_storage(*path, options);
  }
  const auto scheme = *scheme_of;
  const auto rest = address.substr(scheme.size() + 1);
  if (scheme == "memory") {
    if (!rest.empty()) return bad_address(address, "memory: takes nothing after the colon");
    if (options.read_only) {
      return make_error(ErrorCode::invalid_argument,
                        "a memory: store cannot be opened read-only (it starts empty)");
    }
    return detail::open_memory_storage();
  }
  if (scheme == "sqlite" || scheme == "snapshot") {
    auto path = path_of(address, rest);
    if (!path) return std::move(path).error();
    return scheme == "sqlite" ? detail::open_sqlite_storage(*path, options)
                              : detail::open_snapshot_storage(*path, options);
  }
  if (scheme == "postgresql" || scheme == "postgres") {
    if (!rest.starts_with("//")) {
      return bad_address(address, "a PostgreSQL address is a URI: postgresql://[user@]host/db");
    }
    return detail::open_postgresql_storage(std::string(address), options);
  }
  return bad_address(address, "unknown scheme '" + std::string(scheme) +
                                  ":' (expected memory:, sqlite:, snapshot: or postgresql://)");
}

}  // namespace archive
