// Result<T>, Result<void> and Error: the failure type every part of archive returns for
// untrusted text and the outside world.
#include "archive/error.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace archive {
namespace {

// A failure as the text part reports it for the seed's title with one broken byte.
Error invalid_title_byte() {
  return make_error(ErrorCode::invalid_utf8, "invalid UTF-8: unexpected continuation byte 0x80",
                    17);
}

// --- Error -------------------------------------------------------------------------------

TEST(Error, DefaultIsAnInternalErrorWithoutMessageOrOffset) {
  const Error error;
  EXPECT_EQ(error.code, ErrorCode::internal);
  EXPECT_EQ(error.message, "");
  EXPECT_FALSE(error.offset.has_value());
}

TEST(Error, MakeErrorFillsCodeMessageAndOffset) {
  const Error error = make_error(ErrorCode::parse_error, "no month named Shahrivar", 3);
  EXPECT_EQ(error.code, ErrorCode::parse_error);
  EXPECT_EQ(error.message, "no month named Shahrivar");
  ASSERT_TRUE(error.offset.has_value());
  EXPECT_EQ(*error.offset, 3u);
}

TEST(Error, MakeErrorWithoutOffsetLeavesItEmpty) {
  const Error error = make_error(ErrorCode::not_found, "no document with id 119275");
  EXPECT_EQ(error.code, ErrorCode::not_found);
  EXPECT_FALSE(error.offset.has_value());
}

TEST(Error, DescribeWithOffsetAppendsTheByte) {
  EXPECT_EQ(invalid_title_byte().describe(),
            "invalid UTF-8: unexpected continuation byte 0x80 (at byte 17)");
}

TEST(Error, DescribeWithOffsetZeroStillNamesTheByte) {
  const Error error = make_error(ErrorCode::parse_error, "expected a year", 0);
  EXPECT_EQ(error.describe(), "expected a year (at byte 0)");
}

TEST(Error, DescribeWithoutOffsetIsTheMessage) {
  const Error error =
      make_error(ErrorCode::io_error, "cannot open archive.sqlite: Permission denied");
  EXPECT_EQ(error.describe(), "cannot open archive.sqlite: Permission denied");
}

TEST(Error, DescribeOfALargeOffset) {
  const Error error = make_error(ErrorCode::corrupt, "truncated record", 4294967296u);
  EXPECT_EQ(error.describe(), "truncated record (at byte 4294967296)");
}

TEST(Error, EqualWhenCodeMessageAndOffsetAgree) {
  EXPECT_EQ(invalid_title_byte(), invalid_title_byte());
  Error other_offset = invalid_title_byte();
  other_offset.offset = 18;
  EXPECT_NE(invalid_title_byte(), other_offset);
  Error no_offset = invalid_title_byte();
  no_offset.offset.reset();
  EXPECT_NE(invalid_title_byte(), no_offset);
  Error other_code = invalid_title_byte();
  other_code.code = ErrorCode::parse_error;
  EXPECT_NE(invalid_title_byte(), other_code);
  Error other_message = invalid_title_byte();
  other_message.message += "!";
  EXPECT_NE(invalid_title_byte(), other_message);
}

// --- to_string(ErrorCode) ---------------------------------------------------------------

TEST(ErrorCodeToString, NamesEveryCodeInSnakeCase) {
  EXPECT_EQ(to_string(ErrorCode::invalid_argument), "invalid_argument");
  EXPECT_EQ(to_string(ErrorCode::invalid_utf8), "invalid_utf8");
  EXPECT_EQ(to_string(ErrorCode::parse_error), "parse_error");
  EXPECT_EQ(to_string(ErrorCode::not_found), "not_found");
  EXPECT_EQ(to_string(ErrorCode::already_exists), "already_exists");
  EXPECT_EQ(to_string(ErrorCode::io_error), "io_error");
  EXPECT_EQ(to_string(ErrorCode::corrupt), "corrupt");
  EXPECT_EQ(to_string(ErrorCode::unsupported), "unsupported");
  EXPECT_EQ(to_string(ErrorCode::unavailable), "unavailable");
  EXPECT_EQ(to_string(ErrorCode::internal), "internal");
}

TEST(ErrorCodeToString, CodesAreNumberedInDeclarationOrder) {
  // Stable: callers may switch on and store the codes.
  EXPECT_EQ(static_cast<int>(ErrorCode::invalid_argument), 0);
  EXPECT_EQ(static_cast<int>(ErrorCode::invalid_utf8), 1);
  EXPECT_EQ(static_cast<int>(ErrorCode::internal), 9);
}

TEST(ErrorCodeToString, EveryCodeHasItsOwnSnakeCaseName) {
  std::set<std::string, std::less<>> names;
  for (int i = 0; i <= static_cast<int>(ErrorCode::internal); ++i) {
    const std::string name(to_string(static_cast<ErrorCode>(i)));
    EXPECT_NE(name, "unknown") << i;
    EXPECT_FALSE(name.empty()) << i;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_"), std::string::npos) << name;
    EXPECT_TRUE(names.insert(name).second) << name << " twice";
  }
}

static_assert(std::is_same_v<decltype(to_string(ErrorCode::corrupt)), const std::string&>);

TEST(ErrorCodeToString, NamesJoinOtherStrings) {
  EXPECT_EQ("error " + to_string(ErrorCode::corrupt) + ": x", "error corrupt: x");
}

TEST(ErrorCodeToString, AnOutOfRangeValueIsUnknown) {
  EXPECT_EQ(to_string(static_cast<ErrorCode>(200)), "unknown");
}

// --- Result<T> ---------------------------------------------------------------------------

TEST(Result, HoldsAValue) {
  const Result<int> year = 1946;
  EXPECT_TRUE(year.has_value());
  EXPECT_TRUE(static_cast<bool>(year));
  EXPECT_EQ(year.value(), 1946);
  EXPECT_EQ(*year, 1946);
}

TEST(Result, HoldsAnError) {
  const Result<int> year = make_error(ErrorCode::parse_error, "expected a year", 5);
  EXPECT_FALSE(year.has_value());
  EXPECT_FALSE(static_cast<bool>(year));
  EXPECT_EQ(year.error().code, ErrorCode::parse_error);
  EXPECT_EQ(year.error().message, "expected a year");
  EXPECT_EQ(year.error().offset, std::optional<std::size_t>(5));
}

TEST(Result, DefaultConstructedHoldsADefaultValue) {
  const Result<int> count;
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(*count, 0);
  const Result<std::string> title;
  ASSERT_TRUE(title.has_value());
  EXPECT_EQ(*title, "");
}

// A Result is default-constructible exactly when its value is.
struct NoDefault {
  explicit NoDefault(int) {}
};
static_assert(!std::is_default_constructible_v<Result<NoDefault>>);
static_assert(std::is_default_constructible_v<Result<int>>);

TEST(Result, ValueOnAnErrorThrowsBadResultAccessNamingTheError) {
  const Result<std::string> title = invalid_title_byte();
  try {
    (void)title.value();
    FAIL() << "value() on an error did not throw";
  } catch (const BadResultAccess& e) {
    EXPECT_EQ(std::string(e.what()),
              "archive::Result::value() called on an error: invalid UTF-8: unexpected "
              "continuation byte 0x80 (at byte 17)");
  }
}

TEST(Result, ValueOnAnErrorThrowsThroughEveryOverload) {
  Result<std::string> title = make_error(ErrorCode::not_found, "no such collection");
  EXPECT_THROW((void)title.value(), BadResultAccess);
  EXPECT_THROW((void)std::as_const(title).value(), BadResultAccess);
  EXPECT_THROW((void)std::move(title).value(), BadResultAccess);
}

TEST(Result, BadResultAccessIsALogicError) {
  static_assert(std::is_base_of_v<std::logic_error, BadResultAccess>);
  const Result<int> year = make_error(ErrorCode::parse_error, "expected a year");
  EXPECT_THROW((void)year.value(), std::logic_error);
}

TEST(Result, ErrorOnAValueThrowsBadResultAccess) {
  Result<std::string> title = std::string("Iran-Soviet Relations");
  try {
    (void)title.error();
    FAIL() << "error() on a value did not throw";
  } catch (const BadResultAccess& e) {
    EXPECT_EQ(std::string(e.what()), "archive::Result::error() called on a value");
  }
  EXPECT_THROW((void)std::move(title).error(), BadResultAccess);
}

TEST(Result, ValueOrGivesTheValueWhenThereIsOne) {
  const Result<int> year = 1957;
  EXPECT_EQ(year.value_or(0), 1957);
  EXPECT_EQ(Result<std::string>(std::string("Tehran")).value_or("unknown"), "Tehran");
}

TEST(Result, ValueOrGivesTheFallbackOnAnError) {
  const Result<int> year = make_error(ErrorCode::parse_error, "expected a year");
  EXPECT_EQ(year.value_or(1945), 1945);
  const Result<std::string> place = make_error(ErrorCode::not_found, "no place");
  EXPECT_EQ(place.value_or("unknown"), "unknown");
  EXPECT_EQ(Result<std::string>(make_error(ErrorCode::not_found, "x")).value_or("Baku"), "Baku");
}

TEST(Result, ValueOrOnAnRvalueMovesTheValueOut) {
  Result<std::vector<std::string>> people =
      std::vector<std::string>{"Mir Jafar Bagirov", "Molotov", "Stalin"};
  const std::vector<std::string> taken = std::move(people).value_or(std::vector<std::string>{});
  EXPECT_EQ(taken, (std::vector<std::string>{"Mir Jafar Bagirov", "Molotov", "Stalin"}));
}

TEST(Result, ArrowAndStarReachTheValue) {
  Result<std::string> title = std::string("Telegram from the CC CP of Azerbaijan");
  EXPECT_EQ(title->size(), 37u);
  EXPECT_EQ((*title).substr(0, 8), "Telegram");
  title->append(" to M.D. Bagirov");
  EXPECT_EQ(*title, "Telegram from the CC CP of Azerbaijan to M.D. Bagirov");
  *title = "Iran-Soviet Relations";
  EXPECT_EQ(title.value(), "Iran-Soviet Relations");
  const Result<std::string>& view = title;
  EXPECT_EQ(view->front(), 'I');
}

TEST(Result, ValueIsAReferenceIntoTheResult) {
  Result<std::string> name = std::string("Bagirov");
  name.value() += ", M.D.";
  EXPECT_EQ(*name, "Bagirov, M.D.");
}

TEST(Result, RvalueValueMovesOut) {
  Result<std::string> name = std::string("Mohammad Reza Pahlavi");
  std::string taken = std::move(name).value();
  EXPECT_EQ(taken, "Mohammad Reza Pahlavi");
  Result<std::string> other = std::string("Molotov");
  std::string starred = *std::move(other);
  EXPECT_EQ(starred, "Molotov");
}

TEST(Result, RvalueErrorMovesTheErrorOut) {
  Result<int> year = make_error(ErrorCode::parse_error, "expected a year", 2);
  Error taken = std::move(year).error();
  EXPECT_EQ(taken, make_error(ErrorCode::parse_error, "expected a year", 2));
}

TEST(Result, EqualityComparesValuesAndErrors) {
  EXPECT_EQ(Result<int>(1946), Result<int>(1946));
  EXPECT_NE(Result<int>(1946), Result<int>(1945));
  EXPECT_NE(Result<int>(1946), Result<int>(invalid_title_byte()));
  EXPECT_EQ(Result<int>(invalid_title_byte()), Result<int>(invalid_title_byte()));
  Error moved = invalid_title_byte();
  moved.offset = 3;
  EXPECT_NE(Result<int>(invalid_title_byte()), Result<int>(moved));
}

TEST(Result, HoldsAMoveOnlyValue) {
  static_assert(!std::is_copy_constructible_v<Result<std::unique_ptr<int>>>);
  static_assert(std::is_move_constructible_v<Result<std::unique_ptr<int>>>);

  Result<std::unique_ptr<int>> year = std::make_unique<int>(1946);
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(**year, 1946);
  EXPECT_EQ(*year.value(), 1946);

  Result<std::unique_ptr<int>> moved = std::move(year);
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(**moved, 1946);

  std::unique_ptr<int> taken = std::move(moved).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 1946);
}

