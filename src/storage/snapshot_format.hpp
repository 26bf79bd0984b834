// The snapshot file format (docs/snapshot.md): every record of a store in one Boost.Serialization
// text archive, wrapped in a frame of our own that names the file, its format version, the
// store's generation and instance id, the payload's length and, at the end, a checksum — so a
// truncated, damaged or foreign file is recognised before its payload is parsed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "archive/model/records.hpp"
#include "versioned_records.hpp"

namespace archive::detail::snapshot {

/// The frame format this build writes and the newest it reads. Class versions
/// (BOOST_CLASS_VERSION) cover added fields; this number changes when the frame or the
/// payload's layout does.
inline constexpr std::uint32_t kFormatVersion = 1;

/// The first line of every snapshot file.
inline constexpr std::string_view kMagic = "archive-snapshot\n";

/// What a snapshot file holds.
struct Contents {
  std::uint64_t generation = 0;
  std::string instance_id;
  Records records;
};

/// The whole file for `state` (every record, kind by kind in id order) at `generation`.
/// internal when serializing fails (out of memory); nothing throws.
Result<std::string> encode(const VersionedRecords::State& state, std::uint64_t generation,
                           const std::string& instance_id);

/// The contents of a file's bytes; `path` names the file in messages. corrupt for a foreign,
/// truncated or damaged file; unsupported for a file from a newer format, class version or
/// Boost.Serialization library. Nothing throws.
Result<Contents> decode(std::string_view bytes, const std::string& path);

/// The commit id (StoreState) of the state a whole, checked file holds: its checksum's 16 hex
/// digits. Empty for bytes that do not end in a checksum line.
std::string commit_id_of(std::string_view file);

/// 64-bit FNV-1a of `bytes`: the frame's checksum.
std::uint64_t fnv1a64(std::string_view bytes) noexcept;

}  // namespace archive::detail::snapshot
