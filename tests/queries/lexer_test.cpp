#include "queries/lexer.h"

#include <gtest/gtest.h>

namespace newsgraph::query {
namespace {

std::vector<Token> MustLex(std::string_view s) {
  auto r = Lex(s);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : std::vector<Token>{};
}

TEST(Lexer, TokensWithLineAndColumn) {
  auto t = MustLex("MATCH (n:Company)\n  WHERE n.name = 'Hydro' RETURN n");
  ASSERT_GE(t.size(), 14u);
  EXPECT_EQ(t[0].kind, TokenKind::kIdent);
  EXPECT_EQ(t[0].text, "MATCH");
  EXPECT_EQ(t[0].line, 1);
  EXPECT_EQ(t[0].column, 1);
  EXPECT_EQ(t[1].text, "(");
  EXPECT_EQ(t[1].column, 7);
  EXPECT_EQ(t[6].text, "WHERE");
  EXPECT_EQ(t[6].line, 2);
  EXPECT_EQ(t[6].column, 3);
  EXPECT_EQ(t[11].kind, TokenKind::kString);
  EXPECT_EQ(t[11].text, "Hydro");
  EXPECT_EQ(t.back().kind, TokenKind::kEnd);
}

TEST(Lexer, NumbersRangesAndOperators) {
  auto t = MustLex("[*1..3] 2.5 1e3 <= >= <> != =~ $p");
  EXPECT_EQ(t[1].text, "*");
  EXPECT_EQ(t[2].kind, TokenKind::kInteger);
  EXPECT_EQ(t[2].int_value, 1);
  EXPECT_EQ(t[3].text, "..");
  EXPECT_EQ(t[4].int_value, 3);
  EXPECT_EQ(t[6].kind, TokenKind::kFloat);
  EXPECT_DOUBLE_EQ(t[6].float_value, 2.5);
  EXPECT_EQ(t[7].kind, TokenKind::kFloat);
  EXPECT_DOUBLE_EQ(t[7].float_value, 1000);
  EXPECT_EQ(t[8].text, "<=");
  EXPECT_EQ(t[9].text, ">=");
  EXPECT_EQ(t[10].text, "<>");
  EXPECT_EQ(t[11].text, "<>");  // != is an alias
  EXPECT_EQ(t[12].text, "=~");
  EXPECT_EQ(t[13].kind, TokenKind::kParam);
  EXPECT_EQ(t[13].text, "p");
}

TEST(Lexer, StringsEscapesAndBackquotes) {
  auto t = MustLex(R"('it\'s' "a\"b" '\u00e9' '\d+' `my var`)");
  EXPECT_EQ(t[0].text, "it's");
  EXPECT_EQ(t[1].text, "a\"b");
  EXPECT_EQ(t[2].text, "\xC3\xA9");
  EXPECT_EQ(t[3].text, "\\d+");  // unknown escapes kept for regexes
  EXPECT_EQ(t[4].kind, TokenKind::kIdent);
  EXPECT_TRUE(t[4].quoted);
  EXPECT_EQ(t[4].text, "my var");
}

TEST(Lexer, Comments) {
  auto t = MustLex("// a comment\nMATCH /* inline\n comment */ (n)");
  EXPECT_EQ(t[0].text, "MATCH");
  EXPECT_EQ(t[0].line, 2);
  EXPECT_EQ(t[1].text, "(");
  EXPECT_EQ(t[1].line, 3);
  EXPECT_EQ(t[1].column, 13);
}

TEST(Lexer, ErrorsNamePosition) {
  auto r = Lex("MATCH (n)\nRETURN 'abc");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "line 2, column 8: unterminated string");
  r = Lex("RETURN 1 # 2");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "line 1, column 10: unexpected character '#'");
  r = Lex("RETURN $");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("column 8"), std::string::npos);
  EXPECT_FALSE(Lex("RETURN 12abc").ok());
  EXPECT_FALSE(Lex("/* never closed").ok());
}

}  // namespace
}  // namespace newsgraph::query