TEST(Result, MoveOnlyValueOrAndError) {
  Result<std::unique_ptr<int>> missing = make_error(ErrorCode::not_found, "no year");
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  std::unique_ptr<int> fallback = std::move(missing).value_or(std::make_unique<int>(1945));
  ASSERT_NE(fallback, nullptr);
  EXPECT_EQ(*fallback, 1945);

  Result<std::unique_ptr<int>> present = std::make_unique<int>(1957);
  std::unique_ptr<int> value = std::move(present).value_or(nullptr);
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(*value, 1957);
}

TEST(Result, ArrowReachesAMoveOnlyValuesMembers) {
  struct Document {
    std::string title;
    int year = 0;
  };
  Result<std::unique_ptr<Document>> doc = std::make_unique<Document>(
      Document{"Letter, Mohammed Reza Pahlavi to Generalissimo Stalin", 1946});
  EXPECT_EQ((*doc)->year, 1946);
  EXPECT_EQ(doc->get()->title, "Letter, Mohammed Reza Pahlavi to Generalissimo Stalin");
}

// --- Result<void> ------------------------------------------------------------------------

TEST(ResultVoid, DefaultIsSuccess) {
  const Result<void> ok;
  EXPECT_TRUE(ok.has_value());
  EXPECT_TRUE(static_cast<bool>(ok));
  EXPECT_NO_THROW(ok.value());
}

