// A deterministic corpus of archival-style records for the index benchmarks and the
// side-by-side comparison: telegrams, decrees, letters, reports and resolutions of 1917–1991,
// about 85% written in English, 10% in Russian and 5% in Persian; people named in all three
// scripts (the seed's people and more); fuzzy dates of every kind catalogers write; 60
// collections; views following a Zipf-like curve. The same seed gives the same corpus.
#pragma once

#include <archive/date.hpp>
#include <archive/model.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace archive_bench {

struct CorpusPerson {
  const char* id;
  const char* latin;
  const char* cyrillic;
  const char* persian;
};

inline const std::vector<CorpusPerson>& corpus_people() {
  static const std::vector<CorpusPerson> people = {
      {"person-stalin", "Joseph Stalin", "Иосиф Сталин", "ژوزف استالین"},
      {"person-molotov", "Vyacheslav Molotov", "Вячеслав Молотов", "ویاچسلاو مولوتوف"},
      {"person-bagirov", "Mir Jafar Bagirov", "Мир Джафар Багиров", "میرجعفر باقروف"},
      {"person-pahlavi", "Mohammad Reza Pahlavi", "Мохаммед Реза Пехлеви", "محمدرضا پهلوی"},
      {"person-kianuri", "Nureddin Kianuri", "Нуреддин Киянури", "نورالدین کیانوری"},
      {"person-qavam", "Ahmad Qavam", "Ахмад Кавам", "احمد قوام"},
      {"person-mosaddegh", "Mohammad Mosaddegh", "Мохаммед Мосаддык", "محمد مصدق"},
      {"person-pishevari", "Jafar Pishevari", "Джафар Пишевари", "جعفر پیشه‌وری"},
      {"person-beria", "Lavrentiy Beria", "Лаврентий Берия", "لاورنتی بریا"},
      {"person-khrushchev", "Nikita Khrushchev", "Никита Хрущёв", "نیکیتا خروشچف"},
      {"person-vyshinsky", "Andrey Vyshinsky", "Андрей Вышинский", "آندری ویشینسکی"},
      {"person-sadchikov", "Ivan Sadchikov", "Иван Садчиков", "ایوان سادچیکوف"},
      {"person-maslennikov", "Ivan Maslennikov", "Иван Масленников", "ایوان ماسلنیکوف"},
      {"person-eskandari", "Iraj Eskandari", "Ирадж Искандери", "ایرج اسکندری"},
      {"person-razmara", "Haj Ali Razmara", "Хадж Али Размара", "حاجعلی رزم‌آرا"},
      {"person-zahedi", "Fazlollah Zahedi", "Фазлолла Захеди", "فضل‌الله زاهدی"},
      {"person-ashraf", "Ashraf Pahlavi", "Ашраф Пехлеви", "اشرف پهلوی"},
      {"person-tabari", "Ehsan Tabari", "Эхсан Табари", "احسان طبری"},
      {"person-roosevelt", "Franklin Roosevelt", "Франклин Рузвельт", "فرانکلین روزولت"},
      {"person-churchill", "Winston Churchill", "Уинстон Черчилль", "وینستون چرچیل"},
  };
  return people;
}

class Corpus {
 public:
  explicit Corpus(std::uint32_t seed = 1945) : random_(seed) {}

  /// Document number n of the corpus (ids "doc-0000000n"); call with n = 0, 1, 2, … in order
  /// for the same corpus every time.
  archive::Document document(std::size_t n) {
    using namespace archive;
    Document d;
    char id[32];
    std::snprintf(id, sizeof id, "doc-%08zu", n);
    d.id = DocumentId(id);
    const int script = pick(100) < 85 ? 0 : pick(3) < 2 ? 1 : 2;  // en / ru / fa
    const auto& people = corpus_people();
    const auto& from = people[zipf(people.size())];
    const auto& to = people[pick(people.size())];
    const auto* type = kTypes[pick(std::size(kTypes))];
    d.doc_type = type;
    if (script == 0) {
      d.title = std::string(kTypeTitles[pick(std::size(kTypeTitles))]) + " from " + from.latin +
                " to " + to.latin + " on " + kTopics[pick(std::size(kTopics))];
      d.summary = sentence(kEnglish, 25 + pick(40), from.latin);
      d.languages = {"en"};
    } else if (script == 1) {
      d.title = std::string(kRussianTitles[pick(std::size(kRussianTitles))]) + " " + from.cyrillic +
                " — " + to.cyrillic;
      d.summary = sentence(kRussian, 20 + pick(35), from.cyrillic);
      d.languages = {"ru"};
    } else {
      d.title = std::string(kPersianTitles[pick(std::size(kPersianTitles))]) + " " + from.persian +
                " به " + to.persian;
      d.summary = sentence(kPersian, 20 + pick(30), from.persian);
      d.languages = {"fa"};
    }
    d.date = date();
    d.agents = {{PersonId(from.id), AgentRole::author}, {PersonId(to.id), AgentRole::recipient}};
    if (pick(3) == 0) {
      d.agents.push_back({PersonId(people[pick(people.size())].id), AgentRole::mentioned});
    }
    d.places = {kPlaces[pick(std::size(kPlaces))]};
    d.subjects = {kTopics[pick(std::size(kTopics))], kTopics[pick(std::size(kTopics))]};
    d.collections = {CollectionId("coll-" + std::to_string(zipf(60)))};
    d.views = static_cast<std::uint64_t>(100000 / (1 + zipf(5000)));
    return d;
  }

