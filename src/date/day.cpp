#include "archive/date/day.hpp"

#include "date/format.hpp"

namespace archive {

std::string Day::to_string() const {
  const CivilDate c = civil();
  return detail::format_ymd(c.year, c.month, c.day);
}

}  // namespace archive