TEST(ResultVoid, HoldsAnError) {
  const Result<void> failed = make_error(ErrorCode::io_error, "disk full");
  EXPECT_FALSE(failed.has_value());
  EXPECT_FALSE(static_cast<bool>(failed));
  EXPECT_EQ(failed.error(), make_error(ErrorCode::io_error, "disk full"));
}

TEST(ResultVoid, ValueOnAnErrorThrowsBadResultAccessNamingTheError) {
  const Result<void> failed = invalid_title_byte();
  try {
    failed.value();
    FAIL() << "value() on an error did not throw";
  } catch (const BadResultAccess& e) {
    EXPECT_EQ(std::string(e.what()),
              "archive::Result::value() called on an error: invalid UTF-8: unexpected "
              "continuation byte 0x80 (at byte 17)");
  }
}

TEST(ResultVoid, ErrorOnSuccessThrowsBadResultAccess) {
  Result<void> ok;
  try {
    (void)ok.error();
    FAIL() << "error() on success did not throw";
  } catch (const BadResultAccess& e) {
    EXPECT_EQ(std::string(e.what()), "archive::Result::error() called on a value");
  }
  EXPECT_THROW((void)std::move(ok).error(), BadResultAccess);
}

TEST(ResultVoid, RvalueErrorMovesTheErrorOut) {
  Result<void> failed = make_error(ErrorCode::unavailable, "server at db.example gone", 0);
  Error taken = std::move(failed).error();
  EXPECT_EQ(taken.code, ErrorCode::unavailable);
  EXPECT_EQ(taken.message, "server at db.example gone");
}

TEST(ResultVoid, EqualityComparesSuccessAndErrors) {
  EXPECT_EQ(Result<void>(), Result<void>());
  EXPECT_NE(Result<void>(), Result<void>(invalid_title_byte()));
  EXPECT_EQ(Result<void>(invalid_title_byte()), Result<void>(invalid_title_byte()));
  EXPECT_NE(Result<void>(invalid_title_byte()),
            Result<void>(make_error(ErrorCode::corrupt, "bad page")));
}

TEST(ResultVoid, AnErrorPassesFromResultVoidToResultT) {
  // The idiom every part uses: `if (auto v = validate(...); !v) return std::move(v).error();`
  const auto parse_year = [](bool valid) -> Result<int> {
    const Result<void> checked =
        valid ? Result<void>() : Result<void>(make_error(ErrorCode::invalid_utf8, "bad", 4));
    if (!checked) return checked.error();
    return 1945;
  };
  EXPECT_EQ(parse_year(true), Result<int>(1945));
  EXPECT_EQ(parse_year(false), Result<int>(make_error(ErrorCode::invalid_utf8, "bad", 4)));
}

}  // namespace
}  // namespace archive
