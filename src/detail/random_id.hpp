// Internal: random ids in hex, for whatever needs a name nobody else draws — a store's
// instance id, a commit id, the suffix of a temporary file.
#pragma once

#include <cstddef>
#include <string>

namespace archive::detail {

/// 2 × `bytes` lowercase hex digits of `bytes` random bytes from std::random_device.
std::string random_hex_id(std::size_t bytes);

}  // namespace archive::detail
