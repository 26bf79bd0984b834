// `archive dates edtf|parse|convert`: the date part in batch mode.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <string>

#include "archive/date.hpp"
#include "batch.hpp"
#include "commands.hpp"

namespace archive::cli {

namespace {

int edtf_lines() {
  run_batch(std::cin, std::cout, [](std::string_view value) -> Result<Fields> {
    auto date = parse_edtf(value);
    if (!date) return std::move(date).error();
    return Fields{std::to_string(date->level()), date->earliest().to_string(),
                  date->latest().to_string()};
  });
  return 0;
}

int parse_lines(const DateParseOptions& options) {
  run_batch(std::cin, std::cout, [&](std::string_view value) -> Result<Fields> {
    auto date = parse_date(value, options);
    if (!date) return std::move(date).error();
    return Fields{date->to_edtf(), date->earliest().to_string(), date->latest().to_string()};
  });
  return 0;
}

int convert_lines(Calendar from, Calendar to) {
  run_batch(std::cin, std::cout, [&](std::string_view value) -> Result<Fields> {
    auto day = parse_calendar_date(from, value);
    if (!day) return std::move(day).error();
    auto converted = from_day(to, *day);
    if (!converted) return std::move(converted).error();
    return Fields{format_calendar_date(*converted)};
  });
  return 0;
}

const std::map<std::string, DateLanguage> kLanguages = {{"auto", DateLanguage::automatic},
                                                        {"en", DateLanguage::english},
                                                        {"ru", DateLanguage::russian},
                                                        {"fa", DateLanguage::persian}};
const std::map<std::string, Calendar> kCalendars = {{"gregorian", Calendar::gregorian},
                                                    {"julian", Calendar::julian},
                                                    {"persian", Calendar::persian},
                                                    {"hijri", Calendar::hijri}};

}  // namespace

void add_date_commands(CLI::App& parent, Action& action) {
  CLI::App* dates = parent.add_subcommand(
      "dates", "Fuzzy historical dates: EDTF, natural-language dates, calendars");
  dates->require_subcommand(1);

  CLI::App* edtf = dates->add_subcommand(
      "edtf",
      "Check each line as strict EDTF: input<TAB>level<TAB>earliest<TAB>latest "
      "(bounds YYYY-MM-DD, '..' open, empty unknown)");
  edtf->callback([&action] { action = edtf_lines; });

  CLI::App* parse = dates->add_subcommand(
      "parse", "Parse each line as a cataloger's date: input<TAB>edtf<TAB>earliest<TAB>latest");
  auto language = std::make_shared<std::string>("auto");
  auto calendar = std::make_shared<std::string>("gregorian");
  parse->add_option("--lang", *language, "Language of the dates: auto, en, ru or fa")
      ->check(CLI::IsMember({"auto", "en", "ru", "fa"}));
  parse
      ->add_option("--calendar", *calendar,
                   "Calendar of unmarked dates: gregorian, julian, persian or hijri")
      ->check(CLI::IsMember({"gregorian", "julian", "persian", "hijri"}));
  parse->callback([&action, language, calendar] {
    const DateParseOptions options{kLanguages.at(*language), kCalendars.at(*calendar)};
    action = [options] { return parse_lines(options); };
  });

  CLI::App* convert =
      dates->add_subcommand("convert",
                            "Convert each line, a YYYY-MM-DD day in one calendar, to another: "
                            "input<TAB>YYYY-MM-DD");
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  convert->add_option("--from", *from, "Calendar of the input: gregorian, julian, persian, hijri")
      ->required()
      ->check(CLI::IsMember({"gregorian", "julian", "persian", "hijri"}));
  convert->add_option("--to", *to, "Calendar of the output: gregorian, julian, persian, hijri")
      ->required()
      ->check(CLI::IsMember({"gregorian", "julian", "persian", "hijri"}));
  convert->callback([&action, from, to] {
    const Calendar f = kCalendars.at(*from), t = kCalendars.at(*to);
    action = [f, t] { return convert_lines(f, t); };
  });
}

}  // namespace archive::cli
