// Internal: bounds and validation of single EDTF dates, shared by the parser and FuzzyDate.
#pragma once

#include <optional>

#include "archive/date/fuzzy_date.hpp"

namespace archive::detail {

constexpr std::int64_t kMaxYear = 999'999'999'999'999;  // |year| limit: days fit in 64 bits

// The first and last day some reading of `date` can fall on, or nullopt when no reading is
// a real day (e.g. "156X-09-31", "15XX-02-3X").
struct DaySpan {
  Day first;
  Day last;
};
std::optional<DaySpan> bounds_of(const EdtfDate& date) noexcept;

// The first day of the latest reading at the date's own precision: what an interval's end
// is compared with (an interval may not start after its end's last unit begins).
Day latest_unit_start(const EdtfDate& date, const DaySpan& span) noexcept;

// EDTF level of one date as written canonically (0, 1 or 2).
int level_of(const EdtfDate& date) noexcept;

// Canonical EDTF text of one date.
void append_edtf(std::string& out, const EdtfDate& date);

// Uniform qualifier of all present components, or none when they differ or have none.
Qualifier uniform_qualifier(const EdtfDate& date) noexcept;

}  // namespace archive::detail
