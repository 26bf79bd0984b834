// The date part: fuzzy historical dates, calendars and parsers.
#pragma once

#include "archive/date/calendar.hpp"
#include "archive/date/day.hpp"
#include "archive/date/fuzzy_date.hpp"
#include "archive/date/parse_date.hpp"
