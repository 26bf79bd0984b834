// PersonName and parse_person_name: the seed's people in Latin, Cyrillic and Persian script,
// display and catalog order, titles, particles, initials, patronymics, and errors.
#include "archive/names/person_name.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace archive {
namespace {

using Words = std::vector<std::string>;

PersonName parsed(std::string_view text) {
  auto name = parse_person_name(text);
  EXPECT_TRUE(name.has_value()) << text << ": " << (name ? "" : name.error().describe());
  return name.value_or(PersonName{});
}

struct Expected {
  const char* text;
  Words titles, given;
  const char* patronymic;
  Words family;
};

void PrintTo(const Expected& e, std::ostream* os) {
  *os << e.text;
}

class ParseTable : public ::testing::TestWithParam<Expected> {};

TEST_P(ParseTable, Parts) {
  const Expected& e = GetParam();
  const PersonName n = parsed(e.text);
  EXPECT_EQ(n.titles, e.titles) << e.text;
  EXPECT_EQ(n.given, e.given) << e.text;
  EXPECT_EQ(n.patronymic, e.patronymic) << e.text;
  EXPECT_EQ(n.family, e.family) << e.text;
}

INSTANTIATE_TEST_SUITE_P(
    Seed, ParseTable,
    ::testing::Values(
        // Display order, Latin
        Expected{"Mir Jafar Bagirov", {"Mir"}, {"Jafar"}, "", {"Bagirov"}},
        Expected{"Mir Dzhafar Bagirov", {"Mir"}, {"Dzhafar"}, "", {"Bagirov"}},
        Expected{"Mir Cəfər Bağırov", {"Mir"}, {"Cəfər"}, "", {"Bağırov"}},
        Expected{"Mir Bagirov", {"Mir"}, {}, "", {"Bagirov"}},
        Expected{"Baghirov", {}, {}, "", {"Baghirov"}},
        Expected{"M.D. Bagirov", {}, {"M", "D"}, "", {"Bagirov"}},
        Expected{"M. D. Bagirov", {}, {"M", "D"}, "", {"Bagirov"}},
        Expected{"Nureddin Kianuri", {}, {"Nureddin"}, "", {"Kianuri"}},
        Expected{"Nur al-Din Kianuri", {}, {"Nur", "al-Din"}, "", {"Kianuri"}},
        Expected{"Kyanuri", {}, {}, "", {"Kyanuri"}},
        Expected{"Mohammad Reza Pahlavi", {}, {"Mohammad", "Reza"}, "", {"Pahlavi"}},
        Expected{"Mohammad Reza Shah Pahlavi", {"Shah"}, {"Mohammad", "Reza"}, "", {"Pahlavi"}},
        // A title after the name: a regnal name, no family name.
        Expected{"Mohammed Reza Shah", {"Shah"}, {"Mohammed", "Reza"}, "", {}},
        Expected{"Princess Ashraf Pahlavi", {"Princess"}, {"Ashraf"}, "", {"Pahlavi"}},
        Expected{"Generalissimo Stalin", {"Generalissimo"}, {}, "", {"Stalin"}},
        Expected{"Comrade Stalin", {"Comrade"}, {}, "", {"Stalin"}},
        Expected{"Naser Fakhr Arai", {}, {"Naser", "Fakhr"}, "", {"Arai"}},
        Expected{"Seyyed Mohammad Khatami", {"Seyyed"}, {"Mohammad"}, "", {"Khatami"}},
        Expected{"Mirza Kuchik Khan", {"Mirza", "Khan"}, {"Kuchik"}, "", {}},
        Expected{
            "Vyacheslav Mikhailovich Molotov", {}, {"Vyacheslav"}, "Mikhailovich", {"Molotov"}},
        // Catalog order
        Expected{"Pahlavi, Mohammad Reza", {}, {"Mohammad", "Reza"}, "", {"Pahlavi"}},
        Expected{"Pahlavi, Mohammad Reza, Shah of Iran",
                 {"Shah", "of", "Iran"},
                 {"Mohammad", "Reza"},
                 "",
                 {"Pahlavi"}},
        Expected{"Pahlavi, Princess Ashraf", {"Princess"}, {"Ashraf"}, "", {"Pahlavi"}},
        Expected{"Bagirov, M.D.", {}, {"M", "D"}, "", {"Bagirov"}},
        Expected{"Mohammad Reza Pahlavi, Shah of Iran, 1919-1980",
                 {"Shah", "of", "Iran"},
                 {"Mohammad", "Reza"},
                 "",
                 {"Pahlavi"}},
        // Cyrillic
        Expected{"Мир Джафар Багиров", {"Мир"}, {"Джафар"}, "", {"Багиров"}},
        Expected{"Мир Джафар Аббасович Багиров", {"Мир"}, {"Джафар"}, "Аббасович", {"Багиров"}},
        Expected{"Багиров, Мир Джафар Аббасович", {"Мир"}, {"Джафар"}, "Аббасович", {"Багиров"}},
        Expected{"Багиров Мир Джафар Аббасович", {"Мир"}, {"Джафар"}, "Аббасович", {"Багиров"}},
        Expected{"Багиров М. Д.", {}, {"М", "Д"}, "", {"Багиров"}},
        Expected{"Иосиф Виссарионович Сталин", {}, {"Иосиф"}, "Виссарионович", {"Сталин"}},
        Expected{"Владимир Ильич Ленин", {}, {"Владимир"}, "Ильич", {"Ленин"}},
        Expected{"Анна Петровна Иванова", {}, {"Анна"}, "Петровна", {"Иванова"}},
        Expected{"товарищ Сталин", {"товарищ"}, {}, "", {"Сталин"}},
        Expected{"генералиссимус Сталин", {"генералиссимус"}, {}, "", {"Сталин"}},
        Expected{"Мир Джафар Аббас оглы Багиров", {"Мир"}, {"Джафар"}, "Аббас оглы", {"Багиров"}},
        // Persian
        Expected{"محمدرضا پهلوی", {}, {"محمدرضا"}, "", {"پهلوی"}},
        Expected{"محمدرضا شاه پهلوی", {"شاه"}, {"محمدرضا"}, "", {"پهلوی"}},
        Expected{"شاهدخت اشرف پهلوی", {"شاهدخت"}, {"اشرف"}, "", {"پهلوی"}},
        Expected{"نورالدین کیانوری", {}, {"نورالدین"}, "", {"کیانوری"}},
        Expected{"سید محمد خاتمی", {"سید"}, {"محمد"}, "", {"خاتمی"}},
        Expected{"آقا میرزا علی خان", {"آقا", "میرزا", "خان"}, {"علی"}, "", {}},
        Expected{"پهلوی، محمدرضا", {}, {"محمدرضا"}, "", {"پهلوی"}},
        // Particles belong to the family name
        Expected{"Charles de Gaulle", {}, {"Charles"}, "", {"de", "Gaulle"}},
        Expected{"Ludwig van Beethoven", {}, {"Ludwig"}, "", {"van", "Beethoven"}},
        Expected{"Abu Ali ibn Sina", {}, {"Abu", "Ali"}, "", {"ibn", "Sina"}},
        Expected{"Al Gore", {}, {"Al"}, "", {"Gore"}}));

TEST(PersonName, Particles) {
  EXPECT_EQ(parsed("Nur al-Din Kianuri").particles, Words{"al"});
  EXPECT_EQ(parsed("Charles de Gaulle").particles, Words{"de"});
  EXPECT_EQ(parsed("John von Neumann").particles, Words{"von"});
  EXPECT_EQ(parsed("Abu Ali ibn Sina").particles, Words{"ibn"});
  EXPECT_EQ(parsed("Muqtada al-Sadr").particles, Words{"al"});
  EXPECT_EQ(parsed("نور الدین کیانوری").particles, Words{"ال"});
  EXPECT_TRUE(parsed("Al Gore").particles.empty());
  EXPECT_TRUE(parsed("Mir Jafar Bagirov").particles.empty());
}

TEST(PersonName, Script) {
  EXPECT_EQ(parsed("M.D. Bagirov").script, text::Script::latin);
  EXPECT_EQ(parsed("Мир Джафар Багиров").script, text::Script::cyrillic);
  EXPECT_EQ(parsed("محمدرضا پهلوی").script, text::Script::arabic);
  EXPECT_EQ(parsed("Mir Багиров").script, text::Script::mixed);
}

TEST(PersonName, TitlesAloneAreTheName) {
  const PersonName shah = parsed("Shah");
  EXPECT_TRUE(shah.titles.empty());
  EXPECT_EQ(shah.family, Words{"Shah"});
  EXPECT_EQ(parsed("Mir").family, Words{"Mir"});
}

// A patronymic suffix word (оглы, ogly, kyzy) is one only after a name word in its part;
// alone, first, or after a title it is the name (fuzz_names found "ogly" parsed with no word
// to match it by: no keys, and a self-match of 0).
TEST(PersonName, APatronymicSuffixWithoutANameBeforeItIsTheName) {
  EXPECT_EQ(parsed("ogly").family, Words{"ogly"});
  EXPECT_EQ(parsed("оглы").family, Words{"оглы"});
  const PersonName mir = parsed("Mir ogly");
  EXPECT_EQ(mir.titles, Words{"Mir"});
  EXPECT_EQ(mir.family, Words{"ogly"});
  const PersonName catalog = parsed("kyzy, Leyla");
  EXPECT_EQ(catalog.family, Words{"kyzy"});
  EXPECT_EQ(catalog.given, Words{"Leyla"});
  // After a name word it stays the patronymic's suffix.
  EXPECT_EQ(parsed("Mir Jafar Abbas ogly Bagirov").patronymic, "Abbas ogly");
  EXPECT_EQ(parsed("M. ogly Bagirov").patronymic, "M ogly");
}

TEST(PersonName, NumbersAndPunctuationAreIgnored) {
  const PersonName n = parsed("  Stalin (1878-1953)  ");
  EXPECT_EQ(n.family, Words{"Stalin"});
  EXPECT_TRUE(n.given.empty());
}

TEST(PersonName, DisplayAndSortForms) {
  const PersonName mrp = parsed("Pahlavi, Mohammad Reza, Shah");
  EXPECT_EQ(mrp.display(), "Shah Mohammad Reza Pahlavi");
  EXPECT_EQ(mrp.sort_form(), "Pahlavi, Mohammad Reza, Shah");
  const PersonName bagirov = parsed("Мир Джафар Аббасович Багиров");
  EXPECT_EQ(bagirov.display(), "Мир Джафар Аббасович Багиров");
  EXPECT_EQ(bagirov.sort_form(), "Багиров, Джафар Аббасович, Мир");
  EXPECT_EQ(parsed("Stalin").sort_form(), "Stalin");
  EXPECT_EQ(parsed("Stalin").display(), "Stalin");
  EXPECT_EQ(parsed("Mohammed Reza Shah").sort_form(), "Mohammed Reza, Shah");
  EXPECT_EQ(parsed("Charles de Gaulle").sort_form(), "de Gaulle, Charles");
  EXPECT_EQ(parsed("M.D. Bagirov").display(), "M D Bagirov");
  EXPECT_EQ(parsed("Nur al-Din Kianuri").display(), "Nur al-Din Kianuri");
  EXPECT_EQ(PersonName{}.display(), "");
  EXPECT_EQ(PersonName{}.sort_form(), "");
}

TEST(PersonName, SortFormParsesBack) {
  for (const char* text : {"Mir Jafar Bagirov", "Mohammad Reza Shah Pahlavi",
                           "Мир Джафар Аббасович Багиров", "Princess Ashraf Pahlavi",
                           "Charles de Gaulle", "Nur al-Din Kianuri", "شاهدخت اشرف پهلوی"}) {
    const PersonName n = parsed(text);
    PersonName again = parsed(n.sort_form());
    again.script = n.script;
    EXPECT_EQ(again, n) << text << " → " << n.sort_form();
  }
}

TEST(PersonName, IsInitial) {
  EXPECT_TRUE(PersonName::is_initial("M"));
  EXPECT_TRUE(PersonName::is_initial("M."));
  EXPECT_TRUE(PersonName::is_initial("Д"));
  EXPECT_TRUE(PersonName::is_initial("E\xCC\x81"));  // E + combining acute
  EXPECT_FALSE(PersonName::is_initial(""));
  EXPECT_FALSE(PersonName::is_initial("Mi"));
  EXPECT_FALSE(PersonName::is_initial("1"));
  EXPECT_FALSE(PersonName::is_initial("."));
  EXPECT_FALSE(PersonName::is_initial("\xFF"));
  const PersonName n = parsed("M.D. Bagirov");
  for (const std::string& g : n.given)
    EXPECT_TRUE(PersonName::is_initial(g)) << g;
  EXPECT_FALSE(PersonName::is_initial(n.family[0]));
}

TEST(PersonName, InvalidUtf8GivesItsOffset) {
  const auto r = parse_person_name("Mir \xC3\x28 Bagirov");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r.error().offset, 4u);
}

TEST(PersonName, TextWithoutANameIsAParseError) {
  for (const char* text : {"", "   ", "1945", "..., --", "۱۳۲۵"}) {
    const auto r = parse_person_name(text);
    ASSERT_FALSE(r.has_value()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::parse_error) << text;
    EXPECT_TRUE(r.error().offset.has_value()) << text;
  }
}

TEST(PersonName, IsARegularValue) {
  PersonName a = parsed("Mir Jafar Bagirov");
  PersonName b = a;
  EXPECT_EQ(a, b);
  b.given.push_back("Abbas");
  EXPECT_NE(a, b);
  PersonName c = std::move(b);
  EXPECT_EQ(c.given.size(), 2u);
  NameVariant v{"Багиров", text::Script::cyrillic, std::nullopt, "seed page"};
  NameVariant w = v;
  EXPECT_EQ(v, w);
  w.scheme = Scheme::bgn_pcgn;
  EXPECT_NE(v, w);
}

}  // namespace
}  // namespace archive
