#include "names/translit_rules.hpp"

#include <array>

namespace archive::detail {

namespace {

// ALA-LC Russian (Library of Congress, 2012 table; unchanged since 1941), with the tie (U+0361)
// of ts, iu, ia and ie. The no-ties variant removes U+0361 from this output. The letters of
// the Azerbaijani Cyrillic alphabet follow the ALA-LC Azerbaijani table (1997).
constexpr std::string_view kRussianAlaLc = R"(
# A hard sign that ends a word (pre-1918 spelling) is not romanized.
ъ $ > ;
а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; ё > ë ; ж > zh ; з > z ; и > i ;
й > ĭ ; к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ;
у > u ; ф > f ; х > kh ; ц > t͡s ; ч > ch ; ш > sh ; щ > shch ; ъ > ʺ ; ы > y ;
ь > ʹ ; э > ė ; ю > i͡u ; я > i͡a ;
# Letters abolished in 1918.
і > ī ; ѣ > i͡e ; ѳ > ḟ ; ѵ > ẏ ;
# Azerbaijani Cyrillic (ALA-LC Azerbaijani table).
ғ > gh ; ә > ă ; ј > ı̐ ; ҝ > ġ ; ө > ȯ ; ү > u̇ ; һ > ḣ ; ҹ > j ;
# Ukrainian and Belarusian letters (ALA-LC Ukrainian and Belarusian tables).
є > i͡e ; ї > ï ; ґ > g̀ ; ў > ŭ ;
)";

// ISO 9:1995 = GOST 7.79-2000 system A: one Latin letter (with diacritics) per Cyrillic
// letter, reversible. Table 1 (Slavic), table 2 (pre-reform letters), table 3 (non-Slavic:
// the Azerbaijani letters).
constexpr std::string_view kRussianIso9 = R"(
а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; ё > ë ; ж > ž ; з > z ; и > i ;
й > j ; к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ;
у > u ; ф > f ; х > h ; ц > c ; ч > č ; ш > š ; щ > ŝ ; ъ > ʺ ; ы > y ; ь > ʹ ;
э > è ; ю > û ; я > â ;
і > ì ; ѣ > ě ; ѳ > f̀ ; ѵ > ỳ ;
є > ê ; ї > ï ; ґ > g̀ ; ў > ŭ ;
ә > a̋ ; ғ > ġ ; ҹ > ĉ ; һ > ḥ ; ө > ô ; ү > ù ; ҝ > k̂ ; ј > ǰ ;
)";

// The forms English-language sources print (Wikipedia, the press, most histories): BGN/PCGN
// without its diacritics, with the usual simplifications. Rules see the already romanized text
// to their left, so a "preceding vowel" context is written in Latin letters.
constexpr std::string_view kRussianPopular = R"(
# (y is not a vowel here: after й the е stays e, as in Mayer, Dreyer.)
$vowel = [aeiou] ;
# The soft and hard signs are dropped; a vowel after them is iotated (Vasilyev, Ilyich,
# Podyezd, Solovyov).
[ьъ] е > ye ;
[ьъ] ё > yo ;
[ьъ] и > yi ;
[ьъ] о > yo ;
[ьъ] > ;
# Ё after the hushing consonants and ц is written e (Khrushchev, Gorbachev).
ж ё > zhe ;
ч ё > che ;
ш ё > she ;
щ ё > shche ;
ц ё > tse ;
# Е after и stays e (Dmitriev, Grigoriev); after other vowels it is ye (Sergeyev), and it
# starts a word as ye (Yeltsin, Yolkin). (ICU wants the context rules before the anchored ones.)
и е > ie ;
$vowel { е > ye ;
$vowel { ё > yo ;
^ е > ye ;
^ ё > yo ;
ё > yo ;
е > e ;
# Word endings: -ий and -ый are -y (Dmitry, Dostoevsky, Bely); -ия is -ia (Maria).
ий $ > y ;
ый $ > y ;
ия $ > ia ;
а > a ; б > b ; в > v ; г > g ; д > d ; ж > zh ; з > z ; и > i ; й > y ; к > k ;
л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ;
х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ; ы > y ; э > e ; ю > yu ; я > ya ;
і > i ; ѣ > e ; ѳ > f ; ѵ > i ; є > ye ; ї > yi ; ґ > g ; ў > u ;
)";

// English forms of Azerbaijani written in Cyrillic (used for a text that has any of the
// letters ә ғ ҹ һ ө ү ҝ ј): Heydar Aliyev, Mir Jafar Baghirov. The Azerbaijani letters take
// the values English-language sources give them; г, х and ы keep their Russian-style values
// (g, kh, i) because that is how the names reached English (Gasimov, Khalilov, Baghirov).
constexpr std::string_view kAzerbaijaniPopular = R"(
ә > a ; ғ > gh ; ҹ > j ; һ > h ; ө > o ; ү > u ; ҝ > g ; ј > y ;
а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; ё > yo ; ж > zh ; з > z ; и > i ;
й > y ; к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ;
у > u ; ф > f ; х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ; ъ > ; ы > i ; ь > ;
э > e ; ю > yu ; я > ya ;
)";