  /// The people of the corpus as Person records (names in three scripts).
  static std::vector<archive::Person> people_records() {
    std::vector<archive::Person> out;
    for (const auto& p : corpus_people()) {
      archive::Person person;
      person.id = archive::PersonId(p.id);
      person.name.form = p.latin;
      person.variants = {{p.cyrillic, archive::text::Script::cyrillic, std::nullopt, ""},
                         {p.persian, archive::text::Script::arabic, std::nullopt, ""}};
      out.push_back(std::move(person));
    }
    return out;
  }

  /// All text of a document as one string (what FTS5 and Xapian index).
  static std::string text_of(const archive::Document& d) {
    std::string t = d.title + "\n" + d.summary;
    for (const auto& s : d.subjects)
      t += "\n" + s;
    for (const auto& p : d.places)
      t += "\n" + p;
    return t;
  }

 private:
  static constexpr const char* kTypes[] = {"telegram",   "decree",     "letter", "report",
                                           "resolution", "memorandum", "minutes"};
  static constexpr const char* kTypeTitles[] = {"Telegram",
                                                "Decree",
                                                "Letter",
                                                "Report",
                                                "Resolution",
                                                "Memorandum",
                                                "Minutes of a meeting",
                                                "Secret instructions",
                                                "Note"};
  static constexpr const char* kRussianTitles[] = {
      "Телеграмма", "Постановление", "Письмо", "Докладная записка", "Справка", "Протокол"};
  static constexpr const char* kPersianTitles[] = {"نامه", "گزارش", "تلگرام", "قطعنامه", "یادداشت"};
  static constexpr const char* kTopics[] = {"the withdrawal of Soviet troops from Iran",
                                            "oil concessions in northern Iran",
                                            "the Azerbaijan Democratic Party",
                                            "the Tudeh Party",
                                            "the Kurdish republic",
                                            "the Soviet-Iranian agreement",
                                            "the Tabriz government",
                                            "grain deliveries",
                                            "the Caspian fisheries",
                                            "border incidents",
                                            "the Tehran conference",
                                            "the nationalization of oil",
                                            "printing presses in Tabriz",
                                            "Azerbaijani schools",
                                            "the Red Army in Iran",
                                            "the Anglo-Iranian Oil Company",
                                            "the Majlis elections",
                                            "refugees from Iranian Azerbaijan"};
  static constexpr const char* kPlaces[] = {"Tabriz",  "Tehran", "Baku",    "Moscow", "Ardabil",
                                            "Mahabad", "Rasht",  "Mashhad", "Zanjan", "Urmia"};
  static constexpr const char* kEnglish[] = {
      "the",        "of",         "and",        "to",         "Soviet",       "Iranian",
      "government", "party",      "committee",  "central",    "secretary",    "troops",
      "withdrawal", "agreement",  "oil",        "concession", "province",     "northern",
      "southern",   "Azerbaijan", "democratic", "movement",   "separatist",   "instructions",
      "measures",   "organize",   "support",    "leadership", "decision",     "council",
      "ministers",  "embassy",    "consulate",  "ambassador", "negotiations", "Majlis",
      "Shah",       "elections",  "workers",    "peasants",   "newspaper",    "printing",
      "schools",    "language",   "Kurdish",    "army",       "border",       "report",
      "telegram",   "urgent",     "secret",     "received",   "informed",     "approved",
      "rejected",   "proposal",   "conference", "delegation", "treaty",       "1945",
      "1946",       "1947",       "Tabriz",     "Tehran",     "Baku",         "Moscow",
      "railway",    "grain",      "deliveries", "cotton",     "trade",        "bank",
      "credit",     "arrests",    "prison",     "amnesty"};
  static constexpr const char* kRussian[] = {"и",
                                             "в",
                                             "о",
                                             "по",
                                             "на",
                                             "с",
                                             "советского",
                                             "правительства",
                                             "партии",
                                             "ЦК",
                                             "секретарю",
                                             "войск",
                                             "вывода",
                                             "соглашения",
                                             "нефти",
                                             "концессии",
                                             "провинции",
                                             "северного",
                                             "Ирана",
                                             "Азербайджана",
                                             "демократической",
                                             "движения",
                                             "мероприятиях",
                                             "организации",
                                             "поддержки",
                                             "руководства",
                                             "решение",
                                             "совета",
                                             "министров",
                                             "посольства",
                                             "консульства",
                                             "посла",
                                             "переговоров",
                                             "меджлиса",
                                             "шаха",
                                             "выборов",
                                             "рабочих",
                                             "крестьян",
                                             "газеты",
                                             "типографии",
                                             "школ",
                                             "языка",
                                             "армии",
                                             "границы",
                                             "доклад",
                                             "телеграмма",
                                             "срочно",
                                             "секретно",
                                             "получено",
                                             "одобрено",
                                             "Тебриз",
                                             "Тегеран",
                                             "Баку",
                                             "Москва"};
  static constexpr const char* kPersian[] = {
      "و",        "در",      "به",      "از",    "که",        "دولت",     "شوروی",   "ایران",
      "حزب",      "توده",    "کمیته",   "مرکزی", "دبیر",      "نیروهای",  "خروج",    "قرارداد",
      "نفت",      "امتیاز",  "استان",   "شمال",  "آذربایجان", "دموکرات",  "جنبش",    "دستور",
      "اقدامات",  "سازمان",  "حمایت",   "رهبری", "تصمیم",     "شورای",    "وزیران",  "سفارت",
      "کنسولگری", "سفیر",    "مذاکرات", "مجلس",  "شاه",       "انتخابات", "کارگران", "دهقانان",
      "روزنامه",  "چاپخانه", "مدارس",   "زبان",  "ارتش",      "مرز",      "گزارش",   "تلگرام",
      "فوری",     "محرمانه", "تبریز",   "تهران", "باکو",      "مسکو"};

