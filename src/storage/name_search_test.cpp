#include "storage/name_search.h"

#include <gtest/gtest.h>

namespace dvld::storage {
namespace {

TEST(NameSearch, TsLexemesQuoteEveryCharacterThatCouldEndThemOrActAsAnOperator) {
  EXPECT_EQ(TsLexeme("sara"), "'sara'");
  EXPECT_EQ(TsLexeme("o'neil"), "'o''neil'");
  EXPECT_EQ(TsLexeme("a\\b"), "'a\\\\b'");
  EXPECT_EQ(TsLexeme("x:* & !y | (z) <-> w"), "'x:* & !y | (z) <-> w'");  // inside quotes: text
  EXPECT_EQ(TsLexeme("''"), "''''''");
}

TEST(NameSearch, TsVectorTextJoinsTheWordsAsLexemes) {
  EXPECT_EQ(TsVectorText({"al", "al-abbadi", "o'neil"}), "'al' 'al-abbadi' 'o''neil'");
  EXPECT_EQ(TsVectorText({}), "");
  EXPECT_EQ(FtsDocument({"al-abbadi", "o'neil"}), "alabbadi oneil");
}

}  // namespace
}  // namespace dvld::storage