// Persian (after text::unify_persian: ی and ک only). The script writes no short vowels, so a
// word without a lexicon entry keeps only what is written: consonants and the long vowels
// ا و ی. و and ی are consonants (v, y) at the start of a word and next to a vowel letter, long
// vowels between consonants. A final ه after a consonant is the silent -eh/-ah. Harakat, when a
// text has them, give their vowels. Shadda is expanded (the letter doubled) before the rules.
constexpr std::string_view kPersianBgnPcgn = R"(
$vowel = [aeiouāīū] ;
و } [اآوی] > v ;
$vowel { و > v ;
ی } [اآو] > y ;
$vowel { ی > y ;
^ آ > ā ;
^ ای > ī ;
^ او > ū ;
^ ا > a ;
^ ع > ‘ ;
^ و > v ;
^ ی > y ;
و > ū ;
ی > ī ;
$vowel { ه $ > h ;
ه $ > eh ;
ه > h ;
[ةۀ] > eh ;
ا > ā ; آ > ’ā ;
ب > b ; پ > p ; ت > t ; ث > s̄ ; ج > j ; چ > ch ; ح > ḩ ; خ > kh ; د > d ; ذ > z̄ ;
ر > r ; ز > z ; ژ > zh ; س > s ; ش > sh ; ص > ş ; ض > ẕ ; ط > ţ ; ظ > z̧ ; ع > ‘ ;
غ > gh ; ف > f ; ق > q ; [کك] > k ; گ > g ; ل > l ; م > m ; ن > n ;
[ءئؤأإ] > ’ ;
َ > a ; ِ > e ; ُ > o ; ْ > ; ً > an ; ٌ > on ; ٍ > en ; ٰ > ā ;
)";

constexpr std::string_view kPersianAlaLc = R"(
$vowel = [aeiouāīū] ;
و } [اآوی] > v ;
$vowel { و > v ;
ی } [اآو] > y ;
$vowel { ی > y ;
^ آ > ā ;
^ ای > ī ;
^ او > ū ;
^ ا > a ;
^ ع > ʻ ;
^ و > v ;
^ ی > y ;
و > ū ;
ی > ī ;
$vowel { ه $ > h ;
ه $ > ah ;
ه > h ;
ة > ah ;
ۀ > 'ah-yi' ;
ا > ā ; آ > ʼā ;
ب > b ; پ > p ; ت > t ; ث > s̱ ; ج > j ; چ > ch ; ح > ḥ ; خ > kh ; د > d ; ذ > ẕ ;
ر > r ; ز > z ; ژ > zh ; س > s ; ش > sh ; ص > ṣ ; ض > ż ; ط > ṭ ; ظ > ẓ ; ع > ʻ ;
غ > gh ; ف > f ; ق > q ; [کك] > k ; گ > g ; ل > l ; م > m ; ن > n ;
[ءئؤأإ] > ʼ ;
َ > a ; ِ > i ; ُ > u ; ْ > ; ً > an ; ٌ > un ; ٍ > in ; ٰ > á ;
)";

constexpr std::string_view kPersianPopular = R"(
$vowel = [aeiou] ;
و } [اآوی] > v ;
$vowel { و > v ;
ی } [اآو] > y ;
$vowel { ی > y ;
^ آ > a ;
^ ای > i ;
^ او > u ;
^ ا > a ;
^ ع > a ;
^ و > v ;
^ ی > y ;
^ ق > q ;
و > u ;
ی > i ;
$vowel { ه $ > h ;
ه $ > eh ;
ه > h ;
[ةۀ] > eh ;
ا > a ; آ > a ;
ب > b ; پ > p ; ت > t ; ث > s ; ج > j ; چ > ch ; ح > h ; خ > kh ; د > d ; ذ > z ;
ر > r ; ز > z ; ژ > zh ; س > s ; ش > sh ; ص > s ; ض > z ; ط > t ; ظ > z ; ع > ;
غ > gh ; ف > f ; ق > gh ; [کك] > k ; گ > g ; ل > l ; م > m ; ن > n ;
ئ > e ; [ءؤأإ] > ;
َ > a ; ِ > e ; ُ > o ; ْ > ; ً > an ; ٌ > on ; ٍ > en ; ٰ > a ;
)";

// Arabic proper (NameLanguage::arabic), before text::unify_persian is applied, so ي ى ك and
// the hamzated alefs are still distinct. The article ال is handled by the caller.
constexpr std::string_view kArabicBgnPcgn = R"(
$vowel = [aeiouāīūá] ;
و } [اآأوىيی] > w ;
$vowel { و > w ;
[يی] } [اآأو] > y ;
$vowel { [يی] > y ;
^ [اأ] [يی] > ī ;
^ [اأ] و > ū ;
^ [اأآ] > a ;
^ إ > i ;
^ ع > ‘ ;
^ و > w ;
^ [يی] > y ;
و > ū ;
[يی] > ī ;
ى > á ;
ة > ah ;
ه > h ;
ا > ā ; آ > ’ā ;
ب > b ; ت > t ; ث > th ; ج > j ; ح > ḩ ; خ > kh ; د > d ; ذ > dh ; ر > r ; ز > z ;
س > s ; ش > sh ; ص > ş ; ض > ḑ ; ط > ţ ; ظ > z̧ ; ع > ‘ ; غ > gh ; ف > f ; ق > q ;
[كک] > k ; ل > l ; م > m ; ن > n ; پ > p ; چ > ch ; ژ > zh ; گ > g ;
[ءئؤأإ] > ’ ;
َ > a ; ِ > i ; ُ > u ; ْ > ; ً > an ; ٌ > un ; ٍ > in ; ٰ > ā ;
)";

