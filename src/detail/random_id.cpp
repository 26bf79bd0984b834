#include "detail/random_id.hpp"

#include <limits>
#include <random>

namespace archive::detail {

std::string random_hex_id(std::size_t bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  constexpr int kDigitsPerDraw = std::numeric_limits<std::random_device::result_type>::digits / 4;
  const std::size_t digits = 2 * bytes;
  std::random_device device;
  std::string id;
  id.reserve(digits);
  while (id.size() < digits) {
    auto bits = device();
    for (int j = 0; j < kDigitsPerDraw && id.size() < digits; ++j, bits >>= 4)
      id += kHex[bits & 0xF];
  }
  return id;
}

}  // namespace archive::detail
