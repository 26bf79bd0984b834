// `archive names romanize|keys|match|parse`: the names part in batch mode.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "archive/names.hpp"
#include "batch.hpp"
#include "commands.hpp"

namespace archive::cli {

namespace {

const std::map<std::string, NameLanguage> kSources = {{"auto", NameLanguage::automatic},
                                                      {"ru", NameLanguage::russian},
                                                      {"fa", NameLanguage::persian},
                                                      {"ar", NameLanguage::arabic}};

std::string join(const std::vector<std::string>& parts, char separator = ' ') {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// A score from 0 to 1. Not CLI::Range: every comparison with NaN is false, so it let `nan`
// through (and every name then failed to match).
std::string check_score(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, problem] = std::from_chars(text.data(), end, value);
  if (problem != std::errc{} || stop != end || !(value >= 0.0 && value <= 1.0)) {
    return "must be a number from 0 to 1, not '" + text + "'";
  }
  return {};
}

int romanize_lines(const RomanizeOptions& options) {
  const Transliterator& transliterator = Transliterator::shared();
  run_batch(std::cin, std::cout, [&](std::string_view value) -> Result<Fields> {
    auto latin = transliterator.romanize(value, options);
    if (!latin) return std::move(latin).error();
    return Fields{std::move(*latin)};
  });
  return 0;
}

int keys_lines() {
  run_batch(std::cin, std::cout, [](std::string_view value) -> Result<Fields> {
    auto keys = name_keys(value);
    if (!keys) return std::move(keys).error();
    return Fields{join(*keys)};
  });
  return 0;
}

int match_lines(double threshold) {
  run_batch_columns(std::cin, std::cout, 2,
                    [&](const std::vector<std::string_view>& names) -> Result<Fields> {
                      auto score = match(names[0], names[1]);
                      if (!score) return std::move(score).error();
                      char formatted[16];
                      std::snprintf(formatted, sizeof formatted, "%.3f", *score);
                      return Fields{formatted, *score >= threshold ? "match" : "nomatch"};
                    });
  return 0;
}

int parse_lines() {
  run_batch(std::cin, std::cout, [](std::string_view value) -> Result<Fields> {
    auto name = parse_person_name(value);
    if (!name) return std::move(name).error();
    return Fields{join(name->given), name->patronymic, join(name->family), join(name->titles)};
  });
  return 0;
}

}  // namespace

void add_names_commands(CLI::App& parent, Action& action) {
  CLI::App* names = parent.add_subcommand(
      "names", "Names across scripts: romanization, match keys, matching, structured names");
  names->require_subcommand(1);

  CLI::App* romanize = names->add_subcommand("romanize", "Romanize each line: input<TAB>latin");
  auto scheme = std::make_shared<std::string>("popular");
  auto from = std::make_shared<std::string>("auto");
  romanize->add_option("--scheme", *scheme, "bgn-pcgn, ala-lc, iso9 or popular (default)")
      ->check(CLI::IsMember({"bgn-pcgn", "ala-lc", "iso9", "popular"}));
  romanize->add_option("--from", *from, "Source language: auto (default), ru, fa or ar")
      ->check(CLI::IsMember({"auto", "ru", "fa", "ar"}));
  auto no_ties = std::make_shared<bool>(false);
  romanize->add_flag("--no-ties", *no_ties)
      ->description("ALA-LC without the tie diacritics (ts, ia, iu instead of t͡s, i͡a, i͡u)");
  romanize->callback([&action, scheme, from, no_ties] {
    RomanizeOptions options;
    options.scheme = parse_scheme(*scheme).value();
    options.from = kSources.at(*from);
    options.ala_lc_ties = !*no_ties;
    action = [options] { return romanize_lines(options); };
  });

  CLI::App* keys = names->add_subcommand("keys", "Match keys of each name: input<TAB>key key …");
  keys->callback([&action] { action = keys_lines; });

  CLI::App* match_command = names->add_subcommand(
      "match", "Compare names: each line a<TAB>b gives a<TAB>b<TAB>score<TAB>match|nomatch");
  auto threshold = std::make_shared<double>(kNameMatchThreshold);
  match_command
      ->add_option("--threshold", *threshold,
                   "Score from which names match (default " +
                       std::to_string(kNameMatchThreshold).substr(0, 4) + ")")
      ->check(CLI::Validator(check_score, "NUMBER in [0, 1]"));
  match_command->callback([&action, threshold] {
    const double t = *threshold;
    action = [t] { return match_lines(t); };
  });

  CLI::App* parse = names->add_subcommand(
      "parse", "Structure each name: input<TAB>given<TAB>patronymic<TAB>family<TAB>titles");
  parse->callback([&action] { action = parse_lines; });
}

}  // namespace archive::cli
