// name_keys, match and NameMatcher: the seed's people in every script and spelling, true and
// false pairs with recall and precision, and the properties of the score. Recall and false
// matches on the public data set's Wikidata name pairs are in match_data_test.cpp.
#include "archive/names/match.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "archive/text/normalize.hpp"

namespace archive {
namespace {

double score(std::string_view a, std::string_view b) {
  auto s = match(a, b);
  EXPECT_TRUE(s.has_value()) << a << " | " << b << ": " << (s ? "" : s.error().describe());
  return s.value_or(-1.0);
}

std::vector<std::string> keys(std::string_view name) {
  auto k = name_keys(name);
  EXPECT_TRUE(k.has_value()) << name << ": " << (k ? "" : k.error().describe());
  return k.value_or(std::vector<std::string>{});
}

bool has(const std::vector<std::string>& v, std::string_view key) {
  return std::find(v.begin(), v.end(), key) != v.end();
}

std::vector<std::string> with_prefix(const std::vector<std::string>& v, std::string_view p) {
  std::vector<std::string> out;
  for (const std::string& k : v) {
    if (k.rfind(p, 0) == 0) out.push_back(k);
  }
  return out;
}

bool share_key(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& k) { return has(b, k); });
}

// ---- name_keys ----

TEST(NameKeys, FoldedFormsAndSkeletons) {
  const auto k = keys("Mir Jafar Bagirov");
  EXPECT_TRUE(has(k, "bagirov"));
  EXPECT_TRUE(has(k, "jafar"));
  EXPECT_TRUE(has(k, "sk:bgrv"));
  EXPECT_TRUE(has(k, "vk:b.g.r.v"));
  EXPECT_FALSE(has(k, "mir")) << "titles are left out";
  EXPECT_TRUE(std::is_sorted(k.begin(), k.end()));
  EXPECT_EQ(std::adjacent_find(k.begin(), k.end()), k.end());
}

TEST(NameKeys, EverySchemesFormOfACyrillicWord) {
  const auto k = keys("Хрущёв");
  EXPECT_TRUE(has(k, "khrushchev")) << "popular, BGN/PCGN, ALA-LC";
  EXPECT_TRUE(has(k, "hrushchev")) << "ISO 9 Hruŝëv";
  EXPECT_TRUE(has(k, "sk:hrSCv"));
  const auto persian = keys("محمدرضا پهلوی");
  EXPECT_TRUE(has(persian, "pahlavi"));
  EXPECT_TRUE(has(persian, "mohammadreza")) << "a compound word's Latin form is one key";
}

TEST(NameKeys, SpellingsOfOneNameShareKeys) {
  const auto bagirov = keys("Bagirov");
  for (const char* variant : {"Baghirov", "Bağırov", "Багиров", "BAGIROV", "Bagirow", "Bagiroff"}) {
    EXPECT_TRUE(has(keys(variant), "sk:bgrv")) << variant;
  }
  EXPECT_TRUE(has(keys("Bağırov"), "bagirov")) << "the plain fold is kept";
  EXPECT_TRUE(share_key(keys("Kianuri"), keys("Kyanuri")));
  EXPECT_TRUE(share_key(keys("Kianuri"), keys("Kiyanuri")));
  EXPECT_TRUE(share_key(keys("Mir Jafar"), keys("Mir Dzhafar")));
  EXPECT_TRUE(share_key(keys("Mir Jafar"), keys("Mir Cəfər")));
  EXPECT_TRUE(share_key(keys("Mosaddegh"), keys("Mossadeq")));
  EXPECT_TRUE(share_key(keys("Pahlavi"), keys("پهلوی")));
  EXPECT_TRUE(share_key(keys("Kianuri"), keys("کیانوری")));
  EXPECT_TRUE(share_key(keys("Molotov"), keys("Молотов")));
}