  template <std::size_t N>
  std::string sentence(const char* const (&words)[N], std::size_t count, const char* name) {
    std::string s;
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) s += ' ';
      s += i == count / 2 ? name : words[zipf(N)];
    }
    s += '.';
    return s;
  }

  archive::FuzzyDate date() {
    using namespace archive;
    const int year = 1917 + static_cast<int>(zipf(75));
    const auto month = static_cast<unsigned>(1 + pick(12));
    const auto day = static_cast<unsigned>(1 + pick(28));
    char text[64];
    switch (pick(10)) {
      case 0:
        std::snprintf(text, sizeof text, "%d", year);
        break;
      case 1:
        std::snprintf(text, sizeof text, "%d-%02u", year, month);
        break;
      case 2:
        std::snprintf(text, sizeof text, "%d~", year);
        break;
      case 3:
        std::snprintf(text, sizeof text, "%d/%d", year, year + 1 + static_cast<int>(pick(3)));
        break;
      case 4:
        std::snprintf(text, sizeof text, "%d-%02u-%02u?", year, month, day);
        break;
      case 5:
        std::snprintf(text, sizeof text, "%d-2%u", year, 1 + static_cast<unsigned>(pick(4)));
        break;
      case 6:
        return {};  // undated
      default:
        std::snprintf(text, sizeof text, "%d-%02u-%02u", year, month, day);
        break;
    }
    auto d = parse_edtf(text);
    return d ? *d : FuzzyDate{};
  }

  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }
  // Zipf-like: small values far more often than large ones.
  std::size_t zipf(std::size_t n) {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random_);
    const auto k = static_cast<std::size_t>(std::pow(static_cast<double>(n + 1), u)) - 1;
    return k < n ? k : n - 1;
  }

  std::mt19937_64 random_;
};

/// The fixed query mix of the latency benchmarks: common and rare words, two-word queries,
/// phrases and names in every script (for FTS5 and Xapian: the same words, no fields).
inline const std::vector<std::string>& query_mix() {
  static const std::vector<std::string> queries = {
      "oil",
      "troops withdrawal",
      "\"northern Iran\"",
      "Tabriz",
      "concession",
      "Soviet agreement",
      "Majlis elections",
      "Stalin",
      "Bagirov",
      "Сталин",
      "Багиров",
      "نفت",
      "printing",
      "Kurdish",
      "amnesty",
      "railway grain",
      "\"oil concessions\"",
      "Molotov",
      "Тебриз",
      "Kianuri",
      "secret instructions",
      "Mosaddegh",
      "cotton trade",
      "embassy",
  };
  return queries;
}

}  // namespace archive_bench
