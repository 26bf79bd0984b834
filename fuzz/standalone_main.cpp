// Driver for fuzz targets when libFuzzer is not available (compilers other than clang): runs
// every seed file given (files or directories), then random mutations of them for the given
// time budget. Usage: TARGET [--seconds=N] [--seed=N] PATH...
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::string> load_seeds(const std::vector<std::string>& paths) {
  std::vector<std::string> seeds;
  auto add_file = [&](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) add_file(entry.path());
      }
    } else {
      add_file(path);
    }
  }
  return seeds;
}

void run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 5;
  std::uint64_t seed = 20261127;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--seconds=", 0) == 0) {
      seconds = std::stod(arg.substr(10));
    } else if (arg.rfind("--seed=", 0) == 0) {
      seed = std::stoull(arg.substr(7));
    } else {
      paths.push_back(arg);
    }
  }
  std::vector<std::string> seeds = load_seeds(paths);
  for (const std::string& s : seeds)
    run(s);
  if (seeds.empty()) seeds.emplace_back();

  std::mt19937_64 rng(seed);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  std::size_t runs = seeds.size();
  std::string input;
  while (std::chrono::steady_clock::now() < deadline) {
    input = seeds[rng() % seeds.size()];
    const int mutations = 1 + static_cast<int>(rng() % 8);
    for (int m = 0; m < mutations; ++m) {
      const std::size_t pos = input.empty() ? 0 : rng() % (input.size() + 1);
      switch (rng() % 5) {
        case 0:
          input.insert(pos, 1, static_cast<char>(rng()));
          break;  // random byte
        case 1:
          if (pos < input.size()) input.erase(pos, 1);
          break;  // delete
        case 2:
          if (pos < input.size()) input[pos] = static_cast<char>(rng());
          break;
        case 3:
          input.insert(pos, seeds[rng() % seeds.size()]);
          break;  // splice
        default:
          input.resize(pos);
          break;  // truncate
      }
    }
    if (input.size() > 4096) input.resize(4096);
    run(input);
    ++runs;
  }
  std::printf("standalone fuzz driver: %zu inputs from %zu seeds, no failure\n", runs,
              seeds.size());
  return 0;
}