TEST(NameKeys, DifferentNamesKeepDifferentKeys) {
  // Bagirov, Bakirov and Bagrov must not collapse into one key set.
  const auto bagirov = keys("Bagirov"), bakirov = keys("Bakirov"), bagrov = keys("Bagrov");
  EXPECT_FALSE(share_key(with_prefix(bagirov, "sk:"), with_prefix(bakirov, "sk:")));
  EXPECT_FALSE(share_key(bagirov, bakirov));
  EXPECT_FALSE(share_key(with_prefix(bagirov, "vk:"), with_prefix(bagrov, "vk:")));
  EXPECT_FALSE(share_key(with_prefix(bakirov, "sk:"), with_prefix(bagrov, "sk:")));
  EXPECT_NE(bagirov, bagrov);
}

TEST(NameKeys, Errors) {
  const auto bad = name_keys("Bagirov \xE2\x82");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(bad.error().offset, 8u);
  const auto none = name_keys("1945");
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::parse_error);
}

// ---- match: properties ----

TEST(Match, IdentityRangeAndSymmetry) {
  const std::vector<std::string> names = {
      "Mir Jafar Bagirov", "M.D. Bagirov",           "Мир Джафар Багиров", "Bakirov",
      "محمدرضا پهلوی",     "Pahlavi, Mohammad Reza", "Nur al-Din Kianuri", "Shah"};
  for (const std::string& a : names) {
    EXPECT_EQ(score(a, a), 1.0) << a;
    for (const std::string& b : names) {
      const double s = score(a, b);
      EXPECT_GE(s, 0.0);
      EXPECT_LE(s, 1.0);
      EXPECT_EQ(s, score(b, a)) << a << " | " << b;
    }
  }
}

// Every name that parses has keys and matches itself with 1, a patronymic suffix word on its
// own too (fuzz_names: "ogly" had no keys and matched itself with 0).
TEST(Match, APatronymicSuffixAloneMatchesItself) {
  for (const char* name : {"ogly", "Ogly", "оглы", "kyzy", "ogly ogly", "Mir ogly", "Shah oglu"}) {
    EXPECT_FALSE(keys(name).empty()) << name;
    EXPECT_EQ(score(name, name), 1.0) << name;
  }
  EXPECT_EQ(score("Mir Jafar Abbas ogly Bagirov", "Mir Jafar Abbas oglu Bagirov"), 1.0);
}

TEST(Match, Errors) {
  const auto bad = match("Bagirov", "Ba\xFFgirov");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(bad.error().offset, 2u);
  EXPECT_EQ(match("", "Bagirov").error().code, ErrorCode::parse_error);
}

TEST(Match, TitlesAndOrderDoNotMatter) {
  EXPECT_EQ(score("Pahlavi, Mohammad Reza", "Mohammad Reza Shah Pahlavi"), 1.0);
  EXPECT_EQ(score("Generalissimo Stalin", "Stalin"), 1.0);
  EXPECT_EQ(score("товарищ Сталин", "Сталин"), 1.0);
  EXPECT_EQ(score("Princess Ashraf Pahlavi", "Ashraf Pahlavi"), 1.0);
  EXPECT_EQ(score("Mir Jafar Bagirov", "Jafar Bagirov"), 1.0);
}

TEST(Match, InitialsMatchTheWordsTheyBegin) {
  EXPECT_GE(score("M.D. Bagirov", "Mir Jafar Bagirov"), 0.9);
  EXPECT_GE(score("M.D. Bagirov", "Mir Dzhafar Bagirov"), 0.9);
  EXPECT_GE(score("М. Д. Багиров", "Mir Jafar Bagirov"), 0.9);
  EXPECT_GE(score("V.M. Molotov", "Vyacheslav Mikhailovich Molotov"), 0.9);
  EXPECT_LT(score("A.B. Bagirov", "Mir Jafar Bagirov"), kNameMatchThreshold);
  EXPECT_EQ(score("M.D. Bagirov", "M. D. Bagirov"), 1.0);
}

