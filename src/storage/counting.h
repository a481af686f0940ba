// Totals for paged lists that stay fast on tens of millions of rows: count at most cap + 1 rows.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "app/ports/store.h"
#include "storage/db.h"

namespace dvld::storage {

// Above this many matches a list says "more than 1,000" instead of counting them all.
inline constexpr std::int64_t kCountCap = 1000;

// Sets page.total and page.total_exact from `from_where` ("FROM ... WHERE ..."), reading at most
// cap + 1 rows; when there are more, total is the cap and total_exact is false.
template <typename T>
void CountCapped(Connection& c, const std::string& from_where, const std::vector<Param>& params, app::Page<T>& page,
                 std::int64_t cap = kCountCap) {
  const auto n =
      c.Query("SELECT COUNT(*) FROM (SELECT 1 " + from_where + " LIMIT " + std::to_string(cap + 1) + ") capped", params)
          .Int(0, 0);
  page.total_exact = n <= cap;
  page.total = std::min(n, cap);
}

}  // namespace dvld::storage
