// Tokens, word ids and lexicon matching (entity_lexicon.h): the tokenizer's
// ASCII fast path agrees with the general path, and MatchExact agrees with
// Match on the same tokens.
#include "extract/entity_lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/test_util.h"

namespace newsgraph {
namespace {

using test::DataDir;

class EntityLexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = EntityLexicon::Load(DataDir());
    ASSERT_TRUE(lex.ok()) << lex.status().message();
    lex_ = new EntityLexicon(std::move(lex).value());
  }
  static void TearDownTestSuite() { delete lex_; }
  static std::vector<Token> Tok(const std::string& s) {
    return Tokenize(s, 0, s.size(), lex_->spelling());
  }
  static EntityLexicon* lex_;
};
EntityLexicon* EntityLexiconTest::lex_ = nullptr;

TEST_F(EntityLexiconTest, TokensKeysAndClasses) {
  std::string s = "U.S. Aluminum & CHALCO's über-Plant 2025 x";
  auto t = Tok(s);
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t[0].key, "u.s.");
  EXPECT_TRUE(t[0].upper);
  EXPECT_EQ(t[0].end, 4u);
  EXPECT_EQ(t[1].key, "aluminium");  // spelling variant
  EXPECT_TRUE(t[1].cap);
  EXPECT_FALSE(t[1].upper);
  EXPECT_EQ(t[2].key, "&");
  EXPECT_EQ(t[3].key, "chalco");
  EXPECT_TRUE(t[3].upper);
  EXPECT_EQ(t[4].key, "s");
  EXPECT_EQ(t[5].key, "über");  // non-ASCII: folded by ICU
  EXPECT_FALSE(t[5].cap);
  EXPECT_EQ(t[6].key, "plant");
  EXPECT_TRUE(t[6].cap);
  EXPECT_TRUE(t[7].digit);
  EXPECT_EQ(t[8].key, "x");
}

TEST_F(EntityLexiconTest, WordsThatContinueInAnotherScriptAndLongWords) {
  std::string s = "CaféX ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm Ünited";
  auto t = Tok(s);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].key, "caféx");
  EXPECT_EQ(t[0].end, 6u);
  EXPECT_EQ(t[1].key, "abcdefghijklmnopqrstuvwxyzabcdefghijklm");
  EXPECT_FALSE(t[1].upper);
  EXPECT_EQ(t[2].key, "ünited");
  EXPECT_TRUE(t[2].cap);
}

TEST_F(EntityLexiconTest, AsciiWordsOfEveryLengthAreFoldedAndClassed) {
  // The table-driven ASCII loop stops at 32 bytes; longer words go the
  // general way. Both must give the same keys and classes.
  for (size_t len = 1; len <= 40; ++len) {
    // Built by assignment: GCC 12 warns falsely (-Wrestrict) on "Q" + string.
    std::string mixed(len, 'x');
    mixed.front() = 'Q';
    std::string caps(len, 'Z');
    caps.back() = '7';
    std::string s = mixed + ", " + caps + " 42";
    auto t = Tok(s);
    ASSERT_EQ(t.size(), 3u) << len;
    std::string mixed_key(len, 'x');
    mixed_key.front() = 'q';
    EXPECT_EQ(t[0].key, mixed_key) << len;
    EXPECT_EQ(t[0].end, len);
    EXPECT_TRUE(t[0].cap);
    EXPECT_FALSE(t[0].upper) << len;
    std::string caps_key(len, 'z');
    caps_key.back() = '7';
    EXPECT_EQ(t[1].key, caps_key) << len;
    EXPECT_EQ(t[1].upper, len >= 3) << len;  // two letters or more, all capitals
    EXPECT_EQ(t[1].digit, len == 1);
    EXPECT_TRUE(t[2].digit);
    EXPECT_EQ(t[2].key, "42");
  }
}

TEST_F(EntityLexiconTest, SpellingVariantsOfEveryKeyLength) {
  // Keys up to 16 bytes are compared in the slot, longer ones by string.
  auto t = Tok("ALUMINUM aluminum Aluminium Ferroaluminiumalloyproducers");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].key, "aluminium");
  EXPECT_EQ(t[1].key, "aluminium");
  EXPECT_EQ(t[0].id, t[2].id);
  EXPECT_EQ(t[3].id, -1);
  EXPECT_EQ(t[3].key, "ferroaluminiumalloyproducers");
}

TEST_F(EntityLexiconTest, EqualKeysHaveEqualIds) {
  auto a = Tok("Aluminium aluminum ALUMINUM");
  ASSERT_EQ(a.size(), 3u);
  EXPECT_GE(a[0].id, 0);
  EXPECT_EQ(a[0].id, a[1].id);
  EXPECT_EQ(a[1].id, a[2].id);
  EXPECT_EQ(lex_->spelling().Id("aluminium"), a[0].id);
  auto b = Tok("Qwzxv");
  EXPECT_EQ(b[0].id, -1);  // no lexicon or cue names it
}

TEST_F(EntityLexiconTest, MatchExactAgreesWithMatch) {
  std::string s = "Aluminum Corporation of China and the U.S. Department of Commerce met Chalco";
  auto t = Tok(s);
  for (size_t a = 0; a < t.size(); ++a)
    for (size_t b = a; b < t.size(); ++b) {
      std::vector<Token> sub(t.begin() + static_cast<long>(a), t.begin() + static_cast<long>(b) + 1);
      auto m = lex_->Match(s, sub);
      bool whole = m.size() == 1 && m[0].first == 0 && m[0].last == b - a;
      LexMatch e;
      bool exact = lex_->MatchExact(s, t, a, b, &e);
      ASSERT_EQ(whole, exact) << a << ".." << b;
      if (exact) {
        EXPECT_EQ(e.entry, m[0].entry);
        EXPECT_EQ(e.demonym, m[0].demonym);
      }
    }
  auto m = lex_->Match(s, t);
  ASSERT_GE(m.size(), 3u);
  EXPECT_EQ(lex_->entries()[static_cast<size_t>(m[0].entry)].id, "company:chinalco");
  EXPECT_EQ(m[0].last, 3u);
}

}  // namespace
}  // namespace newsgraph
