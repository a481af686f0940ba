// The full-text name indexes: SQLite's FTS5 table (migrations 0011 and 0015) and PostgreSQL's tsvector table
// (migration 0013). How a person's name words become the tokens of their document, and how a query
// word becomes a token or prefix. Shared by the repository (which keeps the index) and the
// generator (which fills it in bulk).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dvld::storage {

// Prefix indexes the FTS table keeps (prefix = '2 3'): a query word is looked up by at most this
// many leading characters, and words longer than that are checked against person_names.
inline constexpr std::size_t kFtsPrefixChars = 3;

// A normalised name word as an FTS5 'ascii' token: ASCII characters other than letters and digits
// are dropped ("al-abbadi" -> "alabbadi", "o'neil" -> "oneil"); other characters are kept.
inline std::string FtsToken(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (const char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) out.push_back(c);
  }
  return out;
}

// The rowid of a person's document in the FTS table: -id, so that FTS5's own order (ascending
// rowid) is newest first, and a search that wants the newest matches stops after them; read by
// descending rowid, FTS5 loads each word's whole id list first (migration 0015).
inline constexpr std::int64_t FtsRowid(std::int64_t person_id) { return -person_id; }

// The document of a person: their name words (domain::SearchTerms) as tokens, space-separated.
inline std::string FtsDocument(const std::vector<std::string>& terms) {
  std::string out;
  for (const auto& t : terms) {
    auto token = FtsToken(t);
    if (token.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += token;
  }
  return out;
}

// A name word as a quoted lexeme of PostgreSQL's tsvector and tsquery input, taken as it is (no
// parser or dictionary runs on a cast): quotes are doubled and backslashes escaped, so no character
// of a word ends the lexeme or reads as an operator ("o'neil" -> 'o''neil', "a:b" stays one lexeme).
inline std::string TsLexeme(std::string_view word) {
  std::string out = "'";
  for (const char c : word) {
    if (c == '\\' || c == '\'') out.push_back(c);
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

// A person's tsvector (as text): their name words (domain::SearchTerms), each a lexeme.
inline std::string TsVectorText(const std::vector<std::string>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (t.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += TsLexeme(t);
  }
  return out;
}

// The first `chars` UTF-8 characters of `s` (whole characters only).
inline std::string Utf8Prefix(std::string_view s, std::size_t chars) {
  std::size_t i = 0, n = 0;
  while (i < s.size() && n < chars) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++n;
  }
  return std::string(s.substr(0, i));
}

inline std::size_t Utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace dvld::storage
