// Lexer: openCypher query text -> tokens, each with its line and column.
//
// Keywords are not special here: they come out as kIdent and the parser
// compares them case-insensitively (so `match`, `MATCH` and `Match` agree).
// Backquoted names (`my var`) come out as kIdent with quoted = true, so they
// never act as keywords. Comments: `// ...` to end of line and `/* ... */`.
//
// Multi-character operators produced: <= >= <> =~ .. (arrows are '<' '-'
// and '-' '>' tokens; the parser assembles them).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace newsgraph::query {

enum class TokenKind {
  kIdent,    // name or keyword
  kString,   // 'text' or "text", escapes resolved
  kInteger,
  kFloat,
  kParam,    // $name (text = name without '$')
  kSymbol,   // punctuation and operators; text holds it
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;   // identifier, unescaped string, symbol, or the number as written
  int64_t int_value = 0;
  double float_value = 0;
  bool quoted = false;  // identifier written in backquotes
  int line = 1;         // 1-based
  int column = 1;       // 1-based, in bytes
  size_t offset = 0;    // byte offset of the token's first character
  size_t end = 0;       // byte offset one past its last character
};

// Splits `text` into tokens ending with one kEnd token. Errors (unterminated
// string, stray character) name the line and column:
//   "line 1, column 14: unterminated string".
Result<std::vector<Token>> Lex(std::string_view text);

// How a token is shown in an error message: 'MATCH', "end of query", ...
std::string Describe(const Token& t);

}  // namespace newsgraph::query
