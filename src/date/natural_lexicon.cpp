#include "date/natural_lexicon.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "archive/date/calendar.hpp"
#include "archive/text/normalize.hpp"

namespace archive::detail {

namespace {

constexpr std::uint8_t E = kNlEnglish;
constexpr std::uint8_t R = kNlRussian;
constexpr std::uint8_t P = kNlPersian;
constexpr std::uint8_t A = kNlAnyLanguage;

struct Raw {
  const char* phrase;  // words separated by single spaces, as written (folded at build time)
  NlClass cls;
  std::int16_t value;
  std::uint8_t languages;
  std::uint8_t flag;
};

constexpr std::int16_t cal(Calendar c) {
  return static_cast<std::int16_t>(c);
}
constexpr std::int16_t part(NlPart p) {
  return static_cast<std::int16_t>(p);
}
constexpr std::uint8_t kWestern = static_cast<std::uint8_t>(NlMonthKind::western);
constexpr std::uint8_t kPersianMonth = static_cast<std::uint8_t>(NlMonthKind::persian);
constexpr std::uint8_t kHijriMonth = static_cast<std::uint8_t>(NlMonthKind::hijri);

using C = NlClass;

// clang-format off
constexpr Raw kRaw[] = {
  // Gregorian (and Julian) months: English.
  {"january", C::month, 1, E, kWestern}, {"jan", C::month, 1, E, kWestern},
  {"february", C::month, 2, E, kWestern}, {"feb", C::month, 2, E, kWestern},
  {"febr", C::month, 2, E, kWestern},
  {"march", C::month, 3, E, kWestern}, {"mar", C::month, 3, E, kWestern},
  {"april", C::month, 4, E, kWestern}, {"apr", C::month, 4, E, kWestern},
  {"may", C::month, 5, E, kWestern},
  {"june", C::month, 6, E, kWestern}, {"jun", C::month, 6, E, kWestern},
  {"july", C::month, 7, E, kWestern}, {"jul", C::month, 7, E, kWestern},
  {"august", C::month, 8, E, kWestern}, {"aug", C::month, 8, E, kWestern},
  {"september", C::month, 9, E, kWestern}, {"sep", C::month, 9, E, kWestern},
  {"sept", C::month, 9, E, kWestern},
  {"october", C::month, 10, E, kWestern}, {"oct", C::month, 10, E, kWestern},
  {"november", C::month, 11, E, kWestern}, {"nov", C::month, 11, E, kWestern},
  {"december", C::month, 12, E, kWestern}, {"dec", C::month, 12, E, kWestern},
  // Russian: nominative, genitive ("6 июля"), prepositional ("в июле"), abbreviations.
  {"январь", C::month, 1, R, kWestern}, {"января", C::month, 1, R, kWestern},
  {"январе", C::month, 1, R, kWestern}, {"янв", C::month, 1, R, kWestern},
  {"февраль", C::month, 2, R, kWestern}, {"февраля", C::month, 2, R, kWestern},
  {"феврале", C::month, 2, R, kWestern}, {"фев", C::month, 2, R, kWestern},
  {"февр", C::month, 2, R, kWestern},
  {"март", C::month, 3, R, kWestern}, {"марта", C::month, 3, R, kWestern},
  {"марте", C::month, 3, R, kWestern}, {"мар", C::month, 3, R, kWestern},
  {"апрель", C::month, 4, R, kWestern}, {"апреля", C::month, 4, R, kWestern},
  {"апреле", C::month, 4, R, kWestern}, {"апр", C::month, 4, R, kWestern},
  {"май", C::month, 5, R, kWestern}, {"мая", C::month, 5, R, kWestern},
  {"мае", C::month, 5, R, kWestern},
  {"июнь", C::month, 6, R, kWestern}, {"июня", C::month, 6, R, kWestern},
  {"июне", C::month, 6, R, kWestern}, {"июн", C::month, 6, R, kWestern},
  {"июль", C::month, 7, R, kWestern}, {"июля", C::month, 7, R, kWestern},
  {"июле", C::month, 7, R, kWestern}, {"июл", C::month, 7, R, kWestern},
  {"август", C::month, 8, R, kWestern}, {"августа", C::month, 8, R, kWestern},
  {"августе", C::month, 8, R, kWestern}, {"авг", C::month, 8, R, kWestern},
  {"сентябрь", C::month, 9, R, kWestern}, {"сентября", C::month, 9, R, kWestern},
  {"сентябре", C::month, 9, R, kWestern}, {"сен", C::month, 9, R, kWestern},
  {"сент", C::month, 9, R, kWestern},
  {"октябрь", C::month, 10, R, kWestern}, {"октября", C::month, 10, R, kWestern},
  {"октябре", C::month, 10, R, kWestern}, {"окт", C::month, 10, R, kWestern},
  {"ноябрь", C::month, 11, R, kWestern}, {"ноября", C::month, 11, R, kWestern},
  {"ноябре", C::month, 11, R, kWestern}, {"ноя", C::month, 11, R, kWestern},
  {"нояб", C::month, 11, R, kWestern},
  {"декабрь", C::month, 12, R, kWestern}, {"декабря", C::month, 12, R, kWestern},
  {"декабре", C::month, 12, R, kWestern}, {"дек", C::month, 12, R, kWestern},
  // Gregorian months written in Persian.
  {"ژانویه", C::month, 1, P, kWestern}, {"ژانویهٔ", C::month, 1, P, kWestern},
  {"ژانویه‌ی", C::month, 1, P, kWestern},
  {"فوریه", C::month, 2, P, kWestern}, {"فوریهٔ", C::month, 2, P, kWestern},
  {"مارس", C::month, 3, P, kWestern},
  {"آوریل", C::month, 4, P, kWestern}, {"اپریل", C::month, 4, P, kWestern},
  {"مه", C::month, 5, P, kWestern}, {"می", C::month, 5, P, kWestern},
  {"مئی", C::month, 5, P, kWestern},
  {"ژوئن", C::month, 6, P, kWestern}, {"جون", C::month, 6, P, kWestern},
  {"ژوئیه", C::month, 7, P, kWestern}, {"ژوییه", C::month, 7, P, kWestern},
  {"ژوئیهٔ", C::month, 7, P, kWestern}, {"جولای", C::month, 7, P, kWestern},
  {"اوت", C::month, 8, P, kWestern}, {"آگوست", C::month, 8, P, kWestern},
  {"اگوست", C::month, 8, P, kWestern},
  {"سپتامبر", C::month, 9, P, kWestern},
  {"اکتبر", C::month, 10, P, kWestern},
  {"نوامبر", C::month, 11, P, kWestern},
  {"دسامبر", C::month, 12, P, kWestern},
  // Gregorian months in Arabic (documents in Arabic filed with Persian ones).
  {"يناير", C::month, 1, P, kWestern}, {"فبراير", C::month, 2, P, kWestern},
  {"أبريل", C::month, 4, P, kWestern}, {"مايو", C::month, 5, P, kWestern},
  {"يونيو", C::month, 6, P, kWestern}, {"يوليو", C::month, 7, P, kWestern},
  {"أغسطس", C::month, 8, P, kWestern}, {"سبتمبر", C::month, 9, P, kWestern},
  {"أكتوبر", C::month, 10, P, kWestern}, {"نوفمبر", C::month, 11, P, kWestern},
  {"ديسمبر", C::month, 12, P, kWestern},
  // Solar Hijri months: Persian, romanized, Russian.
  {"فروردین", C::month, 1, P, kPersianMonth}, {"اردیبهشت", C::month, 2, P, kPersianMonth},
  {"خرداد", C::month, 3, P, kPersianMonth}, {"تیر", C::month, 4, P, kPersianMonth},
  {"مرداد", C::month, 5, P, kPersianMonth}, {"امرداد", C::month, 5, P, kPersianMonth},
  {"شهریور", C::month, 6, P, kPersianMonth}, {"مهر", C::month, 7, P, kPersianMonth},
  {"آبان", C::month, 8, P, kPersianMonth}, {"آذر", C::month, 9, P, kPersianMonth},
  {"دی", C::month, 10, P, kPersianMonth}, {"بهمن", C::month, 11, P, kPersianMonth},
  {"اسفند", C::month, 12, P, kPersianMonth},
  {"farvardin", C::month, 1, E, kPersianMonth}, {"ordibehesht", C::month, 2, E, kPersianMonth},
  {"khordad", C::month, 3, E, kPersianMonth}, {"tir", C::month, 4, E, kPersianMonth},
  {"mordad", C::month, 5, E, kPersianMonth}, {"amordad", C::month, 5, E, kPersianMonth},
  {"shahrivar", C::month, 6, E, kPersianMonth}, {"shahrivar", C::month, 6, E, kPersianMonth},
  {"mehr", C::month, 7, E, kPersianMonth}, {"aban", C::month, 8, E, kPersianMonth},
  {"azar", C::month, 9, E, kPersianMonth}, {"dey", C::month, 10, E, kPersianMonth},
  {"dei", C::month, 10, E, kPersianMonth}, {"bahman", C::month, 11, E, kPersianMonth},
  {"esfand", C::month, 12, E, kPersianMonth}, {"esfand", C::month, 12, E, kPersianMonth},
  {"фарвардин", C::month, 1, R, kPersianMonth}, {"ордибехешт", C::month, 2, R, kPersianMonth},
  {"хордад", C::month, 3, R, kPersianMonth}, {"тир", C::month, 4, R, kPersianMonth},
  {"мордад", C::month, 5, R, kPersianMonth}, {"шахривар", C::month, 6, R, kPersianMonth},
  {"мехр", C::month, 7, R, kPersianMonth}, {"абан", C::month, 8, R, kPersianMonth},
  {"азар", C::month, 9, R, kPersianMonth}, {"дей", C::month, 10, R, kPersianMonth},
  {"бахман", C::month, 11, R, kPersianMonth}, {"эсфанд", C::month, 12, R, kPersianMonth},
  {"фарвардина", C::month, 1, R, kPersianMonth}, {"ордибехешта", C::month, 2, R, kPersianMonth},
  {"хордада", C::month, 3, R, kPersianMonth}, {"тира", C::month, 4, R, kPersianMonth},
  {"мордада", C::month, 5, R, kPersianMonth}, {"шахривара", C::month, 6, R, kPersianMonth},
  {"мехра", C::month, 7, R, kPersianMonth}, {"абана", C::month, 8, R, kPersianMonth},
  {"азара", C::month, 9, R, kPersianMonth}, {"дея", C::month, 10, R, kPersianMonth},
  {"бахмана", C::month, 11, R, kPersianMonth}, {"эсфанда", C::month, 12, R, kPersianMonth},
  // Lunar Hijri months: Persian/Arabic spellings and common romanizations.
  {"محرم", C::month, 1, P, kHijriMonth}, {"محرم الحرام", C::month, 1, P, kHijriMonth},
  {"صفر", C::month, 2, P, kHijriMonth},
  {"ربیع الاول", C::month, 3, P, kHijriMonth}, {"ربیع‌الاول", C::month, 3, P, kHijriMonth},
  {"ربیع الثانی", C::month, 4, P, kHijriMonth}, {"ربیع‌الثانی", C::month, 4, P, kHijriMonth},
  {"ربیع الآخر", C::month, 4, P, kHijriMonth}, {"ربیع‌الآخر", C::month, 4, P, kHijriMonth},
  {"جمادی الاول", C::month, 5, P, kHijriMonth}, {"جمادی‌الاول", C::month, 5, P, kHijriMonth},
  {"جمادی الاولی", C::month, 5, P, kHijriMonth}, {"جمادی‌الاولی", C::month, 5, P, kHijriMonth},
  {"جمادی الثانی", C::month, 6, P, kHijriMonth}, {"جمادی‌الثانی", C::month, 6, P, kHijriMonth},
  {"جمادی الآخر", C::month, 6, P, kHijriMonth}, {"جمادی‌الآخر", C::month, 6, P, kHijriMonth},
  {"جمادی الاخره", C::month, 6, P, kHijriMonth}, {"جمادی‌الاخره", C::month, 6, P, kHijriMonth},
  {"رجب", C::month, 7, P, kHijriMonth}, {"شعبان", C::month, 8, P, kHijriMonth},
  {"رمضان", C::month, 9, P, kHijriMonth}, {"شوال", C::month, 10, P, kHijriMonth},
  {"ذی القعده", C::month, 11, P, kHijriMonth}, {"ذی‌القعده", C::month, 11, P, kHijriMonth},
  {"ذیقعده", C::month, 11, P, kHijriMonth}, {"ذوالقعده", C::month, 11, P, kHijriMonth},
  {"ذی الحجه", C::month, 12, P, kHijriMonth}, {"ذی‌الحجه", C::month, 12, P, kHijriMonth},
  {"ذیحجه", C::month, 12, P, kHijriMonth}, {"ذوالحجه", C::month, 12, P, kHijriMonth},
  {"muharram", C::month, 1, E, kHijriMonth}, {"muharam", C::month, 1, E, kHijriMonth},
  {"safar", C::month, 2, E, kHijriMonth},
  {"rabi i", C::month, 3, E, kHijriMonth}, {"rabi al awwal", C::month, 3, E, kHijriMonth},
  {"rabi ul awwal", C::month, 3, E, kHijriMonth}, {"rabi al-awwal", C::month, 3, E, kHijriMonth},
  {"rabi ii", C::month, 4, E, kHijriMonth}, {"rabi al thani", C::month, 4, E, kHijriMonth},
  {"rabi al akhir", C::month, 4, E, kHijriMonth}, {"rabi ul akhir", C::month, 4, E, kHijriMonth},
  {"rabi us sani", C::month, 4, E, kHijriMonth},
  {"jumada i", C::month, 5, E, kHijriMonth}, {"jumada al ula", C::month, 5, E, kHijriMonth},
  {"jumada al awwal", C::month, 5, E, kHijriMonth}, {"jumada l ula", C::month, 5, E, kHijriMonth},
  {"jumada ii", C::month, 6, E, kHijriMonth}, {"jumada al thani", C::month, 6, E, kHijriMonth},
  {"jumada al akhira", C::month, 6, E, kHijriMonth},
  {"jumada al akhirah", C::month, 6, E, kHijriMonth},
  {"jumada l akhira", C::month, 6, E, kHijriMonth},
  {"rajab", C::month, 7, E, kHijriMonth}, {"shaban", C::month, 8, E, kHijriMonth},
  {"ramadan", C::month, 9, E, kHijriMonth}, {"ramazan", C::month, 9, E, kHijriMonth},
  {"ramadhan", C::month, 9, E, kHijriMonth},
  {"shawwal", C::month, 10, E, kHijriMonth},
  {"dhu al qadah", C::month, 11, E, kHijriMonth}, {"dhu al qada", C::month, 11, E, kHijriMonth},
  {"dhul qadah", C::month, 11, E, kHijriMonth}, {"dhu l qada", C::month, 11, E, kHijriMonth},
  {"dhu l qadah", C::month, 11, E, kHijriMonth}, {"du al qadat", C::month, 11, E, kHijriMonth},
  {"dhu al qidah", C::month, 11, E, kHijriMonth}, {"zulqadah", C::month, 11, E, kHijriMonth},
  {"dhu al hijjah", C::month, 12, E, kHijriMonth}, {"dhu al hijja", C::month, 12, E, kHijriMonth},
  {"dhul hijjah", C::month, 12, E, kHijriMonth}, {"dhu l hijja", C::month, 12, E, kHijriMonth},
  {"dhu l hijjah", C::month, 12, E, kHijriMonth}, {"du al hijjat", C::month, 12, E, kHijriMonth},
  {"zulhijjah", C::month, 12, E, kHijriMonth},
  {"мухаррам", C::month, 1, R, kHijriMonth}, {"сафар", C::month, 2, R, kHijriMonth},
  {"раджаб", C::month, 7, R, kHijriMonth}, {"шабан", C::month, 8, R, kHijriMonth},
  {"рамадан", C::month, 9, R, kHijriMonth}, {"рамазан", C::month, 9, R, kHijriMonth},
  {"шавваль", C::month, 10, R, kHijriMonth},

  // Seasons (Persian ones are the Solar Hijri quarters unless another calendar is marked).
  {"spring", C::season, 21, E, 0}, {"summer", C::season, 22, E, 0},
  {"autumn", C::season, 23, E, 0}, {"fall", C::season, 23, E, 0},
  {"winter", C::season, 24, E, 0},
  {"весна", C::season, 21, R, 0}, {"весной", C::season, 21, R, 0},
  {"весны", C::season, 21, R, 0}, {"весну", C::season, 21, R, 0},
  {"весне", C::season, 21, R, 0},
  {"лето", C::season, 22, R, 0}, {"летом", C::season, 22, R, 0},
  {"лета", C::season, 22, R, 0}, {"лете", C::season, 22, R, 0},
  {"осень", C::season, 23, R, 0}, {"осенью", C::season, 23, R, 0},
  {"осени", C::season, 23, R, 0},
  {"зима", C::season, 24, R, 0}, {"зимой", C::season, 24, R, 0},
  {"зимы", C::season, 24, R, 0}, {"зиму", C::season, 24, R, 0},
  {"зиме", C::season, 24, R, 0},
  {"بهار", C::season, 21, P, 1}, {"تابستان", C::season, 22, P, 1},
  {"پاییز", C::season, 23, P, 1}, {"پائیز", C::season, 23, P, 1},
  {"زمستان", C::season, 24, P, 1},

  // Approximate.
  {"c", C::approx, 0, A, 0}, {"ca", C::approx, 0, A, 0}, {"cca", C::approx, 0, A, 0},
  {"ci", C::approx, 0, E, 0}, {"circa", C::approx, 0, A, 0}, {"approx", C::approx, 0, E, 0},
  {"approximately", C::approx, 0, E, 0}, {"about", C::approx, 0, E, 0},
  {"around", C::approx, 0, E, 0}, {"abt", C::approx, 0, E, 0},
  {"roughly", C::approx, 0, E, 0},
  {"около", C::approx, 0, R, 0}, {"ок", C::approx, 0, R, 0}, {"прибл", C::approx, 0, R, 0},
  {"приблизительно", C::approx, 0, R, 0}, {"примерно", C::approx, 0, R, 0},
  {"ориентировочно", C::approx, 0, R, 0},
  {"حدود", C::approx, 0, P, 0}, {"حدودا", C::approx, 0, P, 0}, {"حدوداً", C::approx, 0, P, 0},
  {"در حدود", C::approx, 0, P, 0}, {"تقریبا", C::approx, 0, P, 0},
  {"تقریباً", C::approx, 0, P, 0}, {"حوالی", C::approx, 0, P, 0},
  {"approx", C::approx_suffix, 0, E, 0}, {"approximately", C::approx_suffix, 0, E, 0},
  {"circa", C::approx_suffix, 0, E, 0}, {"ca", C::approx_suffix, 0, E, 0},
  {"приблизительно", C::approx_suffix, 0, R, 0}, {"примерно", C::approx_suffix, 0, R, 0},
  {"حدودا", C::approx_suffix, 0, P, 0}, {"تقریبا", C::approx_suffix, 0, P, 0},

  // Uncertain.
  {"maybe", C::uncertain, 0, E, 0}, {"perhaps", C::uncertain, 0, E, 0},
  {"possibly", C::uncertain, 0, E, 0}, {"probably", C::uncertain, 0, E, 0},
  {"uncertain", C::uncertain, 0, E, 0}, {"presumably", C::uncertain, 0, E, 0},
  {"вероятно", C::uncertain, 0, R, 0}, {"возможно", C::uncertain, 0, R, 0},
  {"предположительно", C::uncertain, 0, R, 0}, {"предп", C::uncertain, 0, R, 0},
  {"احتمالا", C::uncertain, 0, P, 0}, {"احتمالاً", C::uncertain, 0, P, 0},
  {"شاید", C::uncertain, 0, P, 0},
  {"maybe", C::uncertain_suffix, 0, E, 0}, {"guess", C::uncertain_suffix, 0, E, 0},
  {"uncertain", C::uncertain_suffix, 0, E, 0}, {"probably", C::uncertain_suffix, 0, E, 0},
  {"perhaps", C::uncertain_suffix, 0, E, 0}, {"possibly", C::uncertain_suffix, 0, E, 0},
  {"вероятно", C::uncertain_suffix, 0, R, 0}, {"предположительно", C::uncertain_suffix, 0, R, 0},
  {"احتمالا", C::uncertain_suffix, 0, P, 0},

  // Before / after (the named date is included: a terminus ante or post quem).
  {"before", C::before, 0, E, 0}, {"earlier than", C::before, 0, E, 0},
  {"prior to", C::before, 0, E, 0}, {"not after", C::before, 0, E, 0},
  {"no later than", C::before, 0, E, 0}, {"not later than", C::before, 0, E, 0},
  {"by", C::before, 0, E, 0}, {"until", C::before, 0, E, 0}, {"pre", C::before, 0, E, 0},
  {"до", C::before, 0, R, 0}, {"ранее", C::before, 0, R, 0}, {"раньше", C::before, 0, R, 0},
  {"не позднее", C::before, 0, R, 0}, {"не позже", C::before, 0, R, 0},
  {"не ранее", C::after, 0, R, 0}, {"не раньше", C::after, 0, R, 0},
  {"قبل از", C::before, 0, P, 0}, {"پیش از", C::before, 0, P, 0},
  {"تا", C::before, 0, P, 0},
  {"after", C::after, 0, E, 0}, {"later than", C::after, 0, E, 0},
  {"not before", C::after, 0, E, 0}, {"no earlier than", C::after, 0, E, 0},
  {"not earlier than", C::after, 0, E, 0}, {"since", C::after, 0, E, 0},
  {"post", C::after, 0, E, 0},
  {"после", C::after, 0, R, 0}, {"позднее", C::after, 0, R, 0}, {"позже", C::after, 0, R, 0},
  {"بعد از", C::after, 0, P, 0}, {"پس از", C::after, 0, P, 0},

  // Ranges and lists.
  {"between", C::between, 0, E, 0}, {"между", C::between, 0, R, 0},
  {"بین", C::between, 0, P, 0}, {"میان", C::between, 0, P, 0},
  {"and", C::conj_and, 0, E, 0}, {"и", C::conj_and, 0, R, 0}, {"و", C::conj_and, 0, P, 0},
  {"or", C::conj_or, 0, E, 0}, {"или", C::conj_or, 0, R, 0}, {"либо", C::conj_or, 0, R, 0},
  {"یا", C::conj_or, 0, P, 0},
  {"from", C::from, 0, E, 0}, {"с", C::from, 0, R, 0}, {"со", C::from, 0, R, 0},
  {"от", C::from, 0, R, 0}, {"از", C::from, 0, P, 0},
  {"to", C::to, 0, E, 0}, {"until", C::to, 0, E, 0}, {"till", C::to, 0, E, 0},
  {"through", C::to, 0, E, 0}, {"thru", C::to, 0, E, 0},
  {"по", C::to, 0, R, 0}, {"до", C::to, 0, R, 0}, {"تا", C::to, 0, P, 0},
  {"or later", C::or_later, 0, E, 0}, {"or after", C::or_later, 0, E, 0},
  {"and later", C::or_later, 0, E, 0}, {"or earlier", C::or_earlier, 0, E, 0},
  {"or before", C::or_earlier, 0, E, 0}, {"и позднее", C::or_later, 0, R, 0},
  {"или позднее", C::or_later, 0, R, 0}, {"или ранее", C::or_earlier, 0, R, 0},
  {"و بعد", C::or_later, 0, P, 0}, {"یا بعد", C::or_later, 0, P, 0},
  {"یا قبل", C::or_earlier, 0, P, 0},

  // Parts: thirds, halves, quarters.
  {"early", C::part, part(NlPart::early), E, 0},
  {"beginning", C::part, part(NlPart::early), E, 0},
  {"beginning of", C::part, part(NlPart::early), E, 0},
  {"start of", C::part, part(NlPart::early), E, 0},
  {"mid", C::part, part(NlPart::mid), E, 0}, {"middle", C::part, part(NlPart::mid), E, 0},
  {"middle of", C::part, part(NlPart::mid), E, 0},
  {"late", C::part, part(NlPart::late), E, 0}, {"end of", C::part, part(NlPart::late), E, 0},
  {"first half", C::part, part(NlPart::first_half), E, 0},
  {"1st half", C::part, part(NlPart::first_half), E, 0},
  {"second half", C::part, part(NlPart::second_half), E, 0},
  {"2nd half", C::part, part(NlPart::second_half), E, 0},
  {"latter half", C::part, part(NlPart::second_half), E, 0},
  {"first quarter", C::part, part(NlPart::first_quarter), E, 0},
  {"second quarter", C::part, part(NlPart::second_quarter), E, 0},
  {"third quarter", C::part, part(NlPart::third_quarter), E, 0},
  {"fourth quarter", C::part, part(NlPart::fourth_quarter), E, 0},
  {"last quarter", C::part, part(NlPart::fourth_quarter), E, 0},
  {"начало", C::part, part(NlPart::early), R, 0}, {"начала", C::part, part(NlPart::early), R, 0},
  {"начале", C::part, part(NlPart::early), R, 0}, {"нач", C::part, part(NlPart::early), R, 0},
  {"сер", C::part, part(NlPart::mid), R, 0}, {"кон", C::part, part(NlPart::late), R, 0},
  {"середина", C::part, part(NlPart::mid), R, 0}, {"середины", C::part, part(NlPart::mid), R, 0},
  {"середине", C::part, part(NlPart::mid), R, 0},
  {"конец", C::part, part(NlPart::late), R, 0}, {"конца", C::part, part(NlPart::late), R, 0},
  {"конце", C::part, part(NlPart::late), R, 0},
  {"первая половина", C::part, part(NlPart::first_half), R, 0},
  {"первой половины", C::part, part(NlPart::first_half), R, 0},
  {"первой половине", C::part, part(NlPart::first_half), R, 0},
  {"вторая половина", C::part, part(NlPart::second_half), R, 0},
  {"второй половины", C::part, part(NlPart::second_half), R, 0},
  {"второй половине", C::part, part(NlPart::second_half), R, 0},
  {"первая четверть", C::part, part(NlPart::first_quarter), R, 0},
  {"первой четверти", C::part, part(NlPart::first_quarter), R, 0},
  {"вторая четверть", C::part, part(NlPart::second_quarter), R, 0},
  {"второй четверти", C::part, part(NlPart::second_quarter), R, 0},
  {"третья четверть", C::part, part(NlPart::third_quarter), R, 0},
  {"третьей четверти", C::part, part(NlPart::third_quarter), R, 0},
  {"последняя четверть", C::part, part(NlPart::fourth_quarter), R, 0},
  {"последней четверти", C::part, part(NlPart::fourth_quarter), R, 0},
  {"четвертая четверть", C::part, part(NlPart::fourth_quarter), R, 0},
  {"четвертой четверти", C::part, part(NlPart::fourth_quarter), R, 0},
  {"اوایل", C::part, part(NlPart::early), P, 0}, {"اوائل", C::part, part(NlPart::early), P, 0},
  {"ابتدای", C::part, part(NlPart::early), P, 0}, {"آغاز", C::part, part(NlPart::early), P, 0},
  {"اواسط", C::part, part(NlPart::mid), P, 0}, {"میانه", C::part, part(NlPart::mid), P, 0},
  {"میانه‌ی", C::part, part(NlPart::mid), P, 0},
  {"اواخر", C::part, part(NlPart::late), P, 0}, {"پایان", C::part, part(NlPart::late), P, 0},
  {"نیمه اول", C::part, part(NlPart::first_half), P, 0},
  {"نیمه‌ی اول", C::part, part(NlPart::first_half), P, 0},
  {"نیمه نخست", C::part, part(NlPart::first_half), P, 0},
  {"نیمه دوم", C::part, part(NlPart::second_half), P, 0},
  {"نیمه‌ی دوم", C::part, part(NlPart::second_half), P, 0},

  // Centuries and decades.
  {"century", C::century_word, 0, E, 0}, {"centuries", C::century_word, 0, E, 0},
  {"cent", C::century_word, 0, E, 0}, {"c", C::century_word, 0, E, 0},
  {"век", C::century_word, 0, R, 0}, {"века", C::century_word, 0, R, 0},
  {"веке", C::century_word, 0, R, 0}, {"веков", C::century_word, 0, R, 0},
  {"в", C::century_word, 0, R, 0}, {"вв", C::century_word, 0, R, 0},
  {"столетие", C::century_word, 0, R, 0}, {"столетия", C::century_word, 0, R, 0},
  {"قرن", C::century_lead, 0, P, 0}, {"سده", C::century_lead, 0, P, 0},
  {"سده‌ی", C::century_lead, 0, P, 0}, {"قرن‌های", C::century_lead, 0, P, 0},
  {"دهه", C::decade_lead, 0, P, 0}, {"دهه‌ی", C::decade_lead, 0, P, 0},
  {"دههٔ", C::decade_lead, 0, P, 0},
  {"forties", C::decade_name, 40, E, 0}, {"fifties", C::decade_name, 50, E, 0},
  {"twenties", C::decade_name, 20, E, 0}, {"thirties", C::decade_name, 30, E, 0},
  {"sixties", C::decade_name, 60, E, 0}, {"seventies", C::decade_name, 70, E, 0},
  {"eighties", C::decade_name, 80, E, 0}, {"nineties", C::decade_name, 90, E, 0},
  {"двадцатые", C::decade_name, 20, R, 0}, {"двадцатых", C::decade_name, 20, R, 0},
  {"тридцатые", C::decade_name, 30, R, 0}, {"тридцатых", C::decade_name, 30, R, 0},
  {"сороковые", C::decade_name, 40, R, 0}, {"сороковых", C::decade_name, 40, R, 0},
  {"пятидесятые", C::decade_name, 50, R, 0}, {"пятидесятых", C::decade_name, 50, R, 0},
  {"шестидесятые", C::decade_name, 60, R, 0}, {"шестидесятых", C::decade_name, 60, R, 0},
  {"семидесятые", C::decade_name, 70, R, 0}, {"семидесятых", C::decade_name, 70, R, 0},
  {"восьмидесятые", C::decade_name, 80, R, 0}, {"восьмидесятых", C::decade_name, 80, R, 0},
  {"девяностые", C::decade_name, 90, R, 0}, {"девяностых", C::decade_name, 90, R, 0},

  // Year words.
  {"г", C::year_word, 0, R, 0}, {"год", C::year_word, 0, R, 0}, {"года", C::year_word, 0, R, 0},
  {"году", C::year_word, 0, R, 0}, {"годом", C::year_word, 0, R, 0},
  {"гг", C::year_word, 0, R, 0}, {"г г", C::year_word, 0, R, 0},
  {"годы", C::year_word, 0, R, 0}, {"годов", C::year_word, 0, R, 0},
  {"годах", C::year_word, 0, R, 0}, {"годам", C::year_word, 0, R, 0},
  {"year", C::year_lead, 0, E, 0}, {"the year", C::year_lead, 0, E, 0},
  {"سال", C::year_lead, 0, P, 0}, {"سالِ", C::year_lead, 0, P, 0},
  {"سال‌های", C::year_lead, 0, P, 0}, {"سال های", C::year_lead, 0, P, 0},

  // Eras.
  {"ad", C::era, 1, A, 0}, {"a d", C::era, 1, A, 0}, {"ce", C::era, 1, A, 0},
  {"c e", C::era, 1, A, 0},
  {"bc", C::era, -1, A, 0}, {"b c", C::era, -1, A, 0}, {"bce", C::era, -1, A, 0},
  {"b c e", C::era, -1, A, 0},
  {"н э", C::era, 1, R, 0}, {"нэ", C::era, 1, R, 0}, {"до н э", C::era, -1, R, 0},
  {"до нэ", C::era, -1, R, 0}, {"до р х", C::era, -1, R, 0},
  {"میلادی", C::era, 1, P, 1}, {"م", C::era, 1, P, 1},
  {"ق م", C::era, -1, P, 1}, {"قبل از میلاد", C::era, -1, P, 1},
  {"پیش از میلاد", C::era, -1, P, 1}, {"بعد از میلاد", C::era, 1, P, 1},

  // Calendar marks.
  {"os", C::calendar, cal(Calendar::julian), A, 0},
  {"o s", C::calendar, cal(Calendar::julian), A, 0},
  {"old style", C::calendar, cal(Calendar::julian), E, 0},
  {"julian", C::calendar, cal(Calendar::julian), E, 0},
  {"ns", C::calendar, cal(Calendar::gregorian), A, 0},
  {"n s", C::calendar, cal(Calendar::gregorian), A, 0},
  {"new style", C::calendar, cal(Calendar::gregorian), E, 0},
  {"gregorian", C::calendar, cal(Calendar::gregorian), E, 0},
  {"ст ст", C::calendar, cal(Calendar::julian), R, 0},
  {"по ст ст", C::calendar, cal(Calendar::julian), R, 0},
  {"ст стиля", C::calendar, cal(Calendar::julian), R, 0},
  {"старого стиля", C::calendar, cal(Calendar::julian), R, 0},
  {"по старому стилю", C::calendar, cal(Calendar::julian), R, 0},
  {"н ст", C::calendar, cal(Calendar::gregorian), R, 0},
  {"по н ст", C::calendar, cal(Calendar::gregorian), R, 0},
  {"нового стиля", C::calendar, cal(Calendar::gregorian), R, 0},
  {"по новому стилю", C::calendar, cal(Calendar::gregorian), R, 0},
  {"sh", C::calendar, cal(Calendar::persian), A, 0},
  {"s h", C::calendar, cal(Calendar::persian), A, 0},
  {"hs", C::calendar, cal(Calendar::persian), A, 0},
  {"ap", C::calendar, cal(Calendar::persian), E, 0},
  {"solar hijri", C::calendar, cal(Calendar::persian), E, 0},
  {"persian", C::calendar, cal(Calendar::persian), E, 0},
  {"shamsi", C::calendar, cal(Calendar::persian), E, 0},
  {"ah", C::calendar, cal(Calendar::hijri), A, 0},
  {"a h", C::calendar, cal(Calendar::hijri), A, 0},
  {"hijri", C::calendar, cal(Calendar::hijri), E, 0},
  {"lunar hijri", C::calendar, cal(Calendar::hijri), E, 0},
  {"islamic", C::calendar, cal(Calendar::hijri), E, 0},
  {"qamari", C::calendar, cal(Calendar::hijri), E, 0},
  {"с х", C::calendar, cal(Calendar::persian), R, 0},
  {"г х", C::calendar, cal(Calendar::hijri), R, 0},
  {"хиджры", C::calendar, cal(Calendar::hijri), R, 0},
  {"по хиджре", C::calendar, cal(Calendar::hijri), R, 0},
  {"ه ش", C::calendar, cal(Calendar::persian), P, 0},
  {"هش", C::calendar, cal(Calendar::persian), P, 0},
  {"ش", C::calendar, cal(Calendar::persian), P, 0},
  {"هجری شمسی", C::calendar, cal(Calendar::persian), P, 0},
  {"هجری خورشیدی", C::calendar, cal(Calendar::persian), P, 0},
  {"شمسی", C::calendar, cal(Calendar::persian), P, 0},
  {"خورشیدی", C::calendar, cal(Calendar::persian), P, 0},
  {"ه ق", C::calendar, cal(Calendar::hijri), P, 0},
  {"هق", C::calendar, cal(Calendar::hijri), P, 0},
  {"ق", C::calendar, cal(Calendar::hijri), P, 0},
  {"هجری قمری", C::calendar, cal(Calendar::hijri), P, 0},
  {"قمری", C::calendar, cal(Calendar::hijri), P, 0},

  // Undated.
  {"nd", C::undated, 0, E, 0}, {"n d", C::undated, 0, E, 0}, {"undated", C::undated, 0, E, 0},
  {"no date", C::undated, 0, E, 0}, {"not dated", C::undated, 0, E, 0},
  {"date not known", C::undated, 0, E, 0}, {"date unknown", C::undated, 0, E, 0},
  {"unknown date", C::undated, 0, E, 0}, {"unknown", C::undated, 0, E, 0},
  {"date unknown", C::undated, 0, E, 0}, {"s d", C::undated, 0, E, 0},
  {"s a", C::undated, 0, E, 0}, {"sine dato", C::undated, 0, E, 0},
  {"sine anno", C::undated, 0, E, 0}, {"no date given", C::undated, 0, E, 0},
  {"б д", C::undated, 0, R, 0}, {"бд", C::undated, 0, R, 0}, {"без даты", C::undated, 0, R, 0},
  {"дата неизвестна", C::undated, 0, R, 0}, {"не датировано", C::undated, 0, R, 0},
  {"не датирован", C::undated, 0, R, 0}, {"без даты", C::undated, 0, R, 0},
  {"б г", C::undated, 0, R, 0}, {"без года", C::undated, 0, R, 0},
  {"بی‌تاریخ", C::undated, 0, P, 0}, {"بی تاریخ", C::undated, 0, P, 0},
  {"بدون تاریخ", C::undated, 0, P, 0}, {"تاریخ نامعلوم", C::undated, 0, P, 0},
  {"بی‌تا", C::undated, 0, P, 0}, {"بی تا", C::undated, 0, P, 0},
  {"نامعلوم", C::undated, 0, P, 0}, {"تاریخ نامشخص", C::undated, 0, P, 0},

  // Events: what catalogers write before a date ("exhibited 1807") or after it as a remark
  // ("1826–7, reprinted 1892"). After a separator, an event of making the work itself (flag 1:
  // "reworked", "remade", "printed") adds its date; any other remark is skipped. Flag 2: only
  // before a date ("b. 1930", "fl. 1850"), never the start of a remark.
  {"refabricated", C::event, 0, E, 1},
  {"re fabricated", C::event, 0, E, 1},
  {"re made", C::event, 0, E, 1},
  {"printed", C::event, 0, E, 1}, {"reprinted", C::event, 0, E, 0},
  {"published", C::event, 0, E, 0}, {"republished", C::event, 0, E, 0},
  {"first published", C::event, 0, E, 0}, {"first printed", C::event, 0, E, 0},
  {"cast", C::event, 0, E, 0}, {"recast", C::event, 0, E, 0}, {"exhibited", C::event, 0, E, 0},
  {"engraved", C::event, 0, E, 0}, {"etched", C::event, 0, E, 0},
  {"reworked", C::event, 0, E, 1}, {"reconstructed", C::event, 0, E, 1},
  {"remade", C::event, 0, E, 1}, {"replica", C::event, 0, E, 0},
  {"editioned", C::event, 0, E, 1}, {"enlarged", C::event, 0, E, 1},
  {"assembled", C::event, 0, E, 1}, {"reassembled", C::event, 0, E, 0},
  {"modeled", C::event, 0, E, 0}, {"modelled", C::event, 0, E, 0},
  {"annotated", C::event, 0, E, 0}, {"posthumous", C::event, 0, E, 0},
  {"later", C::event, 0, E, 0}, {"print", C::event, 0, E, 0}, {"edition", C::event, 0, E, 0},
  {"version", C::event, 0, E, 0}, {"copy", C::event, 0, E, 0},
  {"exhibition", C::event, 0, E, 0}, {"original", C::event, 0, E, 0},
  {"executed", C::event, 0, E, 0}, {"painted", C::event, 0, E, 0},
  {"drawn", C::event, 0, E, 0}, {"signed", C::event, 0, E, 0}, {"dated", C::event, 0, E, 0},
  {"inscribed", C::event, 0, E, 0}, {"completed", C::event, 0, E, 1},
  {"finished", C::event, 0, E, 1}, {"begun", C::event, 0, E, 0},
  {"restored", C::event, 0, E, 0}, {"repainted", C::event, 0, E, 1},
  {"retouched", C::event, 0, E, 1}, {"issued", C::event, 0, E, 0},
  {"reissued", C::event, 0, E, 0}, {"made", C::event, 0, E, 0},
  {"fabricated", C::event, 0, E, 1}, {"realised", C::event, 0, E, 1},
  {"realized", C::event, 0, E, 1}, {"photographed", C::event, 0, E, 0},
  {"developed", C::event, 0, E, 0}, {"carved", C::event, 0, E, 0},
  {"woven", C::event, 0, E, 0}, {"designed", C::event, 0, E, 0},
  {"built", C::event, 0, E, 0}, {"written", C::event, 0, E, 0},
  {"received", C::event, 0, E, 0}, {"sent", C::event, 0, E, 0},
  {"revised", C::event, 0, E, 0}, {"copied", C::event, 0, E, 0},
  {"reproduced", C::event, 0, E, 0}, {"reproduction", C::event, 0, E, 0},
  {"reconstruction", C::event, 0, E, 0}, {"repaired", C::event, 0, E, 0},
  {"this version", C::event, 0, E, 0}, {"with additions", C::event, 0, E, 0},
  {"partly remade", C::event, 0, E, 1}, {"lower panel remade", C::event, 0, E, 1},
  {"later dated", C::event, 0, E, 0}, {"later cast", C::event, 0, E, 0},
  {"posthumous cast", C::event, 0, E, 0}, {"printed later", C::event, 0, E, 0},
  {"born", C::event, 0, E, 0}, {"died", C::event, 0, E, 0}, {"active", C::event, 0, E, 0},
  {"fl", C::event, 0, E, 2}, {"floruit", C::event, 0, E, 0}, {"b", C::event, 0, E, 2},
  {"d", C::event, 0, E, 2}, {"established", C::event, 0, E, 0},
  {"founded", C::event, 0, E, 0},
  {"опубликовано", C::event, 0, R, 0}, {"опубл", C::event, 0, R, 0},
  {"издано", C::event, 0, R, 0}, {"изд", C::event, 0, R, 0},
  {"напечатано", C::event, 0, R, 0}, {"перепечатано", C::event, 0, R, 0},
  {"получено", C::event, 0, R, 0}, {"отправлено", C::event, 0, R, 0},
  {"написано", C::event, 0, R, 0}, {"подписано", C::event, 0, R, 0},
  {"копия", C::event, 0, R, 0}, {"родился", C::event, 0, R, 0},
  {"род", C::event, 0, R, 0}, {"умер", C::event, 0, R, 0}, {"ум", C::event, 0, R, 0},
  {"چاپ", C::event, 0, P, 0}, {"منتشر", C::event, 0, P, 0}, {"انتشار", C::event, 0, P, 0},
  {"دریافت", C::event, 0, P, 0}, {"ارسال", C::event, 0, P, 0},
  {"تولد", C::event, 0, P, 0}, {"متولد", C::event, 0, P, 0}, {"وفات", C::event, 0, P, 0},
  {"درگذشت", C::event, 0, P, 0},

  // English ordinal words (centuries, days).
  {"first", C::ordinal, 1, E, 0}, {"second", C::ordinal, 2, E, 0},
  {"third", C::ordinal, 3, E, 0}, {"fourth", C::ordinal, 4, E, 0},
  {"fifth", C::ordinal, 5, E, 0}, {"sixth", C::ordinal, 6, E, 0},
  {"seventh", C::ordinal, 7, E, 0}, {"eighth", C::ordinal, 8, E, 0},
  {"ninth", C::ordinal, 9, E, 0}, {"tenth", C::ordinal, 10, E, 0},
  {"eleventh", C::ordinal, 11, E, 0}, {"twelfth", C::ordinal, 12, E, 0},
  {"thirteenth", C::ordinal, 13, E, 0}, {"fourteenth", C::ordinal, 14, E, 0},
  {"fifteenth", C::ordinal, 15, E, 0}, {"sixteenth", C::ordinal, 16, E, 0},
  {"seventeenth", C::ordinal, 17, E, 0}, {"eighteenth", C::ordinal, 18, E, 0},
  {"nineteenth", C::ordinal, 19, E, 0}, {"twentieth", C::ordinal, 20, E, 0},
  {"twenty first", C::ordinal, 21, E, 0},
  // Russian ordinal words for centuries (nominative and genitive).
  {"двадцатый", C::ordinal, 20, R, 0}, {"двадцатого", C::ordinal, 20, R, 0},
  {"девятнадцатый", C::ordinal, 19, R, 0}, {"девятнадцатого", C::ordinal, 19, R, 0},
  {"восемнадцатый", C::ordinal, 18, R, 0}, {"восемнадцатого", C::ordinal, 18, R, 0},

  // Weekdays (checked against the date).
  {"monday", C::weekday, 0, E, 0}, {"mon", C::weekday, 0, E, 0},
  {"tuesday", C::weekday, 1, E, 0}, {"tue", C::weekday, 1, E, 0},
  {"tues", C::weekday, 1, E, 0},
  {"wednesday", C::weekday, 2, E, 0}, {"wed", C::weekday, 2, E, 0},
  {"thursday", C::weekday, 3, E, 0}, {"thu", C::weekday, 3, E, 0},
  {"thur", C::weekday, 3, E, 0}, {"thurs", C::weekday, 3, E, 0},
  {"friday", C::weekday, 4, E, 0}, {"fri", C::weekday, 4, E, 0},
  {"saturday", C::weekday, 5, E, 0}, {"sat", C::weekday, 5, E, 0},
  {"sunday", C::weekday, 6, E, 0}, {"sun", C::weekday, 6, E, 0},
  {"понедельник", C::weekday, 0, R, 0}, {"вторник", C::weekday, 1, R, 0},
  {"среда", C::weekday, 2, R, 0}, {"четверг", C::weekday, 3, R, 0},
  {"пятница", C::weekday, 4, R, 0}, {"суббота", C::weekday, 5, R, 0},
  {"воскресенье", C::weekday, 6, R, 0},
  {"دوشنبه", C::weekday, 0, P, 0}, {"سه‌شنبه", C::weekday, 1, P, 0},
  {"سه شنبه", C::weekday, 1, P, 0}, {"چهارشنبه", C::weekday, 2, P, 0},
  {"پنجشنبه", C::weekday, 3, P, 0}, {"پنج‌شنبه", C::weekday, 3, P, 0},
  {"پنج شنبه", C::weekday, 3, P, 0}, {"جمعه", C::weekday, 4, P, 0},
  {"شنبه", C::weekday, 5, P, 0}, {"یکشنبه", C::weekday, 6, P, 0},
  {"یک‌شنبه", C::weekday, 6, P, 0}, {"یک شنبه", C::weekday, 6, P, 0},
  {"половина", C::half_word, 0, R, 0}, {"половины", C::half_word, 0, R, 0},
  {"половине", C::half_word, 0, R, 0},
  {"четверть", C::quarter_word, 0, R, 0}, {"четверти", C::quarter_word, 0, R, 0},

  // Fillers and suffixes.
  {"the", C::filler, 0, E, 0}, {"in", C::filler, 0, E, 0}, {"during", C::filler, 0, E, 0},
  {"sometime in", C::filler, 0, E, 0}, {"sometime during", C::filler, 0, E, 0},
  {"somewhere during", C::filler, 0, E, 0}, {"year in", C::filler, 0, E, 0},
  {"month in", C::filler, 0, E, 0}, {"day in", C::filler, 0, E, 0},
  {"a day in", C::filler, 0, E, 0}, {"decade in", C::filler, 0, E, 0},
  {"decade somewhere during", C::filler, 0, E, 0}, {"birthday in", C::filler, 0, E, 0},
  {"on", C::filler, 0, E, 0},
  {"в", C::filler, 0, R, 0}, {"во", C::filler, 0, R, 0}, {"در", C::filler, 0, P, 0},
  {"of", C::of, 0, E, 0},
  {"th", C::ordinal_suffix, 0, E, 0}, {"st", C::ordinal_suffix, 0, E, 0},
  {"nd", C::ordinal_suffix, 0, E, 0}, {"rd", C::ordinal_suffix, 0, E, 0},
  {"d", C::ordinal_suffix, 0, E, 0},
  {"й", C::ordinal_suffix, 0, R, 0}, {"го", C::ordinal_suffix, 0, R, 0},
  {"ый", C::ordinal_suffix, 0, R, 0}, {"ой", C::ordinal_suffix, 0, R, 0},
  {"ого", C::ordinal_suffix, 0, R, 0}, {"е", C::ordinal_suffix, 0, R, 0},
  {"я", C::ordinal_suffix, 0, R, 0}, {"ая", C::ordinal_suffix, 0, R, 0},
  {"ой", C::ordinal_suffix, 0, R, 0},
  {"ام", C::ordinal_suffix, 0, P, 0}, {"م", C::ordinal_suffix, 0, P, 0},
  {"s", C::decade_suffix, 0, E, 0},
  {"е", C::decade_suffix, 0, R, 0}, {"х", C::decade_suffix, 0, R, 0},
  {"ые", C::decade_suffix, 0, R, 0}, {"ых", C::decade_suffix, 0, R, 0},
  {"ие", C::decade_suffix, 0, R, 0},
  {"ماه", C::month_filler, 0, P, 0},
};
// clang-format on

// Persian ordinal words 1..31 ("یکم" … "سی و یکم"), for days and centuries.
void add_persian_ordinals(std::vector<Raw>& out, std::vector<std::string>& storage) {
  static constexpr const char* kUnits[] = {"یکم", "دوم",  "سوم",  "چهارم", "پنجم",
                                           "ششم", "هفتم", "هشتم", "نهم"};
  static constexpr const char* kTeens[] = {"دهم",     "یازدهم",  "دوازدهم", "سیزدهم", "چهاردهم",
                                           "پانزدهم", "شانزدهم", "هفدهم",   "هجدهم",  "نوزدهم"};
  storage.reserve(64);
  auto add = [&](std::string phrase, int value) {
    storage.push_back(std::move(phrase));
    out.push_back({nullptr, C::ordinal, static_cast<std::int16_t>(value), P,
                   static_cast<std::uint8_t>(storage.size() - 1)});
  };
  for (int i = 0; i < 9; ++i)
    add(kUnits[i], i + 1);
  add("اول", 1);
  add("نخست", 1);
  for (int i = 0; i < 10; ++i)
    add(kTeens[i], i + 10);
  add("هیجدهم", 18);
  add("بیستم", 20);
  add("سی‌ام", 30);
  add("سیام", 30);
  add("سی ام", 30);
  for (int i = 0; i < 9; ++i)
    add(std::string("بیست و ") + kUnits[i], 21 + i);
  add("سی و یکم", 31);
}

// The lexicon: folded phrases, sorted; entries with the same phrase are adjacent.
struct Lexicon {
  std::vector<std::string> keys;
  std::vector<NlEntry> values;
};

const Lexicon& lexicon() {
  static const Lexicon instance = [] {
    std::vector<Raw> raw(std::begin(kRaw), std::end(kRaw));
    std::vector<std::string> storage;
    const std::size_t first_generated = raw.size();
    add_persian_ordinals(raw, storage);
    std::vector<std::pair<std::string, NlEntry>> entries;
    entries.reserve(raw.size());
    std::string folded;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      Raw r = raw[i];
      const std::string_view phrase =
          i >= first_generated ? std::string_view(storage[r.flag]) : std::string_view(r.phrase);
      if (i >= first_generated) r.flag = 0;
      std::string key;
      std::size_t start = 0;
      while (start <= phrase.size()) {
        std::size_t end = phrase.find(' ', start);
        if (end == std::string_view::npos) end = phrase.size();
        if (end > start && nl_fold_word(phrase.substr(start, end - start), folded) &&
            !folded.empty()) {
          if (!key.empty()) key += ' ';
          key += folded;
        }
        start = end + 1;
      }
      entries.emplace_back(std::move(key), NlEntry{r.cls, r.value, r.languages, r.flag});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    Lexicon lex;
    lex.keys.reserve(entries.size());
    lex.values.reserve(entries.size());
    for (auto& [k, v] : entries) {
      lex.keys.push_back(std::move(k));
      lex.values.push_back(v);
    }
    return lex;
  }();
  return instance;
}

}  // namespace

bool nl_fold_word(std::string_view word, std::string& out) {
  if (!text::fold_into(word, out)) return false;
  // Drop apostrophes and the ayn/hamza half rings: "Sha'ban", "Rabīʿ", "1940’s".
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.size();) {
    const auto b = static_cast<unsigned char>(out[r]);
    if (b == '\'') {
      ++r;
      continue;
    }
    if (b == 0xE2 && r + 2 < out.size() && static_cast<unsigned char>(out[r + 1]) == 0x80 &&
        (static_cast<unsigned char>(out[r + 2]) == 0x98 ||
         static_cast<unsigned char>(out[r + 2]) == 0x99)) {
      r += 3;  // ‘ ’
      continue;
    }
    if (b == 0xCA && r + 1 < out.size() &&
        (static_cast<unsigned char>(out[r + 1]) == 0xBC ||
         static_cast<unsigned char>(out[r + 1]) == 0xBE ||
         static_cast<unsigned char>(out[r + 1]) == 0xBF)) {
      r += 2;  // ʼ ʾ ʿ
      continue;
    }
    out[w++] = out[r++];
  }
  out.resize(w);
  return true;
}

std::span<const NlEntry> nl_lookup(std::string_view phrase) {
  const Lexicon& lex = lexicon();
  const auto lo = std::lower_bound(lex.keys.begin(), lex.keys.end(), phrase,
                                   [](const std::string& k, std::string_view p) { return k < p; });
  auto hi = lo;
  while (hi != lex.keys.end() && *hi == phrase)
    ++hi;
  const auto first = static_cast<std::size_t>(lo - lex.keys.begin());
  return {lex.values.data() + first, static_cast<std::size_t>(hi - lo)};
}

}  // namespace archive::detail
