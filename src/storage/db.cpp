#include "storage/db.h"

#include <charconv>

namespace dvld::storage {

const std::string& Rows::Text(std::size_t row, std::size_t col) const {
  static const std::string kEmpty;
  const auto& cell = rows_[row][col];
  return cell ? *cell : kEmpty;
}

std::int64_t Rows::Int(std::size_t row, std::size_t col) const {
  return OptInt(row, col).value_or(0);
}

std::optional<std::int64_t> Rows::OptInt(std::size_t row, std::size_t col) const {
  const auto& cell = rows_[row][col];
  if (!cell) return std::nullopt;
  std::int64_t v = 0;
  const auto* begin = cell->data();
  const auto* end = begin + cell->size();
  if (std::from_chars(begin, end, v).ec != std::errc{}) {
    throw DbError(DbError::Kind::kOther, "not an integer: " + *cell);
  }
  return v;
}

bool Rows::Bool(std::size_t row, std::size_t col) const {
  const auto& cell = rows_[row][col];
  if (!cell) return false;
  return *cell == "1" || *cell == "t" || *cell == "true";
}

}  // namespace dvld::storage