TEST(Match, AMissingNameCostsLessThanAWrongOne) {
  const double missing = score("Bagirov", "Mir Jafar Bagirov");
  EXPECT_GE(missing, kNameMatchThreshold);
  EXPECT_LT(missing, 1.0);
  const double wrong = score("Ali Bagirov", "Mir Jafar Bagirov");
  EXPECT_LT(wrong, kNameMatchThreshold);
  EXPECT_LT(wrong, missing);
  EXPECT_GE(score("Vyacheslav Molotov", "Vyacheslav Mikhailovich Molotov"), 0.9);
}

TEST(Match, SameFamilyDifferentPeople) {
  EXPECT_LT(score("Ashraf Pahlavi", "Mohammad Reza Pahlavi"), kNameMatchThreshold);
  EXPECT_LT(score("Princess Ashraf Pahlavi", "Mohammed Reza Shah Pahlavi"), kNameMatchThreshold);
  EXPECT_LT(score("Mohammad Ali Pahlavi", "Mohammad Reza Pahlavi"), kNameMatchThreshold);
  EXPECT_LT(score("Мир Джафар Аббасович Багиров", "Мир Джафар Иванович Багиров"),
            kNameMatchThreshold);
}

TEST(Match, BagirovBakirovBagrovStayApart) {
  EXPECT_LT(score("Bagirov", "Bakirov"), kNameMatchThreshold);
  EXPECT_LT(score("Bagirov", "Bagrov"), kNameMatchThreshold);
  EXPECT_LT(score("Bakirov", "Bagrov"), kNameMatchThreshold);
  EXPECT_LT(score("Mir Jafar Bagirov", "Mir Jafar Bakirov"), kNameMatchThreshold);
  EXPECT_LT(score("Багиров", "Бакиров"), kNameMatchThreshold);
  EXPECT_LT(score("Багиров", "Bagrov"), kNameMatchThreshold);
}

TEST(Match, RomanizationsAcrossLanguages) {
  EXPECT_GE(score("Khrushchev", "Chruschtschow"), kNameMatchThreshold);
  EXPECT_GE(score("Tschaikowski", "Чайковский"), kNameMatchThreshold);
  EXPECT_GE(score("Wjatscheslaw Michailowitsch Molotow", "Vyacheslav Mikhailovich Molotov"),
            kNameMatchThreshold);
  EXPECT_GE(score("Nizami Gəncəvi", "Низами Гянджеви"), kNameMatchThreshold);
  EXPECT_GE(score("Yevgeny", "Евгений"), kNameMatchThreshold);
  EXPECT_GE(score("Jewgeni", "Евгений"), kNameMatchThreshold);
  EXPECT_GE(score("Romanoff", "Романов"), kNameMatchThreshold);
}

TEST(Match, Compounds) {
  EXPECT_GE(score("Nur al-Din Kianuri", "Nureddin Kianuri"), 0.9);
  EXPECT_GE(score("Nur ud-Din Kianuri", "Nureddin Kianuri"), 0.9);
  EXPECT_GE(score("Mohammadreza Pahlavi", "Mohammad Reza Pahlavi"), 0.9);
  EXPECT_GE(score("Fakhr-Arai", "Fakhr Arai"), 0.9);
  EXPECT_GE(score("Charles de Gaulle", "Charles Gaulle"), 0.9);
}

// ---- the seed's people: every script and spelling ----

struct Person {
  const char* who;
  std::vector<const char*> forms;
};

