// edtf_generate [count] [seed]: prints `count` (default 100,000) EDTF strings of the mix in
// edtf_mix.hpp, one a line, for the comparison with edtf.js (run.sh). Every string is checked
// with parse_edtf; the program fails if one does not parse.
#include <archive/date.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "edtf_mix.hpp"

int main(int argc, char** argv) {
  const auto count =
      static_cast<std::size_t>(argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000);
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : edtf_mix::kSeed;
  std::string out;
  for (const std::string& s : edtf_mix::generate(count, seed)) {
    if (auto parsed = archive::parse_edtf(s); !parsed) {
      std::fprintf(stderr, "edtf_generate: %s does not parse: %s\n", s.c_str(),
                   parsed.error().describe().c_str());
      return 1;
    }
    out += s;
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