constexpr std::string_view kArabicAlaLc = R"(
$vowel = [aeiouāīūá] ;
و } [اآأوىيی] > w ;
$vowel { و > w ;
[يی] } [اآأو] > y ;
$vowel { [يی] > y ;
^ [اأ] [يی] > ī ;
^ [اأ] و > ū ;
^ [اأآ] > a ;
^ إ > i ;
^ ع > ʻ ;
^ و > w ;
^ [يی] > y ;
و > ū ;
[يی] > ī ;
ى > á ;
ة > ah ;
ه > h ;
ا > ā ; آ > ʼā ;
ب > b ; ت > t ; ث > th ; ج > j ; ح > ḥ ; خ > kh ; د > d ; ذ > dh ; ر > r ; ز > z ;
س > s ; ش > sh ; ص > ṣ ; ض > ḍ ; ط > ṭ ; ظ > ẓ ; ع > ʻ ; غ > gh ; ف > f ; ق > q ;
[كک] > k ; ل > l ; م > m ; ن > n ; پ > p ; چ > ch ; ژ > zh ; گ > g ;
[ءئؤأإ] > ʼ ;
َ > a ; ِ > i ; ُ > u ; ْ > ; ً > an ; ٌ > un ; ٍ > in ; ٰ > á ;
)";

constexpr std::string_view kArabicPopular = R"(
$vowel = [aeiou] ;
و } [اآأوىيی] > w ;
$vowel { و > w ;
[يی] } [اآأو] > y ;
$vowel { [يی] > y ;
^ [اأ] [يی] > i ;
^ [اأ] و > u ;
^ [اأآ] > a ;
^ إ > i ;
^ ع > a ;
^ و > w ;
^ [يی] > y ;
و > u ;
[يی] > i ;
ى > a ;
ة > a ;
ه > h ;
ا > a ; آ > a ;
ب > b ; ت > t ; ث > th ; ج > j ; ح > h ; خ > kh ; د > d ; ذ > dh ; ر > r ; ز > z ;
س > s ; ش > sh ; ص > s ; ض > d ; ط > t ; ظ > z ; ع > ; غ > gh ; ف > f ; ق > q ;
[كک] > k ; ل > l ; م > m ; ن > n ; پ > p ; چ > ch ; ژ > zh ; گ > g ;
[ءئؤأإ] > ;
َ > a ; ِ > i ; ُ > u ; ْ > ; ً > an ; ٌ > un ; ٍ > in ; ٰ > a ;
)";

constexpr std::array<TransformSource, kTransformCount> kSources = {{
    {"Russian-Latin/BGN", "Russian-Latin/BGN", {}},
    {"archive-Russian-Latin/ALA-LC", {}, kRussianAlaLc},
    {"archive-Russian-Latin/ISO9", {}, kRussianIso9},
    {"archive-Russian-Latin/popular", {}, kRussianPopular},
    {"Azerbaijani-Latin/BGN", "Azerbaijani-Latin/BGN;Russian-Latin/BGN", {}},
    {"archive-Azerbaijani-Latin/popular", {}, kAzerbaijaniPopular},
    {"archive-Persian-Latin/BGN", {}, kPersianBgnPcgn},
    {"archive-Persian-Latin/ALA-LC", {}, kPersianAlaLc},
    {"archive-Persian-Latin/popular", {}, kPersianPopular},
    {"archive-Arabic-Latin/BGN", {}, kArabicBgnPcgn},
    {"archive-Arabic-Latin/ALA-LC", {}, kArabicAlaLc},
    {"archive-Arabic-Latin/popular", {}, kArabicPopular},
    {"Cyrillic-Latin", "Cyrillic-Latin", {}},
    {"Cyrillic-Latin;Latin-ASCII", "Cyrillic-Latin;Latin-ASCII", {}},
}};

}  // namespace

const TransformSource& transform_source(TransformId id) noexcept {
  return kSources[static_cast<std::size_t>(id)];
}

}  // namespace archive::detail
