#include "queries/parser.h"

#include <algorithm>
#include <cctype>

#include "queries/lexer.h"

namespace newsgraph::query {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words that end an expression or start a clause; never variable names.
constexpr std::string_view kReserved[] = {
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH",  "DISTINCT", "ORDER",    "BY",
    "ASC",   "DESC",     "SKIP",  "LIMIT",  "AND",   "OR",       "NOT",      "XOR",
    "IS",    "NULL",     "IN",    "CONTAINS", "STARTS", "ENDS",  "AS",       "TRUE",
    "FALSE", "UNWIND",   "CREATE", "MERGE", "DELETE", "DETACH",  "SET",      "REMOVE",
    "CALL",  "ASCENDING", "DESCENDING", "UNION", "LOAD", "FOREACH", "DROP",
    "CASE",  "WHEN",     "THEN",  "ELSE",   "END"};
constexpr std::string_view kWrite[] = {"CREATE", "MERGE",  "DELETE", "DETACH", "SET",
                                       "REMOVE", "CALL",   "LOAD",   "FOREACH", "DROP"};

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), toks_(std::move(tokens)) {}

  Result<Query> Run() {
    Query q;
    while (true) {
      const Token& t = Peek();
      if (t.kind == TokenKind::kEnd) break;
      if (IsSymbol(";")) {
        Next();
        if (Peek().kind != TokenKind::kEnd) return Fail(Peek(), "end of query");
        break;
      }
      if (!Ok()) break;
      Clause c;
      c.pos = Pos(t);
      if (IsKeyword("OPTIONAL")) {
        Next();
        if (!ExpectKeyword("MATCH")) return err_;
        c.optional = true;
        if (!ParseMatch(&c)) return err_;
      } else if (IsKeyword("MATCH")) {
        Next();
        if (!ParseMatch(&c)) return err_;
      } else if (IsKeyword("WITH")) {
        Next();
        c.kind = ClauseKind::kWith;
        if (!ParseProjection(&c.projection)) return err_;
        if (IsKeyword("WHERE")) {
          Next();
          c.where = ParseExpr();
        }
      } else if (IsKeyword("UNWIND")) {
        Next();
        c.kind = ClauseKind::kUnwind;
        c.unwind_expr = ParseExpr();
        if (!ExpectKeyword("AS")) return err_;
        if (!ParseName(&c.unwind_var, "a variable name")) return err_;
      } else if (IsKeyword("RETURN")) {
        Next();
        c.kind = ClauseKind::kReturn;
        if (!ParseProjection(&c.projection)) return err_;
        if (!Ok()) return err_;
        q.clauses.push_back(std::move(c));
        if (IsSymbol(";")) Next();
        if (Peek().kind != TokenKind::kEnd) return Fail(Peek(), "end of query");
        break;
      } else if (IsWriteKeyword()) {
        return Status::Error(Where(t) + Upper(t.text) +
                             " is not supported: newsgraph queries are read-only");
      } else {
        return Fail(t, q.clauses.empty() ? "MATCH, UNWIND, WITH or RETURN"
                                         : "MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN");
      }
      if (!Ok()) return err_;
      q.clauses.push_back(std::move(c));
    }
    if (!Ok()) return err_;
    if (q.clauses.empty()) return Fail(Peek(), "MATCH, UNWIND, WITH or RETURN");
    if (q.clauses.back().kind != ClauseKind::kReturn) {
      return Status::Error(Where(Peek()) + "expected RETURN but found end of query (a query "
                                           "must end with RETURN)");
    }
    return q;
  }

 private:
  // --- token helpers ---
  const Token& Peek(size_t ahead = 0) const {
    return toks_[std::min(pos_ + ahead, toks_.size() - 1)];
  }
  const Token& Next() {
    const Token& t = toks_[pos_];
    if (pos_ + 1 < toks_.size()) ++pos_;
    return t;
  }
  bool Ok() const { return err_.ok(); }
  static Position Pos(const Token& t) { return {t.line, t.column}; }
  static std::string Where(const Token& t) {
    return "line " + std::to_string(t.line) + ", column " + std::to_string(t.column) + ": ";
  }
  Status Fail(const Token& t, const std::string& expected) {
    if (err_.ok())
      err_ = Status::Error(Where(t) + "expected " + expected + " but found " + Describe(t));
    return err_;
  }
  bool IsSymbol(std::string_view s, size_t ahead = 0) const {
    const Token& t = Peek(ahead);
    return t.kind == TokenKind::kSymbol && t.text == s;
  }
  bool IsKeyword(std::string_view kw, size_t ahead = 0) const {
    const Token& t = Peek(ahead);
    if (t.kind != TokenKind::kIdent || t.quoted || t.text.size() != kw.size()) return false;
    for (size_t i = 0; i < kw.size(); ++i)
      if (std::toupper(static_cast<unsigned char>(t.text[i])) != kw[i]) return false;
    return true;
  }
  bool IsWriteKeyword() const {
    for (std::string_view kw : kWrite)
      if (IsKeyword(kw)) return true;
    return false;
  }
  bool IsReserved(const Token& t) const {
    if (t.kind != TokenKind::kIdent || t.quoted) return false;
    std::string u = Upper(t.text);
    return std::find(std::begin(kReserved), std::end(kReserved), u) != std::end(kReserved);
  }
  bool Expect(std::string_view sym) {
    if (!Ok()) return false;
    if (IsSymbol(sym)) {
      Next();
      return true;
    }
    Fail(Peek(), "'" + std::string(sym) + "'");
    return false;
  }
  bool ExpectKeyword(std::string_view kw) {
    if (!Ok()) return false;
    if (IsKeyword(kw)) {
      Next();
      return true;
    }
    Fail(Peek(), std::string(kw));
    return false;
  }
  bool ParseName(std::string* out, const std::string& what) {
    if (!Ok()) return false;
    const Token& t = Peek();
    if (t.kind == TokenKind::kIdent && !IsReserved(t)) {
      *out = Next().text;
      return true;
    }
    Fail(t, what);
    return false;
  }
  // Label, type and property names may be any identifier, keywords included.
  bool ParseSymbolicName(std::string* out, const std::string& what) {
    if (!Ok()) return false;
    if (Peek().kind == TokenKind::kIdent) {
      *out = Next().text;
      return true;
    }
    Fail(Peek(), what);
    return false;
  }

  // --- clauses ---
  bool ParseMatch(Clause* c) {
    c->kind = ClauseKind::kMatch;
    do {
      PatternPart part;
      if (!ParsePatternPart(&part)) return false;
      c->patterns.push_back(std::move(part));
    } while (IsSymbol(",") && (Next(), true));
    if (IsKeyword("WHERE")) {
      Next();
      c->where = ParseExpr();
    }
    return Ok();
  }

  bool ParseProjection(Projection* p) {
    if (IsKeyword("DISTINCT")) {
      Next();
      p->distinct = true;
    }
    if (IsSymbol("*")) {
      Next();
      p->star = true;
      if (IsSymbol(",")) {
        Next();
      } else {
        goto tail;
      }
    }
    do {
      ProjectionItem item;
      item.expr = ParseExpr();
      if (!Ok()) return false;
      if (IsKeyword("AS")) {
        Next();
        if (!ParseName(&item.alias, "a name after AS")) return false;
        item.has_alias = true;
      } else {
        item.alias = item.expr->text;
      }
      p->items.push_back(std::move(item));
    } while (IsSymbol(",") && (Next(), true));
  tail:
    if (IsKeyword("ORDER")) {
      Next();
      if (!ExpectKeyword("BY")) return false;
      do {
        SortItem s;
        s.expr = ParseExpr();
        if (!Ok()) return false;
        if (IsKeyword("DESC") || IsKeyword("DESCENDING")) {
          Next();
          s.descending = true;
        } else if (IsKeyword("ASC") || IsKeyword("ASCENDING")) {
          Next();
        }
        p->order_by.push_back(std::move(s));
      } while (IsSymbol(",") && (Next(), true));
    }
    if (IsKeyword("SKIP")) {
      Next();
      p->skip = ParseExpr();
    }
    if (IsKeyword("LIMIT")) {
      Next();
      p->limit = ParseExpr();
    }
    return Ok();
  }

  // --- patterns ---
  bool ParsePatternPart(PatternPart* part) {
    part->pos = Pos(Peek());
    if (Peek().kind == TokenKind::kIdent && IsSymbol("=", 1)) {
      if (!ParseName(&part->path_var, "a path variable")) return false;
      Next();  // '='
    }
    if (IsKeyword("SHORTESTPATH") || IsKeyword("ALLSHORTESTPATHS")) {
      Next();
      part->shortest = true;
      if (!Expect("(")) return false;
      if (!ParseChain(part)) return false;
      if (!Expect(")")) return false;
      if (part->rels.size() != 1) {
        err_ = Status::Error("line " + std::to_string(part->pos.line) + ", column " +
                             std::to_string(part->pos.column) +
                             ": shortestPath needs exactly one relationship, e.g. "
                             "shortestPath((a)-[*..6]-(b))");
        return false;
      }
      return true;
    }
    return ParseChain(part);
  }

  bool ParseChain(PatternPart* part) {
    NodePattern n;
    if (!ParseNode(&n)) return false;
    part->nodes.push_back(std::move(n));
    while (IsSymbol("-") || (IsSymbol("<") && IsSymbol("-", 1))) {
      RelPattern r;
      if (!ParseRel(&r)) return false;
      part->rels.push_back(std::move(r));
      NodePattern m;
      if (!ParseNode(&m)) return false;
      part->nodes.push_back(std::move(m));
    }
    return Ok();
  }

  bool ParseNode(NodePattern* n) {
    n->pos = Pos(Peek());
    if (!Expect("(")) return false;
    if (Peek().kind == TokenKind::kIdent) {
      if (!ParseName(&n->var, "a variable name")) return false;
    }
    while (IsSymbol(":")) {
      Next();
      std::string label;
      if (!ParseSymbolicName(&label, "a label")) return false;
      n->labels.push_back(label);
    }
    if (IsSymbol("{")) {
      if (!ParsePropertyMap(&n->props)) return false;
    }
    return Expect(")");
  }

  bool ParseRel(RelPattern* r) {
    r->pos = Pos(Peek());
    bool left = false, right = false;
    if (IsSymbol("<")) {
      Next();
      left = true;
    }
    if (!Expect("-")) return false;
    if (IsSymbol("[")) {
      Next();
      if (Peek().kind == TokenKind::kIdent) {
        if (!ParseName(&r->var, "a variable name")) return false;
      }
      if (IsSymbol(":")) {
        Next();
        std::string type;
        if (!ParseSymbolicName(&type, "a relationship type")) return false;
        r->types.push_back(type);
        while (IsSymbol("|")) {
          Next();
          if (IsSymbol(":")) Next();
          if (!ParseSymbolicName(&type, "a relationship type")) return false;
          r->types.push_back(type);
        }
      }
      if (IsSymbol("*")) {
        Next();
        r->var_length = true;
        auto bound = [&]() -> ExprPtr {
          const Token& t = Peek();
          if (t.kind != TokenKind::kInteger && t.kind != TokenKind::kParam) return nullptr;
          auto e = std::make_unique<Expr>();
          e->pos = Pos(t);
          e->text = t.kind == TokenKind::kParam ? "$" + t.text : t.text;
          if (t.kind == TokenKind::kInteger) {
            e->kind = ExprKind::kLiteral;
            e->literal = Value(t.int_value);
          } else {
            e->kind = ExprKind::kParam;
            e->name = t.text;
          }
          Next();
          return e;
        };
        r->min_hops = bound();
        if (IsSymbol("..")) {
          Next();
          r->max_hops = bound();
        } else if (r->min_hops) {
          // [*3] means exactly 3 hops.
          auto copy = std::make_unique<Expr>(Expr{r->min_hops->kind, r->min_hops->pos,
                                                  r->min_hops->text, r->min_hops->literal,
                                                  r->min_hops->name, {}, {}, false, false, false});
          r->max_hops = std::move(copy);
        }
      }
      if (IsSymbol("{")) {
        if (!ParsePropertyMap(&r->props)) return false;
      }
      if (!Expect("]")) return false;
    }
    if (!Expect("-")) return false;
    if (IsSymbol(">")) {
      Next();
      right = true;
    }
    if (left && right) {
      err_ = Status::Error("line " + std::to_string(r->pos.line) + ", column " +
                           std::to_string(r->pos.column) +
                           ": a relationship cannot point both ways (<-...->)");
      return false;
    }
    r->dir = left ? Direction::kIn : right ? Direction::kOut : Direction::kBoth;
    return true;
  }

  bool ParsePropertyMap(std::vector<std::pair<std::string, ExprPtr>>* props) {
    if (!Expect("{")) return false;
    if (!IsSymbol("}")) {
      do {
        std::string key;
        if (!ParseSymbolicName(&key, "a property name")) return false;
        if (!Expect(":")) return false;
        ExprPtr e = ParseExpr();
        if (!Ok()) return false;
        props->emplace_back(std::move(key), std::move(e));
      } while (IsSymbol(",") && (Next(), true));
    }
    return Expect("}");
  }

  // --- expressions ---
  ExprPtr Make(ExprKind kind, const Token& start) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->pos = Pos(start);
    return e;
  }
  // Sets e->text to the source between token index `from` and the last consumed token.
  void SetText(Expr* e, size_t from) {
    if (!e) return;
    size_t last = pos_ > from ? pos_ - 1 : from;
    size_t b = toks_[from].offset, en = toks_[last].end;
    if (en > b) e->text = std::string(text_.substr(b, en - b));
  }
  ExprPtr Binary(std::string op, ExprPtr l, ExprPtr r, size_t from) {
    auto e = std::make_unique<Expr>();
    e->kind = ExprKind::kBinary;
    e->pos = l ? l->pos : Position{};
    e->name = std::move(op);
    e->args.push_back(std::move(l));
    e->args.push_back(std::move(r));
    SetText(e.get(), from);
    return e;
  }

  // Nesting guard: a hostile query cannot exhaust the stack.
  struct Depth {
    Parser* p;
    explicit Depth(Parser* parser) : p(parser) { ++p->depth_; }
    ~Depth() { --p->depth_; }
  };
  bool TooDeep() {
    if (depth_ <= kMaxDepth) return false;
    if (err_.ok()) err_ = Status::Error(Where(Peek()) + "expression nested too deeply");
    return true;
  }

  ExprPtr ParseExpr() {
    Depth d(this);
    if (!Ok() || TooDeep()) return nullptr;
    return ParseOr();
  }
  ExprPtr ParseOr() {
    size_t from = pos_;
    ExprPtr l = ParseXor();
    while (Ok() && IsKeyword("OR")) {
      Next();
      l = Binary("OR", std::move(l), ParseXor(), from);
    }
    return l;
  }
  ExprPtr ParseXor() {
    size_t from = pos_;
    ExprPtr l = ParseAnd();
    while (Ok() && IsKeyword("XOR")) {
      Next();
      l = Binary("XOR", std::move(l), ParseAnd(), from);
    }
    return l;
  }
  ExprPtr ParseAnd() {
    size_t from = pos_;
    ExprPtr l = ParseNot();
    while (Ok() && IsKeyword("AND")) {
      Next();
      l = Binary("AND", std::move(l), ParseNot(), from);
    }
    return l;
  }
  ExprPtr ParseNot() {
    Depth d(this);
    if (TooDeep()) return nullptr;
    if (IsKeyword("NOT")) {
      size_t from = pos_;
      ExprPtr e = Make(ExprKind::kUnary, Next());
      e->name = "NOT";
      e->args.push_back(ParseNot());
      SetText(e.get(), from);
      return e;
    }
    return ParseComparison();
  }
  ExprPtr ParseComparison() {
    size_t from = pos_;
    ExprPtr l = ParseAdditive();
    while (Ok()) {
      const Token& t = Peek();
      if (t.kind == TokenKind::kSymbol &&
          (t.text == "=" || t.text == "<>" || t.text == "<" || t.text == "<=" ||
           t.text == ">" || t.text == ">=" || t.text == "=~")) {
        std::string op = Next().text;
        l = Binary(op, std::move(l), ParseAdditive(), from);
      } else if (IsKeyword("IN")) {
        Next();
        l = Binary("IN", std::move(l), ParseAdditive(), from);
      } else if (IsKeyword("CONTAINS")) {
        Next();
        l = Binary("CONTAINS", std::move(l), ParseAdditive(), from);
      } else if (IsKeyword("STARTS")) {
        Next();
        if (!ExpectKeyword("WITH")) return nullptr;
        l = Binary("STARTS WITH", std::move(l), ParseAdditive(), from);
      } else if (IsKeyword("ENDS")) {
        Next();
        if (!ExpectKeyword("WITH")) return nullptr;
        l = Binary("ENDS WITH", std::move(l), ParseAdditive(), from);
      } else if (IsKeyword("IS")) {
        Next();
        auto e = std::make_unique<Expr>();
        e->kind = ExprKind::kIsNull;
        e->pos = l ? l->pos : Position{};
        if (IsKeyword("NOT")) {
          Next();
          e->negated = true;
        }
        if (!ExpectKeyword("NULL")) return nullptr;
        e->args.push_back(std::move(l));
        SetText(e.get(), from);
        l = std::move(e);
      } else {
        break;
      }
    }
    return l;
  }
  ExprPtr ParseAdditive() {
    size_t from = pos_;
    ExprPtr l = ParseMultiplicative();
    while (Ok() && (IsSymbol("+") || IsSymbol("-"))) {
      std::string op = Next().text;
      l = Binary(op, std::move(l), ParseMultiplicative(), from);
    }
    return l;
  }
  ExprPtr ParseMultiplicative() {
    size_t from = pos_;
    ExprPtr l = ParseUnary();
    while (Ok() && (IsSymbol("*") || IsSymbol("/") || IsSymbol("%"))) {
      std::string op = Next().text;
      l = Binary(op, std::move(l), ParseUnary(), from);
    }
    return l;
  }
  ExprPtr ParseUnary() {
    Depth d(this);
    if (TooDeep()) return nullptr;
    if (IsSymbol("-") || IsSymbol("+")) {
      size_t from = pos_;
      const Token& t = Next();
      bool minus = t.text == "-";
      ExprPtr inner = ParseUnary();
      if (!minus) return inner;
      ExprPtr e = Make(ExprKind::kUnary, t);
      e->name = "-";
      e->args.push_back(std::move(inner));
      SetText(e.get(), from);
      return e;
    }
    return ParsePostfix();
  }
  ExprPtr ParsePostfix() {
    size_t from = pos_;
    ExprPtr e = ParseAtom();
    while (Ok()) {
      if (IsSymbol(".")) {
        Next();
        auto p = std::make_unique<Expr>();
        p->kind = ExprKind::kProperty;
        p->pos = e->pos;
        if (!ParseSymbolicName(&p->name, "a property name")) return nullptr;
        p->args.push_back(std::move(e));
        SetText(p.get(), from);
        e = std::move(p);
      } else if (IsSymbol(":") && e->kind == ExprKind::kVariable) {
        // Label predicate: n:Company
        auto p = std::make_unique<Expr>();
        p->kind = ExprKind::kHasLabels;
        p->pos = e->pos;
        while (IsSymbol(":")) {
          Next();
          std::string label;
          if (!ParseSymbolicName(&label, "a label")) return nullptr;
          p->keys.push_back(label);
        }
        p->args.push_back(std::move(e));
        SetText(p.get(), from);
        e = std::move(p);
      } else if (IsSymbol("[")) {
        Next();
        auto p = std::make_unique<Expr>();
        p->kind = ExprKind::kIndex;
        p->pos = e->pos;
        p->args.push_back(std::move(e));
        p->args.push_back(ParseExpr());
        if (!Expect("]")) return nullptr;
        SetText(p.get(), from);
        e = std::move(p);
      } else {
        break;
      }
    }
    return e;
  }
  ExprPtr ParseAtom() {
    if (!Ok()) return nullptr;
    size_t from = pos_;
    const Token& t = Peek();
    ExprPtr e;
    switch (t.kind) {
      case TokenKind::kInteger:
        e = Make(ExprKind::kLiteral, t);
        e->literal = Value(t.int_value);
        Next();
        break;
      case TokenKind::kFloat:
        e = Make(ExprKind::kLiteral, t);
        e->literal = Value(t.float_value);
        Next();
        break;
      case TokenKind::kString:
        e = Make(ExprKind::kLiteral, t);
        e->literal = Value(t.text);
        Next();
        break;
      case TokenKind::kParam:
        e = Make(ExprKind::kParam, t);
        e->name = t.text;
        Next();
        break;
      case TokenKind::kSymbol:
        if (t.text == "(") {
          Next();
          e = ParseExpr();
          if (!Expect(")")) return nullptr;
          // Keep the parentheses in the text.
          SetText(e.get(), from);
          return e;
        }
        if (t.text == "[" && Peek(1).kind == TokenKind::kIdent && !IsReserved(Peek(1)) &&
            IsKeyword("IN", 2)) {
          // List comprehension: [x IN list WHERE pred | expr]
          e = Make(ExprKind::kListComp, t);
          Next();
          e->name = Next().text;
          Next();  // IN
          e->args.push_back(ParseExpr());
          e->args.emplace_back();
          e->args.emplace_back();
          if (IsKeyword("WHERE")) {
            Next();
            e->args[1] = ParseExpr();
          }
          if (IsSymbol("|")) {
            Next();
            e->args[2] = ParseExpr();
          }
          if (!Expect("]")) return nullptr;
          break;
        }
        if (t.text == "[") {
          e = Make(ExprKind::kList, t);
          Next();
          if (!IsSymbol("]")) {
            do {
              e->args.push_back(ParseExpr());
              if (!Ok()) return nullptr;
            } while (IsSymbol(",") && (Next(), true));
          }
          if (!Expect("]")) return nullptr;
          break;
        }
        if (t.text == "{") {
          e = Make(ExprKind::kMap, t);
          std::vector<std::pair<std::string, ExprPtr>> props;
          if (!ParsePropertyMap(&props)) return nullptr;
          for (auto& [k, v] : props) {
            e->keys.push_back(k);
            e->args.push_back(std::move(v));
          }
          break;
        }
        Fail(t, "an expression");
        return nullptr;
      case TokenKind::kIdent: {
        if (IsKeyword("CASE")) {
          e = Make(ExprKind::kCase, t);
          Next();
          e->args.push_back(IsKeyword("WHEN") ? nullptr : ParseExpr());
          if (!IsKeyword("WHEN")) {
            Fail(Peek(), "WHEN");
            return nullptr;
          }
          while (Ok() && IsKeyword("WHEN")) {
            Next();
            e->args.push_back(ParseExpr());
            if (!ExpectKeyword("THEN")) return nullptr;
            e->args.push_back(ParseExpr());
          }
          if (IsKeyword("ELSE")) {
            Next();
            e->args.push_back(ParseExpr());
          } else {
            e->args.push_back(nullptr);
          }
          if (!ExpectKeyword("END")) return nullptr;
          break;
        }
        if (!t.quoted) {
          if (IsKeyword("TRUE") || IsKeyword("FALSE")) {
            e = Make(ExprKind::kLiteral, t);
            e->literal = Value(IsKeyword("TRUE"));
            Next();
            break;
          }
          if (IsKeyword("NULL")) {
            e = Make(ExprKind::kLiteral, t);
            Next();
            break;
          }
        }
        if (!t.quoted && IsSymbol("(", 1) && Peek(2).kind == TokenKind::kIdent &&
            IsKeyword("IN", 3)) {
          std::string q = Lower(t.text);
          if (q == "any" || q == "all" || q == "none" || q == "single") {
            // List predicate: any(x IN list WHERE pred)
            e = Make(ExprKind::kListComp, t);
            e->keys.push_back(q);
            Next();
            Next();  // '('
            e->name = Next().text;
            Next();  // IN
            e->args.push_back(ParseExpr());
            if (!ExpectKeyword("WHERE")) return nullptr;
            e->args.push_back(ParseExpr());
            e->args.emplace_back();
            if (!Expect(")")) return nullptr;
            break;
          }
        }
        if (IsSymbol("(", 1) && !t.quoted) {
          e = Make(ExprKind::kFunction, t);
          e->name = Lower(t.text);
          Next();
          Next();  // '('
          if (IsKeyword("DISTINCT")) {
            Next();
            e->distinct = true;
          }
          if (IsSymbol("*")) {
            Next();
            e->star = true;
            if (e->name != "count") {
              err_ = Status::Error(Where(t) + "only count(*) takes '*'");
              return nullptr;
            }
          } else if (!IsSymbol(")")) {
            do {
              e->args.push_back(ParseExpr());
              if (!Ok()) return nullptr;
            } while (IsSymbol(",") && (Next(), true));
          }
          if (!Expect(")")) return nullptr;
          break;
        }
        if (IsReserved(t)) {
          Fail(t, "an expression");
          return nullptr;
        }
        e = Make(ExprKind::kVariable, t);
        e->name = t.text;
        Next();
        break;
      }
      case TokenKind::kEnd:
        Fail(t, "an expression");
        return nullptr;
    }
    SetText(e.get(), from);
    return e;
  }

  std::string_view text_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  Status err_;
  static constexpr int kMaxDepth = 200;
  int depth_ = 0;
};

}  // namespace

Result<Query> Parse(std::string_view text) {
  auto tokens = Lex(text);
  if (!tokens.ok()) return tokens.status();
  Parser p(text, std::move(tokens.value()));
  return p.Run();
}

}  // namespace newsgraph::query
