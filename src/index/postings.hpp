// Internal: compressed postings. One list per term; per document, in ascending document
// order:
//   varint(document - previous document)   (the first: the document number itself)
//   varint(weighted frequency)              (occurrences times their field weights)
//   varint(byte length of the positions)    (so a reader that wants none skips them at once)
//   varint(position - previous position)…   (the first: the position itself)
// LEB128 varints: 7 bits per byte, high bit set on all but the last byte.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace archive::detail {

inline void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

/// Decodes a varint at p (advancing it). Precondition: a complete varint before `end`; a
/// truncated one stops at `end` (callers that read untrusted bytes check positions first).
inline std::uint64_t get_varint(const std::uint8_t*& p, const std::uint8_t* end) noexcept {
  std::uint64_t v = 0;
  for (unsigned shift = 0; p < end && shift < 64; shift += 7) {
    const auto b = *p++;
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (b < 0x80) break;
  }
  return v;
}

/// Writes a varint at `out` (room for varint_size(v) bytes) and returns the end.
inline std::uint8_t* write_varint(std::uint8_t* out, std::uint64_t v) noexcept {
  while (v >= 0x80) {
    *out++ = static_cast<std::uint8_t>(v | 0x80);
    v >>= 7;
  }
  *out++ = static_cast<std::uint8_t>(v);
  return out;
}

inline std::size_t varint_size(std::uint64_t v) noexcept {
  std::size_t n = 1;
  while (v >= 0x80)
    v >>= 7, ++n;
  return n;
}

class PostingList {
 public:
  /// Appends a document's entry. Precondition: `document` greater than every one before.
  void append(std::uint32_t document, std::uint32_t weighted_frequency,
              std::span<const std::uint32_t> positions) {
    const std::uint32_t delta = count_ == 0 ? document : document - last_;
    std::size_t length = 0;
    std::uint32_t previous = 0;
    for (auto p : positions)
      length += varint_size(p - previous), previous = p;
    // Grow once, then write in place (no byte-by-byte push_back).
    const auto at = bytes_.size();
    bytes_.resize(at + varint_size(delta) + varint_size(weighted_frequency) + varint_size(length) +
                  length);
    std::uint8_t* out = bytes_.data() + at;
    out = write_varint(out, delta);
    out = write_varint(out, weighted_frequency);
    out = write_varint(out, length);
    previous = 0;
    for (auto p : positions)
      out = write_varint(out, p - previous), previous = p;
    last_ = document;
    ++count_;
  }

  class Cursor {
   public:
    /// Entries in `first`, then in `second` (a loaded list and what was appended since).
    Cursor(std::span<const std::uint8_t> first, std::span<const std::uint8_t> second)
        : p_(first.data()),
          end_(first.data() + first.size()),
          second_(second.data()),
          second_end_(second.data() + second.size()) {
      next();
    }
    [[nodiscard]] bool done() const noexcept { return done_; }
    [[nodiscard]] std::uint32_t document() const noexcept { return document_; }
    [[nodiscard]] std::uint32_t weighted_frequency() const noexcept { return frequency_; }
    template <class F>
    void for_each_position(F&& f) const {
      const std::uint8_t* p = positions_;
      std::uint32_t position = 0;
      while (p < positions_end_) {
        position += static_cast<std::uint32_t>(get_varint(p, positions_end_));
        f(position);
      }
    }
    void next() noexcept {
      if (p_ >= end_) {
        if (second_ == second_end_) {
          done_ = true;
          return;
        }
        p_ = std::exchange(second_, second_end_);
        end_ = second_end_;
      }
      const auto delta = static_cast<std::uint32_t>(get_varint(p_, end_));
      document_ = first_ ? delta : document_ + delta;
      first_ = false;
      frequency_ = static_cast<std::uint32_t>(get_varint(p_, end_));
      const auto length = get_varint(p_, end_);
      positions_ = p_;
      p_ += std::min<std::uint64_t>(length, static_cast<std::uint64_t>(end_ - p_));
      positions_end_ = p_;
    }

   private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
    const std::uint8_t* second_;
    const std::uint8_t* second_end_;
    const std::uint8_t* positions_ = nullptr;
    const std::uint8_t* positions_end_ = nullptr;
    std::uint32_t document_ = 0;
    std::uint32_t frequency_ = 0;
    bool first_ = true;
    bool done_ = false;
  };

  [[nodiscard]] Cursor begin() const { return Cursor(loaded_, bytes_); }
  [[nodiscard]] std::uint32_t document_count() const noexcept { return count_; }
  [[nodiscard]] std::size_t size_bytes() const noexcept { return loaded_.size() + bytes_.size(); }
  /// Memory of its own (the loaded part belongs to the index file's buffer).
  [[nodiscard]] std::size_t capacity_bytes() const noexcept { return bytes_.capacity(); }
  /// The encoded entries, in two parts: loaded from a file, and appended since.
  [[nodiscard]] std::span<const std::uint8_t> loaded_bytes() const noexcept { return loaded_; }
  [[nodiscard]] std::span<const std::uint8_t> appended_bytes() const noexcept { return bytes_; }

  /// A list over saved entries (the index file's bytes, which must outlive it), without
  /// copying them; appends go after them. Decoding is bounds-checked whatever the bytes.
  static PostingList from_saved(std::span<const std::uint8_t> bytes, std::uint32_t count,
                                std::uint32_t last) {
    PostingList list;
    list.loaded_ = bytes;
    list.count_ = count;
    list.last_ = last;
    return list;
  }
  [[nodiscard]] std::uint32_t last_document() const noexcept { return last_; }

 private:
  std::span<const std::uint8_t> loaded_;
  std::vector<std::uint8_t> bytes_;
  std::uint32_t count_ = 0;
  std::uint32_t last_ = 0;
};

}  // namespace archive::detail