const std::vector<Person>& seed_people() {
  static const std::vector<Person> people = {
      {"Bagirov",
       {"Мир Джафар Багиров", "Mir Jafar Bagirov", "Mir Dzhafar Bagirov", "Baghirov",
        "Mir Cəfər Bağırov", "M.D. Bagirov", "Mir Bagirov", "Багиров, Мир Джафар Аббасович",
        "Bagirov, Mir Jafar", "Багиров М. Д.", "Mir Jafar Abbasovich Bagirov"}},
      {"Kianuri",
       {"Nureddin Kianuri", "Kyanuri", "Kiyanuri", "Nur al-Din Kianuri", "نورالدین کیانوری",
        "Kianuri, Nureddin", "Нуреддин Киянури", "Noureddin Kianouri"}},
      {"Mohammad Reza Pahlavi",
       {"Mohammad Reza Pahlavi", "Mohammed Reza Shah", "محمدرضا پهلوی", "Mohammed Reza Pahlavi",
        "Pahlavi, Mohammad Reza", "Shah Mohammad Reza Pahlavi", "محمدرضا شاه پهلوی",
        "Мохаммед Реза Пехлеви", "Muhammad Riza Pahlavi"}},
      {"Ashraf Pahlavi",
       {"Princess Ashraf Pahlavi", "Ashraf Pahlavi", "اشرف پهلوی", "شاهدخت اشرف پهلوی",
        "Ашраф Пехлеви"}},
      {"Stalin",
       {"Stalin", "Сталин", "Joseph Stalin", "Иосиф Виссарионович Сталин", "Iosif Stalin",
        "Generalissimo Stalin", "Сталин И. В.", "J.V. Stalin"}},
      {"Molotov",
       {"Molotov", "Молотов", "Vyacheslav Molotov", "Вячеслав Михайлович Молотов", "V.M. Molotov",
        "Viacheslav Molotov", "Wjatscheslaw Molotow"}},
      {"Naser Fakhr Arai",
       {"Naser Fakhr Arai", "Nasser Fakhr-Arai", "ناصر فخرآرایی", "Naser Fakhrarai"}},
      {"Bakirov", {"Bakirov", "Бакиров"}},
      {"Bagrov", {"Bagrov", "Багров"}},
      {"Dzhugashvili", {"Dzhugashvili", "Джугашвили", "Jughashvili"}},
      {"Malenkov", {"Malenkov", "Маленков", "Georgy Malenkov"}},
      {"Mosaddegh", {"Mohammad Mosaddegh", "Mossadeq", "محمد مصدق", "Мохаммед Мосаддык"}},
  };
  return people;
}

struct PairCounts {
  std::size_t true_pairs = 0, true_matched = 0, false_pairs = 0, false_matched = 0;
};

TEST(Match, SeedPeopleRecallAndPrecision) {
  PairCounts c;
  std::vector<std::string> missed, confused;
  const auto& people = seed_people();
  for (std::size_t p = 0; p < people.size(); ++p) {
    for (std::size_t q = p; q < people.size(); ++q) {
      for (std::size_t i = 0; i < people[p].forms.size(); ++i) {
        for (std::size_t j = (p == q ? i + 1 : 0); j < people[q].forms.size(); ++j) {
          const char* a = people[p].forms[i];
          const char* b = people[q].forms[j];
          const bool same = p == q;
          const double s = score(a, b);
          const bool matched = s >= kNameMatchThreshold;
          (same ? c.true_pairs : c.false_pairs) += 1;
          (same ? c.true_matched : c.false_matched) += matched ? 1 : 0;
          if (same && !matched)
            missed.push_back(std::string(a) + " | " + b + " " + std::to_string(s));
          if (!same && matched)
            confused.push_back(std::string(a) + " | " + b + " " + std::to_string(s));
        }
      }
    }
  }
  const double recall = static_cast<double>(c.true_matched) / static_cast<double>(c.true_pairs);
  const double precision =
      static_cast<double>(c.true_matched) / static_cast<double>(c.true_matched + c.false_matched);
  std::cout << "seed people: recall " << c.true_matched << "/" << c.true_pairs << " = " << recall
            << ", false matches " << c.false_matched << "/" << c.false_pairs << ", precision "
            << precision << "\n";
  for (const std::string& m : missed)
    std::cout << "  missed   " << m << "\n";
  for (const std::string& m : confused)
    std::cout << "  confused " << m << "\n";
  // Regression floors, just below what the matcher reaches: 197/198 (the miss is Russian
  // Мосаддык, whose к for Persian q is a consonant change), precision 1.
  EXPECT_GE(recall, 0.98);
  EXPECT_GE(precision, 0.99);
}

// ---- NameMatcher ----

