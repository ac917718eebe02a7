#include "queries/lexer.h"

#include "extract/encoding.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace newsgraph::query {

namespace {

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }


}  // namespace

std::string Describe(const Token& t) {
  switch (t.kind) {
    case TokenKind::kEnd: return "end of query";
    case TokenKind::kString: return "string '" + t.text + "'";
    case TokenKind::kParam: return "'$" + t.text + "'";
    default: return "'" + t.text + "'";
  }
}

Result<std::vector<Token>> Lex(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  int line = 1;
  size_t line_start = 0;
  auto error = [&](size_t at, const std::string& what) {
    return Status::Error("line " + std::to_string(line) + ", column " +
                         std::to_string(at - line_start + 1) + ": " + what);
  };
  while (true) {
    // Skip whitespace and comments.
    while (i < s.size()) {
      char c = s[i];
      if (c == '\n') {
        ++line;
        line_start = ++i;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++i;
      } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
        while (i < s.size() && s[i] != '\n') ++i;
      } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
        size_t start = i;
        i += 2;
        while (i + 1 < s.size() && !(s[i] == '*' && s[i + 1] == '/')) {
          if (s[i] == '\n') {
            ++line;
            line_start = i + 1;
          }
          ++i;
        }
        if (i + 1 >= s.size()) return error(start, "unterminated comment");
        i += 2;
      } else {
        break;
      }
    }
    Token t;
    t.line = line;
    t.column = static_cast<int>(i - line_start + 1);
    t.offset = i;
    if (i >= s.size()) {
      t.kind = TokenKind::kEnd;
      t.end = i;
      out.push_back(std::move(t));
      return out;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsIdentStart(c)) {
      size_t j = i;
      while (j < s.size() && IsIdentChar(static_cast<unsigned char>(s[j]))) ++j;
      t.kind = TokenKind::kIdent;
      t.text = std::string(s.substr(i, j - i));
      i = j;
    } else if (c == '`') {
      size_t j = i + 1;
      while (j < s.size() && s[j] != '`' && s[j] != '\n') ++j;
      if (j >= s.size() || s[j] != '`') return error(i, "unterminated backquoted name");
      t.kind = TokenKind::kIdent;
      t.quoted = true;
      t.text = std::string(s.substr(i + 1, j - i - 1));
      i = j + 1;
    } else if (c == '$') {
      size_t j = i + 1;
      while (j < s.size() && IsIdentChar(static_cast<unsigned char>(s[j]))) ++j;
      if (j == i + 1) return error(i, "expected a parameter name after '$'");
      t.kind = TokenKind::kParam;
      t.text = std::string(s.substr(i + 1, j - i - 1));
      i = j;
    } else if (std::isdigit(c)) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      bool is_float = false;
      // "1..3" is a range, not the float "1."
      if (j + 1 < s.size() && s[j] == '.' && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
        is_float = true;
        ++j;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      }
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
          is_float = true;
          j = k;
          while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        }
      }
      if (j < s.size() && IsIdentStart(static_cast<unsigned char>(s[j])))
        return error(j, "unexpected character '" + std::string(1, s[j]) + "' in number");
      t.text = std::string(s.substr(i, j - i));
      if (is_float) {
        t.kind = TokenKind::kFloat;
        t.float_value = std::strtod(t.text.c_str(), nullptr);
      } else {
        t.kind = TokenKind::kInteger;
        auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), t.int_value);
        if (ec != std::errc()) return error(i, "integer out of range: " + t.text);
      }
      i = j;
    } else if (c == '\'' || c == '"') {
      char quote = static_cast<char>(c);
      size_t j = i + 1;
      std::string value;
      bool closed = false;
      while (j < s.size()) {
        char d = s[j];
        if (d == quote) {
          closed = true;
          ++j;
          break;
        }
        if (d == '\n') {
          ++line;
          line_start = j + 1;
        }
        if (d == '\\' && j + 1 < s.size()) {
          char e = s[j + 1];
          j += 2;
          switch (e) {
            case 'n': value += '\n'; break;
            case 't': value += '\t'; break;
            case 'r': value += '\r'; break;
            case 'b': value += '\b'; break;
            case 'f': value += '\f'; break;
            case '\\': value += '\\'; break;
            case '\'': value += '\''; break;
            case '"': value += '"'; break;
            case 'u': {
              if (j + 4 > s.size()) return error(j - 2, "bad \\u escape");
              uint32_t cp = 0;
              for (int k = 0; k < 4; ++k) {
                char h = s[j + k];
                cp <<= 4;
                if (h >= '0' && h <= '9') cp |= h - '0';
                else if (h >= 'a' && h <= 'f') cp |= h - 'a' + 10;
                else if (h >= 'A' && h <= 'F') cp |= h - 'A' + 10;
                else return error(j - 2, "bad \\u escape");
              }
              j += 4;
              AppendUtf8(value, cp);
              break;
            }
            default:
              // Unknown escapes keep the backslash (so regexes like '\d' work).
              value += '\\';
              value += e;
          }
          continue;
        }
        value += d;
        ++j;
      }
      if (!closed) {
        t.kind = TokenKind::kEnd;
        return Status::Error("line " + std::to_string(t.line) + ", column " +
                             std::to_string(t.column) + ": unterminated string");
      }
      t.kind = TokenKind::kString;
      t.text = std::move(value);
      i = j;
    } else {
      static constexpr std::string_view kTwo[] = {"<=", ">=", "<>", "=~", "..", "!="};
      t.kind = TokenKind::kSymbol;
      bool two = false;
      if (i + 1 < s.size())
        for (std::string_view op : kTwo)
          if (s.substr(i, 2) == op) {
            t.text = std::string(op);
            if (t.text == "!=") t.text = "<>";
            i += 2;
            two = true;
            break;
          }
      if (!two) {
        static constexpr std::string_view kOne = "()[]{},.:|*+-/%=<>;^";
        if (kOne.find(static_cast<char>(c)) == std::string_view::npos)
          return error(i, std::string("unexpected character '") + static_cast<char>(c) + "'");
        t.text = std::string(1, static_cast<char>(c));
        ++i;
      }
    }
    t.end = i;
    out.push_back(std::move(t));
  }
}

}  // namespace newsgraph::query