TEST(NameMatcher, FindsEveryoneByAnySpelling) {
  NameMatcher matcher;
  const auto& people = seed_people();
  for (std::size_t p = 0; p < people.size(); ++p) {
    ASSERT_TRUE(matcher.add(p + 1, people[p].forms[0]).has_value());
  }
  EXPECT_EQ(matcher.size(), people.size());
  std::size_t found = 0, total = 0, first = 0;
  for (std::size_t p = 0; p < people.size(); ++p) {
    for (const char* form : people[p].forms) {
      auto r = matcher.find(form);
      ASSERT_TRUE(r.has_value()) << form;
      ++total;
      const bool hit =
          std::any_of(r->begin(), r->end(), [&](const NameCandidate& c) { return c.id == p + 1; });
      found += hit ? 1 : 0;
      first += !r->empty() && r->front().id == p + 1 ? 1 : 0;
      for (std::size_t i = 1; i < r->size(); ++i)
        EXPECT_GE((*r)[i - 1].score, (*r)[i].score);
    }
  }
  std::cout << "NameMatcher over the seed people: found " << found << "/" << total << ", first "
            << first << "/" << total << "\n";
  EXPECT_GE(found, total - 2);
  EXPECT_GE(first, total - 2);
}

TEST(NameMatcher, VariantsShareAnIdAndLimitsHold) {
  NameMatcher matcher;
  ASSERT_TRUE(matcher.add(7, "Мир Джафар Багиров").has_value());
  ASSERT_TRUE(matcher.add(7, "Mir Jafar Bagirov").has_value());
  ASSERT_TRUE(matcher.add(8, "Bakirov").has_value());
  ASSERT_TRUE(matcher.add(9, "Bagrov").has_value());
  EXPECT_EQ(matcher.size(), 4u);
  auto r = matcher.find("Baghirov");
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 1u) << "one entry per id; Bakirov and Bagrov stay below the threshold";
  EXPECT_EQ(r->front().id, 7u);
  EXPECT_DOUBLE_EQ(r->front().score, score("Baghirov", "Mir Jafar Bagirov"));

  auto loose = matcher.find("Bagirov", 10, 0.5);
  ASSERT_TRUE(loose.has_value());
  EXPECT_GE(loose->size(), 2u);
  EXPECT_EQ(loose->front().id, 7u);
  auto one = matcher.find("Bagirov", 1, 0.0);
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->size(), 1u);
  auto none = matcher.find("Bagirov", 0);
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
  EXPECT_TRUE(matcher.find("Molotov")->empty());
}

TEST(NameMatcher, Errors) {
  NameMatcher matcher;
  EXPECT_EQ(matcher.add(1, "\xC0\x80").error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(matcher.add(1, "---").error().code, ErrorCode::parse_error);
  EXPECT_EQ(matcher.size(), 0u);
  EXPECT_EQ(matcher.find("Ba\xFF").error().code, ErrorCode::invalid_utf8);
}

TEST(NameMatcher, MoveOnlyAndConcurrentFind) {
  static_assert(!std::is_copy_constructible_v<NameMatcher>);
  static_assert(std::is_nothrow_move_constructible_v<NameMatcher>);
  NameMatcher built;
  const std::array<const char*, 6> names = {
      "Mir Jafar Bagirov", "Nureddin Kianuri", "Mohammad Reza Pahlavi", "Stalin",
      "Molotov",           "Ashraf Pahlavi"};
  for (std::size_t i = 0; i < names.size(); ++i)
    ASSERT_TRUE(built.add(i, names[i]).has_value());
  const NameMatcher matcher = std::move(built);
  EXPECT_EQ(matcher.size(), names.size());

  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      const std::array<const char*, 6> queries = {"Багиров", "Kyanuri", "محمدرضا پهلوی",
                                                  "Сталин",  "Молотов", "اشرف پهلوی"};
      for (int round = 0; round < 20; ++round) {
        for (std::size_t q = 0; q < queries.size(); ++q) {
          auto r = matcher.find(queries[q]);
          if (!r || r->empty() || r->front().id != q) ++failures[t];
        }
      }
    });
  }
  for (std::thread& th : threads)
    th.join();
  for (int f : failures)
    EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace archive
