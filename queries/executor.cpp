#include "queries/executor.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "queries/parser.h"

namespace newsgraph::query {

namespace {

// Errors inside the executor unwind to Execute(), which turns them into a
// Status; nothing throws across the module boundary.
struct QueryError {
  std::string message;
};
[[noreturn]] void Fail(const Position& p, const std::string& what) {
  throw QueryError{"line " + std::to_string(p.line) + ", column " + std::to_string(p.column) +
                   ": " + what};
}
[[noreturn]] void Fail(const std::string& what) { throw QueryError{what}; }

using Row = std::vector<Value>;

struct Frame {
  std::vector<std::string> names;
  std::vector<Row> rows;
  int Slot(const std::string& name) const {
    for (size_t i = names.size(); i-- > 0;)
      if (names[i] == name) return static_cast<int>(i);
    return -1;
  }
};

bool IsNumber(const Value& v) { return v.is<int64_t>() || v.is<double>(); }
double AsDouble(const Value& v) {
  return v.is<int64_t>() ? static_cast<double>(v.as<int64_t>()) : v.as<double>();
}

int TypeRank(const Value& v) {
  switch (v.v.index()) {
    case 6: return 0;  // map
    case 7: return 1;  // node
    case 8: return 2;  // rel
    case 5: return 3;  // list
    case 9: return 4;  // path
    case 4: return 5;  // string
    case 1: return 6;  // bool
    case 2:
    case 3: return 7;  // number
    default: return 8;  // null
  }
}

// Total order for ORDER BY and min/max: by type, then by value; null last.
int Compare(const Value& a, const Value& b) {
  int ra = TypeRank(a), rb = TypeRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (IsNumber(a)) {
    if (a.is<int64_t>() && b.is<int64_t>())
      return a.as<int64_t>() < b.as<int64_t>() ? -1 : a.as<int64_t>() > b.as<int64_t>();
    double x = AsDouble(a), y = AsDouble(b);
    return x < y ? -1 : x > y;
  }
  if (a.is<std::string>()) return a.as<std::string>().compare(b.as<std::string>()) < 0 ? -1
                                 : a.as<std::string>() == b.as<std::string>()          ? 0
                                                                                       : 1;
  if (a.is<bool>()) return static_cast<int>(a.as<bool>()) - static_cast<int>(b.as<bool>());
  if (a.is<ValueList>()) {
    const auto &x = a.as<ValueList>(), &y = b.as<ValueList>();
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
      if (int c = Compare(x[i], y[i])) return c;
    return x.size() < y.size() ? -1 : x.size() > y.size();
  }
  if (a.is<NodeRef>()) return a.as<NodeRef>().v < b.as<NodeRef>().v ? -1 : a.as<NodeRef>().v > b.as<NodeRef>().v;
  if (a.is<PathRef>()) return a.as<PathRef>().nodes < b.as<PathRef>().nodes ? -1 : a.as<PathRef>().nodes > b.as<PathRef>().nodes;
  return 0;
}

// Cypher equality: null when either side is null (or a list holds null).
Value Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (IsNumber(a) && IsNumber(b)) {
    if (a.is<int64_t>() && b.is<int64_t>()) return Value(a.as<int64_t>() == b.as<int64_t>());
    return Value(AsDouble(a) == AsDouble(b));
  }
  if (a.v.index() != b.v.index()) return Value(false);
  if (a.is<ValueList>()) {
    const auto &x = a.as<ValueList>(), &y = b.as<ValueList>();
    if (x.size() != y.size()) return Value(false);
    bool unknown = false;
    for (size_t i = 0; i < x.size(); ++i) {
      Value e = Equals(x[i], y[i]);
      if (e.is_null()) unknown = true;
      else if (!e.as<bool>()) return Value(false);
    }
    return unknown ? Value() : Value(true);
  }
  if (a.is<ValueMap>()) return Value(Compare(a, b) == 0 && a.as<ValueMap>().size() == b.as<ValueMap>().size());
  if (a.is<RelRef>()) return Value(a.as<RelRef>() == b.as<RelRef>());
  return Value(Compare(a, b) == 0);
}

// A string that identifies a value, for grouping and DISTINCT.
void KeyOf(const Value& v, std::string* out) {
  switch (v.v.index()) {
    case 0: *out += 'n'; break;
    case 1: *out += v.as<bool>() ? "T" : "F"; break;
    case 2: *out += 'i' + std::to_string(v.as<int64_t>()); break;
    case 3: {
      double d = v.as<double>();
      if (d == std::floor(d) && std::fabs(d) < 9e15) *out += 'i' + std::to_string(static_cast<int64_t>(d));
      else *out += 'd' + std::to_string(d);
      break;
    }
    case 4: *out += 's' + std::to_string(v.as<std::string>().size()) + ':' + v.as<std::string>(); break;
    case 5:
      *out += '[';
      for (const Value& e : v.as<ValueList>()) KeyOf(e, out), *out += ',';
      *out += ']';
      break;
    case 6:
      *out += '{';
      for (const auto& [k, e] : v.as<ValueMap>()) *out += k + ':', KeyOf(e, out), *out += ',';
      *out += '}';
      break;
    case 7: *out += 'N' + std::to_string(v.as<NodeRef>().v); break;
    case 8: {
      const Edge& e = v.as<RelRef>().e;
      *out += 'R' + std::to_string(reinterpret_cast<uintptr_t>(e.get_property()));
      break;
    }
    case 9:
      *out += 'P';
      for (Vertex n : v.as<PathRef>().nodes) *out += std::to_string(n) + ',';
      for (const Edge& e : v.as<PathRef>().rels)
        *out += std::to_string(reinterpret_cast<uintptr_t>(e.get_property())) + ',';
      break;
  }
  *out += '|';
}

bool Truthy(const Value& v) { return v.is<bool>() && v.as<bool>(); }

class Executor {
 public:
  Executor(const Query& q, const Plan& plan, const PropertyGraph& g, const Params& params,
           const ExecOptions& opt)
      : q_(q), plan_(plan), g_(g), params_(params), opt_(opt) {}

  Table Run() {
    Frame f;
    f.rows.emplace_back();  // one empty row to start from
    for (size_t ci = 0; ci < q_.clauses.size(); ++ci) {
      const Clause& c = q_.clauses[ci];
      switch (c.kind) {
        case ClauseKind::kMatch: f = Match(c, plan_.starts[ci], std::move(f)); break;
        case ClauseKind::kUnwind: f = Unwind(c, std::move(f)); break;
        case ClauseKind::kWith: {
          f = Project(c.projection, std::move(f));
          if (c.where) {
            std::vector<Row> kept;
            for (Row& r : f.rows)
              if (Truthy(Eval(*c.where, f, r))) kept.push_back(std::move(r));
            f.rows = std::move(kept);
          }
          break;
        }
        case ClauseKind::kReturn: {
          f = Project(c.projection, std::move(f));
          Table t;
          t.columns = f.names;
          t.rows.reserve(f.rows.size());
          for (Row& r : f.rows) {
            for (Value& v : r) v = Materialize(v, g_);
            t.rows.push_back(std::move(r));
          }
          return t;
        }
      }
    }
    return {};
  }

 private:
  // ---------------------------------------------------------------- MATCH
  struct PartState {
    const PatternPart* part;
    std::vector<Vertex> at;                   // vertex assigned to each node
    std::vector<std::vector<Vertex>> hop_nodes;  // per rel: nodes from node i to i+1
    std::vector<std::vector<Edge>> hop_edges;    // per rel: edges from node i to i+1
    size_t part_index = 0;
    size_t start = 0;                         // node the match starts from
    bool need_path = false;                   // a path variable wants hop_nodes/hop_edges
    bool check_filters = true;                // false for shortestPath parts
  };

  // The order in which a part binds its nodes: the start node is step 0,
  // then rightwards, then leftwards.
  static size_t StepOf(size_t start, size_t last, size_t node) {
    if (node >= start) return node - start;
    return (last - start) + (start - node);
  }

  Frame Match(const Clause& c, const std::vector<StartChoice>& starts, Frame in) {
    Frame out;
    out.names = in.names;
    size_t base = in.names.size();
    // New variables of this clause, in order of appearance.
    for (const PatternPart& p : c.patterns) {
      auto add = [&](const std::string& v) {
        if (!v.empty() && out.Slot(v) < 0) out.names.push_back(v);
      };
      add(p.path_var);
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        add(p.nodes[i].var);
        if (i < p.rels.size()) add(p.rels[i].var);
      }
    }
    size_t width = out.names.size();
    // Split WHERE into its AND-ed conditions; each runs after the first
    // pattern part that binds all its variables (the last part at the latest).
    // Conditions run as soon as their variables are bound: at the step of a
    // pattern part that binds the last of them (filters_), or after the
    // whole part (filters_end_) for path variables, shortestPath parts and
    // list comprehensions.
    filters_.assign(c.patterns.size(), {});
    filters_end_.assign(c.patterns.size(), {});
    for (size_t i = 0; i < c.patterns.size(); ++i) filters_[i].resize(c.patterns[i].nodes.size());
    if (c.where && !c.patterns.empty()) {
      std::vector<const Expr*> conj;
      SplitAnd(c.where.get(), &conj);
      std::set<std::string> known(in.names.begin(), in.names.end());
      std::vector<std::set<std::string>> known_after;
      // step_of[i][var]: the step of part i that binds var first.
      std::vector<std::map<std::string, size_t>> step_of(c.patterns.size());
      for (size_t pi = 0; pi < c.patterns.size(); ++pi) {
        const PatternPart& p = c.patterns[pi];
        size_t start = starts[pi].node, last = p.nodes.size() - 1;
        auto note = [&](const std::string& v, size_t step) {
          if (v.empty() || known.count(v)) return;
          auto [it, fresh] = step_of[pi].emplace(v, step);
          if (!fresh) it->second = std::min(it->second, step);
        };
        for (size_t j = 0; j < p.nodes.size(); ++j) note(p.nodes[j].var, StepOf(start, last, j));
        for (size_t r = 0; r < p.rels.size(); ++r)
          note(p.rels[r].var, StepOf(start, last, r >= start ? r + 1 : r));
        if (!p.path_var.empty()) known.insert(p.path_var);
        for (const auto& [v, step] : step_of[pi]) known.insert(v);
        known_after.push_back(known);
      }
      for (const Expr* e : conj) {
        std::set<std::string> vars;
        bool local = false;
        VarsOf(*e, &vars, &local);
        if (local) {
          filters_end_.back().push_back(e);
          continue;
        }
        size_t at = c.patterns.size() - 1;
        for (size_t i = 0; i < known_after.size(); ++i)
          if (std::includes(known_after[i].begin(), known_after[i].end(), vars.begin(), vars.end())) {
            at = i;
            break;
          }
        const PatternPart& p = c.patterns[at];
        if (p.shortest || (!p.path_var.empty() && vars.count(p.path_var))) {
          filters_end_[at].push_back(e);
          continue;
        }
        size_t step = 0;
        for (const std::string& v : vars)
          if (auto it = step_of[at].find(v); it != step_of[at].end()) step = std::max(step, it->second);
        filters_[at][step].push_back(e);
      }
    }
    for (Row& row : in.rows) {
      Row work = row;
      work.resize(width);
      std::vector<char> bound(width, 0);
      std::fill(bound.begin(), bound.begin() + base, 1);
      size_t before = out.rows.size();
      MatchParts(c, starts, 0, work, bound, out);
      if (c.optional && out.rows.size() == before) {
        Row empty = row;
        empty.resize(width);
        out.rows.push_back(std::move(empty));
      }
    }
    return out;
  }

  void Emit(Frame& out, Row row) {
    if (out.rows.size() >= opt_.max_rows)
      Fail("the query produces more than " + std::to_string(opt_.max_rows) +
           " rows; narrow the pattern (labels, properties) or lower the hop bound");
    out.rows.push_back(std::move(row));
  }

  void MatchParts(const Clause& c, const std::vector<StartChoice>& starts, size_t pi, Row& row,
                  std::vector<char>& bound, Frame& out) {
    // WHERE conjuncts run as soon as the parts they need are matched.
    if (pi > 0)
      for (const Expr* cond : filters_end_[pi - 1])
        if (!Truthy(Eval(*cond, out, row))) return;
    if (pi == c.patterns.size()) {
      Emit(out, row);
      return;
    }
    const PatternPart& part = c.patterns[pi];
    const StartChoice& s = starts[pi];
    PartState st;
    st.part = &part;
    st.at.assign(part.nodes.size(), 0);
    st.hop_nodes.resize(part.rels.size());
    st.hop_edges.resize(part.rels.size());
    st.part_index = pi;
    st.start = s.node;
    st.need_path = !part.path_var.empty();
    auto next = [&]() { MatchParts(c, starts, pi + 1, row, bound, out); };
    if (part.shortest) {
      ShortestPath(part, s, row, bound, out, next);
      return;
    }
    for (Vertex v : Candidates(part.nodes[s.node], s, row, bound, out)) {
      BindNode(part.nodes[s.node], s.node, v, st, row, bound, out, [&]() {
        // Steps: rightwards from the start node, then leftwards.
        ExpandRight(s.node, st, row, bound, out, [&]() {
          ExpandLeft(s.node, st, row, bound, out, [&]() {
            if (!part.path_var.empty()) {
              int slot = out.Slot(part.path_var);
              row[slot] = Value(BuildPath(st));
              bound[slot] = 1;
              next();
              bound[slot] = 0;
            } else {
              next();
            }
          });
        });
      });
    }
  }

  static void SplitAnd(const Expr* e, std::vector<const Expr*>* out) {
    if (e->kind == ExprKind::kBinary && e->name == "AND") {
      SplitAnd(e->args[0].get(), out);
      SplitAnd(e->args[1].get(), out);
    } else {
      out->push_back(e);
    }
  }
  // Variables `e` reads; *local is set when it binds its own (comprehension).
  static void VarsOf(const Expr& e, std::set<std::string>* vars, bool* local) {
    if (e.kind == ExprKind::kVariable) vars->insert(e.name);
    if (e.kind == ExprKind::kListComp) *local = true;
    for (const auto& a : e.args)
      if (a) VarsOf(*a, vars, local);
  }

  PathRef BuildPath(const PartState& st) {
    PathRef p;
    p.nodes.push_back(st.at[0]);
    for (size_t i = 0; i < st.hop_edges.size(); ++i) {
      for (size_t k = 0; k < st.hop_edges[i].size(); ++k) {
        p.rels.push_back(st.hop_edges[i][k]);
        p.nodes.push_back(st.hop_nodes[i][k + 1]);
      }
    }
    return p;
  }

  std::vector<Vertex> Candidates(const NodePattern& n, const StartChoice& s, const Row& row,
                                 const std::vector<char>& bound, const Frame& f) {
    std::vector<Vertex> out;
    if (!n.var.empty()) {
      int slot = f.Slot(n.var);
      if (bound[slot]) {
        if (const NodeRef* r = row[slot].get_if<NodeRef>()) out.push_back(r->v);
        return out;
      }
    }
    switch (s.kind) {
      case StartKind::kBound:
      case StartKind::kKey:
      case StartKind::kIndex: {
        if (s.value) {
          Value v = Eval(*s.value, f, row);
          const std::string* str = v.get_if<std::string>();
          if (!str) break;  // not a string: fall back to scanning
          if (s.kind == StartKind::kKey && s.label.empty()) {
            if (auto k = g_.FindByKey(*str)) out.push_back(*k);
            if (auto k = g_.FindByKey("metric:" + *str)) out.push_back(*k);
          } else {
            out = g_.FindByProperty(s.label, s.prop, *str);
          }
          return out;
        }
        break;
      }
      default:
        break;
    }
    if (!n.labels.empty()) return g_.NodesWithLabel(n.labels[0]);
    out.reserve(g_.node_count());
    for (Vertex v : boost::make_iterator_range(boost::vertices(g_.graph()))) out.push_back(v);
    return out;
  }

  // True if graph property `p` equals the pattern's value `e` (no copies
  // for the common literal string and number cases).
  bool PropertyEquals(const PropertyValue& p, const Expr& e, const Frame& f, const Row& row) {
    if (e.kind == ExprKind::kLiteral || e.kind == ExprKind::kParam) {
      const Value* want = &e.literal;
      if (e.kind == ExprKind::kParam) {
        auto it = params_.find(e.name);
        if (it == params_.end()) Fail(e.pos, "parameter $" + e.name + " has no value");
        want = &it->second;
      }
      if (const std::string* ws = want->get_if<std::string>()) {
        const std::string* ps = std::get_if<std::string>(&p);
        return ps && *ps == *ws;
      }
      if (IsNumber(*want)) {
        if (const double* d = std::get_if<double>(&p)) return *d == AsDouble(*want);
        if (const int64_t* i = std::get_if<int64_t>(&p))
          return want->is<int64_t>() ? *i == want->as<int64_t>()
                                     : static_cast<double>(*i) == want->as<double>();
        return false;
      }
      return Truthy(Equals(FromProperty(p), *want));
    }
    return Truthy(Equals(FromProperty(p), Eval(e, f, row)));
  }

  bool NodeMatches(const NodePattern& n, Vertex v, const Frame& f, const Row& row) {
    const NodeData& d = g_.node(v);
    for (const std::string& l : n.labels)
      if (d.label != l) return false;
    PropertyValue scratch;
    for (const auto& [k, e] : n.props) {
      const PropertyValue* pv = g_.NodeProperty(v, k, &scratch);
      if (!pv || !PropertyEquals(*pv, *e, f, row)) return false;
    }
    return true;
  }

  bool RelMatches(const RelPattern& r, const Edge& e, const Frame& f, const Row& row) {
    const EdgeData& d = g_.edge(e);
    if (!r.types.empty() && std::find(r.types.begin(), r.types.end(), d.type) == r.types.end())
      return false;
    for (const auto& [k, x] : r.props) {
      const PropertyValue* pv = d.props.Get(k);
      if (!pv || !PropertyEquals(*pv, *x, f, row)) return false;
    }
    return true;
  }

  template <typename K>
  void BindNode(const NodePattern& n, size_t idx, Vertex v, PartState& st, Row& row,
                std::vector<char>& bound, Frame& f, K&& k) {
    int slot = n.var.empty() ? -1 : f.Slot(n.var);
    auto filters_pass = [&]() {
      if (!st.check_filters) return true;
      for (const Expr* cond :
           filters_[st.part_index][StepOf(st.start, st.part->nodes.size() - 1, idx)])
        if (!Truthy(Eval(*cond, f, row))) return false;
      return true;
    };
    if (slot >= 0 && bound[slot]) {
      const NodeRef* r = row[slot].get_if<NodeRef>();
      if (!r || r->v != v) return;
      if (!NodeMatches(n, v, f, row)) return;
      st.at[idx] = v;
      if (filters_pass()) k();
      return;
    }
    if (!NodeMatches(n, v, f, row)) return;
    st.at[idx] = v;
    if (slot >= 0) {
      row[slot] = Value(NodeRef{v});
      bound[slot] = 1;
    }
    if (filters_pass()) k();
    if (slot >= 0) bound[slot] = 0;
  }

  std::pair<int, int> HopBounds(const RelPattern& r, const Frame& f, const Row& row) {
    if (!r.var_length) return {1, 1};
    auto get = [&](const ExprPtr& e, int dflt) {
      if (!e) return dflt;
      Value v = Eval(*e, f, row);
      if (!v.is<int64_t>() || v.as<int64_t>() < 0)
        Fail(e->pos, "a hop bound must be a non-negative integer");
      return static_cast<int>(std::min<int64_t>(v.as<int64_t>(), 1'000'000));
    };
    int lo = get(r.min_hops, 1);
    int hi = get(r.max_hops, opt_.max_hops);
    if (hi > opt_.max_hops)
      Fail(r.pos, "variable-length relationships are limited to " +
                      std::to_string(opt_.max_hops) + " hops (asked for " +
                      std::to_string(hi) + ")");
    return {lo, hi};
  }

  // Calls fn(edge, other_vertex) for each edge from `v` in direction `dir`
  // (reversed when walking the pattern leftwards).
  template <typename Fn>
  void ForEachEdge(Vertex v, Direction dir, bool reversed, Fn&& fn) {
    if (reversed) dir = dir == Direction::kOut ? Direction::kIn
                      : dir == Direction::kIn  ? Direction::kOut
                                               : Direction::kBoth;
    const BoostGraph& bg = g_.graph();
    if (dir != Direction::kIn)
      for (Edge e : boost::make_iterator_range(boost::out_edges(v, bg))) {
        Count();
        fn(e, boost::target(e, bg));
      }
    if (dir != Direction::kOut)
      for (Edge e : boost::make_iterator_range(boost::in_edges(v, bg))) {
        // A self-loop seen from both sides is one relationship: skip the second.
        if (dir == Direction::kBoth && boost::source(e, bg) == boost::target(e, bg)) continue;
        Count();
        fn(e, boost::source(e, bg));
      }
  }

  void Count() {
    if (++expansions_ > opt_.max_expansions)
      Fail("the query expands more than " + std::to_string(opt_.max_expansions) +
           " relationships; narrow the pattern or lower the hop bound");
  }

  // Relationship uniqueness: within one MATCH (all its comma-separated
  // parts), a relationship is used at most once per match.
  bool Used(const PartState&, const Edge& e) {
    return std::find(used_.begin(), used_.end(), e) != used_.end();
  }

  // Matches rel `ri` walking from node `from` to node `to`.
  template <typename K>
  void Hop(size_t ri, size_t from, size_t to, bool leftwards, PartState& st, Row& row,
           std::vector<char>& bound, Frame& f, K&& k) {
    const RelPattern& r = st.part->rels[ri];
    const NodePattern& target = st.part->nodes[to];
    int rslot = r.var.empty() ? -1 : f.Slot(r.var);
    if (!r.var_length) {
      // One hop: no path bookkeeping unless a path variable needs it.
      ForEachEdge(st.at[from], r.dir, leftwards, [&](const Edge& e, Vertex other) {
        if (Used(st, e) || !RelMatches(r, e, f, row)) return;
        if (rslot >= 0 && bound[rslot]) {
          const RelRef* old = row[rslot].get_if<RelRef>();
          if (!old || !(old->e == e)) return;
        }
        if (st.need_path) {
          st.hop_nodes[ri] = leftwards ? std::vector<Vertex>{other, st.at[from]}
                                       : std::vector<Vertex>{st.at[from], other};
          st.hop_edges[ri] = {e};
        }
        bool bind_rel = rslot >= 0 && !bound[rslot];
        if (bind_rel) {
          row[rslot] = Value(RelRef{e});
          bound[rslot] = 1;
        }
        used_.push_back(e);
        BindNode(target, to, other, st, row, bound, f, k);
        used_.pop_back();
        if (bind_rel) bound[rslot] = 0;
      });
      return;
    }
    // Plain variables, not a structured binding: lambdas capture them (clang 14).
    const auto bounds = HopBounds(r, f, row);
    const int lo = bounds.first, hi = bounds.second;
    std::vector<Vertex> nodes{st.at[from]};
    std::vector<Edge> edges;
    auto finish = [&]() {
      // Record the hop in pattern order (node ri to node ri+1).
      std::vector<Vertex> hn = nodes;
      std::vector<Edge> he = edges;
      if (leftwards) {
        std::reverse(hn.begin(), hn.end());
        std::reverse(he.begin(), he.end());
      }
      st.hop_nodes[ri] = std::move(hn);
      st.hop_edges[ri] = std::move(he);
      Value rv;
      if (r.var_length) {
        ValueList l;
        for (const Edge& e : st.hop_edges[ri]) l.emplace_back(RelRef{e});
        rv = Value(std::move(l));
      } else {
        rv = Value(RelRef{edges[0]});
      }
      if (rslot >= 0 && bound[rslot]) {
        if (!Truthy(Equals(row[rslot], rv))) return;
        BindNode(target, to, nodes.back(), st, row, bound, f, k);
        return;
      }
      if (rslot >= 0) {
        row[rslot] = std::move(rv);
        bound[rslot] = 1;
      }
      BindNode(target, to, nodes.back(), st, row, bound, f, k);
      if (rslot >= 0) bound[rslot] = 0;
    };
    std::function<void(int)> walk = [&](int depth) {
      if (depth >= lo) finish();
      if (depth >= hi) return;
      ForEachEdge(nodes.back(), r.dir, leftwards, [&](const Edge& e, Vertex other) {
        if (Used(st, e) || !RelMatches(r, e, f, row)) return;
        used_.push_back(e);
        edges.push_back(e);
        nodes.push_back(other);
        walk(depth + 1);
        nodes.pop_back();
        edges.pop_back();
        used_.pop_back();
      });
    };
    walk(0);
  }

  template <typename K>
  void ExpandRight(size_t i, PartState& st, Row& row, std::vector<char>& bound, Frame& f, K&& k) {
    if (i >= st.part->rels.size()) {
      k();
      return;
    }
    Hop(i, i, i + 1, false, st, row, bound, f, [&]() { ExpandRight(i + 1, st, row, bound, f, k); });
  }

  template <typename K>
  void ExpandLeft(size_t i, PartState& st, Row& row, std::vector<char>& bound, Frame& f, K&& k) {
    if (i == 0) {
      k();
      return;
    }
    Hop(i - 1, i, i - 1, true, st, row, bound, f, [&]() { ExpandLeft(i - 1, st, row, bound, f, k); });
  }

  template <typename K>
  void ShortestPath(const PatternPart& part, const StartChoice& s, Row& row,
                    std::vector<char>& bound, Frame& f, K&& next) {
    const RelPattern& r = part.rels[0];
    auto [lo, hi] = HopBounds(r, f, row);
    if (lo > 1) Fail(r.pos, "shortestPath supports a minimum of 0 or 1 hops");
    StartChoice any;
    any.kind = part.nodes[1].labels.empty() ? StartKind::kAllScan : StartKind::kLabelScan;
    std::vector<Vertex> sources = Candidates(part.nodes[0], s, row, bound, f);
    std::vector<Vertex> targets = Candidates(part.nodes[1], any, row, bound, f);
    std::unordered_set<Vertex> target_set;
    for (Vertex t : targets)
      if (NodeMatches(part.nodes[1], t, f, row)) target_set.insert(t);
    PartState st;
    st.part = &part;
    st.check_filters = false;  // its conditions run after the part (filters_end_)
    st.at.assign(2, 0);
    st.hop_nodes.resize(1);
    st.hop_edges.resize(1);
    for (Vertex a : sources) {
      if (!NodeMatches(part.nodes[0], a, f, row)) continue;
      // BFS from a; parent links give one shortest path to each target.
      std::unordered_map<Vertex, std::pair<Vertex, Edge>> parent;
      std::unordered_map<Vertex, int> dist{{a, 0}};
      std::vector<Vertex> frontier{a};
      for (int d = 0; d < hi && !frontier.empty(); ++d) {
        std::vector<Vertex> next_frontier;
        for (Vertex u : frontier)
          ForEachEdge(u, r.dir, false, [&](const Edge& e, Vertex w) {
            if (dist.count(w) || !RelMatches(r, e, f, row)) return;
            dist[w] = d + 1;
            parent[w] = {u, e};
            next_frontier.push_back(w);
          });
        frontier = std::move(next_frontier);
      }
      std::vector<Vertex> found;
      for (Vertex b : target_set)
        if (b != a && dist.count(b)) found.push_back(b);
      std::sort(found.begin(), found.end());
      for (Vertex b : found) {
        std::vector<Vertex> nodes{b};
        std::vector<Edge> edges;
        for (Vertex cur = b; cur != a;) {
          auto [p, e] = parent.at(cur);
          edges.push_back(e);
          nodes.push_back(p);
          cur = p;
        }
        std::reverse(nodes.begin(), nodes.end());
        std::reverse(edges.begin(), edges.end());
        st.hop_nodes[0] = nodes;
        st.hop_edges[0] = edges;
        BindNode(part.nodes[0], 0, a, st, row, bound, f, [&]() {
          BindNode(part.nodes[1], 1, b, st, row, bound, f, [&]() {
            int rslot = r.var.empty() ? -1 : f.Slot(r.var);
            int pslot = part.path_var.empty() ? -1 : f.Slot(part.path_var);
            if (rslot >= 0) {
              ValueList l;
              for (const Edge& e : edges) l.emplace_back(RelRef{e});
              row[rslot] = Value(std::move(l));
              bound[rslot] = 1;
            }
            if (pslot >= 0) {
              row[pslot] = Value(BuildPath(st));
              bound[pslot] = 1;
            }
            next();
            if (rslot >= 0) bound[rslot] = 0;
            if (pslot >= 0) bound[pslot] = 0;
          });
        });
      }
    }
  }

  // --------------------------------------------------------------- UNWIND
  Frame Unwind(const Clause& c, Frame in) {
    Frame out;
    out.names = in.names;
    out.names.push_back(c.unwind_var);
    for (Row& row : in.rows) {
      Value v = Eval(*c.unwind_expr, in, row);
      if (v.is_null()) continue;
      if (const ValueList* l = v.get_if<ValueList>()) {
        for (const Value& e : *l) {
          Row r = row;
          r.push_back(e);
          Emit(out, std::move(r));
        }
      } else {
        Row r = row;
        r.push_back(std::move(v));
        Emit(out, std::move(r));
      }
    }
    return out;
  }

  // ----------------------------------------------------------- PROJECTION
  struct Acc {
    int64_t count = 0;
    double sum = 0;
    bool any_double = false;
    int64_t isum = 0;
    Value best;  // min/max
    ValueList items;
    std::unordered_set<std::string> seen;  // DISTINCT
  };

  void CollectAggregates(const Expr& e, std::vector<const Expr*>* out) {
    if (e.kind == ExprKind::kFunction && IsAggregate(e.name)) {
      out->push_back(&e);
      return;
    }
    for (const auto& a : e.args)
      if (a) CollectAggregates(*a, out);
  }

  void Accumulate(const Expr& agg, Acc& acc, const Frame& f, const Row& row) {
    if (agg.star) {
      ++acc.count;
      return;
    }
    Value v = Eval(*agg.args[0], f, row);
    if (v.is_null()) return;
    if (agg.distinct) {
      std::string key;
      KeyOf(v, &key);
      if (!acc.seen.insert(key).second) return;
    }
    ++acc.count;
    const std::string& n = agg.name;
    if (n == "collect") {
      acc.items.push_back(std::move(v));
    } else if (n == "sum" || n == "avg") {
      if (!IsNumber(v)) Fail(agg.pos, n + "() needs numbers, got " + ToDisplay(v));
      if (v.is<double>()) acc.any_double = true;
      else acc.isum += v.as<int64_t>();
      acc.sum += AsDouble(v);
    } else if (n == "min") {
      if (acc.best.is_null() || Compare(v, acc.best) < 0) acc.best = std::move(v);
    } else if (n == "max") {
      if (acc.best.is_null() || Compare(v, acc.best) > 0) acc.best = std::move(v);
    }
  }

  Value Finish(const Expr& agg, const Acc& acc) {
    const std::string& n = agg.name;
    if (n == "count") return Value(acc.count);
    if (n == "collect") return Value(acc.items);
    if (n == "sum") return acc.any_double ? Value(acc.sum) : Value(acc.isum);
    if (n == "avg") return acc.count ? Value(acc.sum / static_cast<double>(acc.count)) : Value();
    return acc.best;
  }

  Frame Project(const Projection& p, Frame in) {
    struct Item {
      const Expr* expr;
      std::string name;
    };
    std::vector<Item> items;
    if (p.star) {
      std::vector<std::string> names;
      for (const std::string& n : in.names)
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
      std::sort(names.begin(), names.end());
      for (const std::string& n : names) items.push_back({nullptr, n});
    }
    for (const ProjectionItem& it : p.items) items.push_back({it.expr.get(), it.alias});

    Frame out;
    for (const Item& it : items) out.names.push_back(it.name);
    bool agg = false;
    for (const Item& it : items) agg = agg || (it.expr && ContainsAggregate(*it.expr));
    std::vector<size_t> source;  // for ORDER BY over input variables: out row -> in row
    auto eval_item = [&](const Item& it, const Row& row) {
      return it.expr ? Eval(*it.expr, in, row) : row[in.Slot(it.name)];
    };

    if (!agg) {
      std::unordered_set<std::string> seen;
      for (size_t ri = 0; ri < in.rows.size(); ++ri) {
        Row r;
        r.reserve(items.size());
        for (const Item& it : items) r.push_back(eval_item(it, in.rows[ri]));
        if (p.distinct) {
          std::string key;
          for (const Value& v : r) KeyOf(v, &key);
          if (!seen.insert(key).second) continue;
        }
        out.rows.push_back(std::move(r));
        source.push_back(ri);
      }
    } else {
      // Implicit grouping: the items without aggregates are the key.
      std::vector<std::vector<const Expr*>> aggs(items.size());
      for (size_t i = 0; i < items.size(); ++i)
        if (items[i].expr && ContainsAggregate(*items[i].expr))
          CollectAggregates(*items[i].expr, &aggs[i]);
      struct Group {
        Row keys;  // values of non-aggregate items (null placeholders elsewhere)
        const Row* first = nullptr;
        std::vector<std::vector<Acc>> accs;
      };
      std::vector<Group> groups;
      std::unordered_map<std::string, size_t> index;
      Row keys(items.size());
      std::string key;
      for (const Row& row : in.rows) {
        key.clear();
        for (size_t i = 0; i < items.size(); ++i)
          if (aggs[i].empty()) {
            keys[i] = eval_item(items[i], row);
            KeyOf(keys[i], &key);
          }
        auto it = index.find(key);
        if (it == index.end()) {
          it = index.emplace(key, groups.size()).first;
          Group g;
          g.keys = keys;
          g.first = &row;
          g.accs.resize(items.size());
          for (size_t i = 0; i < items.size(); ++i) g.accs[i].resize(aggs[i].size());
          groups.push_back(std::move(g));
        }
        Group& g = groups[it->second];
        for (size_t i = 0; i < items.size(); ++i)
          for (size_t a = 0; a < aggs[i].size(); ++a) Accumulate(*aggs[i][a], g.accs[i][a], in, row);
      }
      bool all_agg = true;
      for (const auto& a : aggs) all_agg = all_agg && !a.empty();
      if (groups.empty() && all_agg) {  // no rows, no keys: one row of empty aggregates
        Group g;
        g.keys.resize(items.size());
        g.accs.resize(items.size());
        for (size_t i = 0; i < items.size(); ++i) g.accs[i].resize(aggs[i].size());
        groups.push_back(std::move(g));
      }
      std::unordered_set<std::string> seen;
      for (Group& g : groups) {
        Row r(items.size());
        for (size_t i = 0; i < items.size(); ++i) {
          if (aggs[i].empty()) {
            r[i] = std::move(g.keys[i]);
            continue;
          }
          std::unordered_map<const Expr*, Value> done;
          for (size_t a = 0; a < aggs[i].size(); ++a) done[aggs[i][a]] = Finish(*aggs[i][a], g.accs[i][a]);
          agg_values_ = &done;
          static const Row kEmpty;
          r[i] = Eval(*items[i].expr, in, g.first ? *g.first : kEmpty);
          agg_values_ = nullptr;
        }
        if (p.distinct) {
          std::string key;
          for (const Value& v : r) KeyOf(v, &key);
          if (!seen.insert(key).second) continue;
        }
        out.rows.push_back(std::move(r));
      }
    }

    if (!p.order_by.empty()) {
      bool combined = !agg && !p.distinct;
      // Sort keys per output row.
      std::vector<std::vector<Value>> keys(out.rows.size());
      Frame scope;
      scope.names = out.names;
      if (combined) scope.names.insert(scope.names.begin(), in.names.begin(), in.names.end());
      for (size_t r = 0; r < out.rows.size(); ++r) {
        Row ctx;
        if (combined) {
          ctx = in.rows[source[r]];
          ctx.insert(ctx.end(), out.rows[r].begin(), out.rows[r].end());
        } else {
          ctx = out.rows[r];
        }
        for (const SortItem& s : p.order_by) {
          int col = -1;
          for (size_t i = 0; i < items.size(); ++i)
            if (items[i].expr && items[i].expr->text == s.expr->text) col = static_cast<int>(i);
          keys[r].push_back(col >= 0 ? out.rows[r][col] : Eval(*s.expr, scope, ctx));
        }
      }
      std::vector<size_t> order(out.rows.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        for (size_t k = 0; k < p.order_by.size(); ++k) {
          int c = Compare(keys[a][k], keys[b][k]);
          if (c) return p.order_by[k].descending ? c > 0 : c < 0;
        }
        return false;
      });
      std::vector<Row> sorted;
      sorted.reserve(order.size());
      for (size_t i : order) sorted.push_back(std::move(out.rows[i]));
      out.rows = std::move(sorted);
    }
    auto count = [&](const ExprPtr& e, const char* what) -> size_t {
      Frame none;
      Value v = Eval(*e, none, Row{});
      if (!v.is<int64_t>() || v.as<int64_t>() < 0)
        Fail(e->pos, std::string(what) + " needs a non-negative integer");
      return static_cast<size_t>(v.as<int64_t>());
    };
    size_t skip = p.skip ? count(p.skip, "SKIP") : 0;
    size_t limit = p.limit ? count(p.limit, "LIMIT") : SIZE_MAX;
    if (skip || limit < out.rows.size()) {
      std::vector<Row> kept;
      for (size_t i = skip; i < out.rows.size() && kept.size() < limit; ++i)
        kept.push_back(std::move(out.rows[i]));
      out.rows = std::move(kept);
    }
    return out;
  }

  // ---------------------------------------------------------- EXPRESSIONS
  const RE2& Regex(const std::string& pattern, const Position& pos) {
    auto it = regexes_.find(pattern);
    if (it == regexes_.end()) {
      RE2::Options o;
      o.set_log_errors(false);
      auto re = std::make_unique<RE2>(pattern, o);
      if (!re->ok()) Fail(pos, "bad regular expression '" + pattern + "': " + re->error());
      it = regexes_.emplace(pattern, std::move(re)).first;
    }
    return *it->second;
  }

  Value Property(const Value& base, const std::string& key) {
    if (const NodeRef* n = base.get_if<NodeRef>()) {
      PropertyValue scratch;
      const PropertyValue* p = g_.NodeProperty(n->v, key, &scratch);
      return p ? FromProperty(*p) : Value();
    }
    if (const RelRef* r = base.get_if<RelRef>()) {
      const PropertyValue* p = g_.edge(r->e).props.Get(key);
      return p ? FromProperty(*p) : Value();
    }
    if (const ValueMap* m = base.get_if<ValueMap>()) {
      for (const auto& [k, v] : *m)
        if (k == key) return v;
      return Value();
    }
    return Value();
  }

  Value Eval(const Expr& e, const Frame& f, const Row& row) {
    switch (e.kind) {
      case ExprKind::kLiteral: return e.literal;
      case ExprKind::kParam: {
        auto it = params_.find(e.name);
        if (it == params_.end()) Fail(e.pos, "parameter $" + e.name + " has no value");
        return it->second;
      }
      case ExprKind::kVariable: {
        int slot = f.Slot(e.name);
        if (slot < 0 || static_cast<size_t>(slot) >= row.size())
          Fail(e.pos, "variable `" + e.name + "` is not defined");
        return row[slot];
      }
      case ExprKind::kProperty: return Property(Eval(*e.args[0], f, row), e.name);
      case ExprKind::kIndex: {
        Value base = Eval(*e.args[0], f, row);
        Value idx = Eval(*e.args[1], f, row);
        if (const ValueList* l = base.get_if<ValueList>()) {
          if (!idx.is<int64_t>()) return Value();
          int64_t i = idx.as<int64_t>();
          if (i < 0) i += static_cast<int64_t>(l->size());
          if (i < 0 || i >= static_cast<int64_t>(l->size())) return Value();
          return (*l)[i];
        }
        if (const std::string* k = idx.get_if<std::string>()) return Property(base, *k);
        return Value();
      }
      case ExprKind::kList: {
        ValueList l;
        for (const auto& a : e.args) l.push_back(Eval(*a, f, row));
        return Value(std::move(l));
      }
      case ExprKind::kMap: {
        ValueMap m;
        for (size_t i = 0; i < e.args.size(); ++i) m.emplace_back(e.keys[i], Eval(*e.args[i], f, row));
        return Value(std::move(m));
      }
      case ExprKind::kIsNull: {
        bool null = Eval(*e.args[0], f, row).is_null();
        return Value(e.negated ? !null : null);
      }
      case ExprKind::kUnary: {
        Value v = Eval(*e.args[0], f, row);
        if (e.name == "NOT") return v.is<bool>() ? Value(!v.as<bool>()) : Value();
        if (v.is<int64_t>()) return Value(-v.as<int64_t>());
        if (v.is<double>()) return Value(-v.as<double>());
        return Value();
      }
      case ExprKind::kBinary: return Binary(e, f, row);
      case ExprKind::kCase: {
        // args: subject (or null), WHEN/THEN pairs, ELSE (or null).
        Value subject;
        if (e.args[0]) subject = Eval(*e.args[0], f, row);
        for (size_t i = 1; i + 1 < e.args.size(); i += 2) {  // WHEN args[i] THEN args[i+1]
          Value w = Eval(*e.args[i], f, row);
          bool hit = e.args[0] ? Truthy(Equals(subject, w)) : Truthy(w);
          if (hit) return Eval(*e.args[i + 1], f, row);
        }
        return e.args.back() ? Eval(*e.args.back(), f, row) : Value();
      }
      case ExprKind::kHasLabels: {
        Value v = Eval(*e.args[0], f, row);
        const NodeRef* n = v.get_if<NodeRef>();
        if (!n) return Value();
        for (const std::string& l : e.keys)
          if (g_.node(n->v).label != l) return Value(false);
        return Value(true);
      }
      case ExprKind::kListComp: {
        Value list = Eval(*e.args[0], f, row);
        if (list.is_null()) return Value();
        const ValueList* l = list.get_if<ValueList>();
        if (!l) Fail(e.pos, "IN needs a list");
        Frame inner;
        inner.names = f.names;
        inner.names.push_back(e.name);
        Row r = row;
        r.resize(f.names.size());
        r.emplace_back();
        ValueList out;
        size_t hits = 0;
        for (const Value& x : *l) {
          r.back() = x;
          if (e.args[1] && !Truthy(Eval(*e.args[1], inner, r))) continue;
          ++hits;
          if (e.keys.empty()) out.push_back(e.args[2] ? Eval(*e.args[2], inner, r) : x);
        }
        if (e.keys.empty()) return Value(std::move(out));
        const std::string& q = e.keys[0];
        if (q == "any") return Value(hits > 0);
        if (q == "all") return Value(hits == l->size());
        if (q == "none") return Value(hits == 0);
        return Value(hits == 1);
      }
      case ExprKind::kFunction: return Function(e, f, row);
    }
    return Value();
  }

  Value Binary(const Expr& e, const Frame& f, const Row& row) {
    const std::string& op = e.name;
    if (op == "AND" || op == "OR" || op == "XOR") {
      Value a = Eval(*e.args[0], f, row);
      if (op == "AND" && a.is<bool>() && !a.as<bool>()) return Value(false);
      if (op == "OR" && Truthy(a)) return Value(true);
      Value b = Eval(*e.args[1], f, row);
      bool an = !a.is<bool>(), bn = !b.is<bool>();
      if (op == "AND") {
        if (b.is<bool>() && !b.as<bool>()) return Value(false);
        if (an || bn) return Value();
        return Value(true);
      }
      if (op == "OR") {
        if (Truthy(b)) return Value(true);
        if (an || bn) return Value();
        return Value(false);
      }
      if (an || bn) return Value();
      return Value(a.as<bool>() != b.as<bool>());
    }
    Value a = Eval(*e.args[0], f, row);
    Value b = Eval(*e.args[1], f, row);
    if (op == "=") return Equals(a, b);
    if (op == "<>") {
      Value eq = Equals(a, b);
      return eq.is_null() ? eq : Value(!eq.as<bool>());
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=") {
      bool comparable = (IsNumber(a) && IsNumber(b)) ||
                        (a.is<std::string>() && b.is<std::string>()) ||
                        (a.is<bool>() && b.is<bool>());
      if (!comparable) return Value();
      int c = Compare(a, b);
      if (op == "<") return Value(c < 0);
      if (op == "<=") return Value(c <= 0);
      if (op == ">") return Value(c > 0);
      return Value(c >= 0);
    }
    if (op == "IN") {
      if (b.is_null()) return Value();
      const ValueList* l = b.get_if<ValueList>();
      if (!l) Fail(e.args[1]->pos, "IN needs a list on its right");
      if (a.is_null()) return l->empty() ? Value(false) : Value();
      bool unknown = false;
      for (const Value& x : *l) {
        Value eq = Equals(a, x);
        if (eq.is_null()) unknown = true;
        else if (eq.as<bool>()) return Value(true);
      }
      return unknown ? Value() : Value(false);
    }
    if (op == "CONTAINS" || op == "STARTS WITH" || op == "ENDS WITH" || op == "=~") {
      const std::string* s = a.get_if<std::string>();
      const std::string* t = b.get_if<std::string>();
      if (!s || !t) return Value();
      if (op == "CONTAINS") return Value(s->find(*t) != std::string::npos);
      if (op == "STARTS WITH") return Value(s->compare(0, t->size(), *t) == 0);
      if (op == "ENDS WITH")
        return Value(s->size() >= t->size() && s->compare(s->size() - t->size(), t->size(), *t) == 0);
      return Value(RE2::FullMatch(*s, Regex(*t, e.args[1]->pos)));
    }
    if (a.is_null() || b.is_null()) return Value();
    if (op == "+") {
      if (a.is<ValueList>() || b.is<ValueList>()) {
        ValueList l;
        auto add = [&](const Value& v) {
          if (const ValueList* x = v.get_if<ValueList>()) l.insert(l.end(), x->begin(), x->end());
          else l.push_back(v);
        };
        add(a);
        add(b);
        return Value(std::move(l));
      }
      if (a.is<std::string>() || b.is<std::string>()) return Value(ToDisplay(a) + ToDisplay(b));
    }
    if (!IsNumber(a) || !IsNumber(b))
      Fail(e.pos, "operator " + op + " needs numbers, got " + ToDisplay(a) + " and " + ToDisplay(b));
    if (a.is<int64_t>() && b.is<int64_t>()) {
      int64_t x = a.as<int64_t>(), y = b.as<int64_t>();
      if (op == "+") return Value(x + y);
      if (op == "-") return Value(x - y);
      if (op == "*") return Value(x * y);
      if (y == 0) Fail(e.pos, "division by zero");
      if (op == "/") return Value(x / y);
      return Value(x % y);
    }
    double x = AsDouble(a), y = AsDouble(b);
    if (op == "+") return Value(x + y);
    if (op == "-") return Value(x - y);
    if (op == "*") return Value(x * y);
    if (op == "/") return Value(x / y);
    return Value(std::fmod(x, y));
  }

  Value Function(const Expr& e, const Frame& f, const Row& row) {
    const std::string& n = e.name;
    if (IsAggregate(n)) {
      if (agg_values_) {
        auto it = agg_values_->find(&e);
        if (it != agg_values_->end()) return it->second;
      }
      Fail(e.pos, n + "() is an aggregate and cannot be used here");
    }
    std::vector<Value> a;
    for (const auto& x : e.args) a.push_back(Eval(*x, f, row));
    auto want = [&](size_t lo, size_t hi) {
      if (a.size() < lo || a.size() > hi)
        Fail(e.pos, n + "() takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) +
                        " argument(s)");
    };
    if (n == "coalesce") {
      for (Value& v : a)
        if (!v.is_null()) return v;
      return Value();
    }
    if (n == "range") {
      want(2, 3);
      if (!a[0].is<int64_t>() || !a[1].is<int64_t>() || (a.size() == 3 && !a[2].is<int64_t>()))
        Fail(e.pos, "range() needs integers");
      int64_t step = a.size() == 3 ? a[2].as<int64_t>() : 1;
      if (step == 0) Fail(e.pos, "range() step cannot be 0");
      ValueList l;
      for (int64_t i = a[0].as<int64_t>(); step > 0 ? i <= a[1].as<int64_t>() : i >= a[1].as<int64_t>(); i += step) {
        l.emplace_back(i);
        if (l.size() > opt_.max_rows) Fail(e.pos, "range() too long");
      }
      return Value(std::move(l));
    }
    if (n == "exists") {
      want(1, 1);
      return Value(!a[0].is_null());
    }
    want(1, 3);
    const Value& x = a[0];
    if (x.is_null()) return Value();
    if (n == "id") {
      if (const NodeRef* r = x.get_if<NodeRef>()) return Value(static_cast<int64_t>(r->v));
      return Value();
    }
    if (n == "labels") {
      if (const NodeRef* r = x.get_if<NodeRef>()) return Value(ValueList{Value(g_.node(r->v).label)});
      Fail(e.pos, "labels() needs a node");
    }
    if (n == "type") {
      if (const RelRef* r = x.get_if<RelRef>()) return Value(std::string(g_.edge(r->e).type));
      Fail(e.pos, "type() needs a relationship");
    }
    if (n == "keys" || n == "properties") {
      std::vector<std::pair<std::string, PropertyValue>> props;
      const NodeRef* node = x.get_if<NodeRef>();
      const RelRef* rel = x.get_if<RelRef>();
      if (node) props = g_.NodeProperties(node->v);
      if (rel) props = g_.edge(rel->e).props.items();
      if (!node && !rel) {
        if (const ValueMap* m = x.get_if<ValueMap>()) {
          if (n == "properties") return x;
          ValueList l;
          for (const auto& [k, v] : *m) l.emplace_back(k);
          return Value(std::move(l));
        }
        Fail(e.pos, n + "() needs a node, relationship or map");
      }
      ValueList l;
      ValueMap m;
      for (const auto& [k, v] : props) {
        l.emplace_back(k);
        m.emplace_back(k, FromProperty(v));
      }
      return n == "keys" ? Value(std::move(l)) : Value(std::move(m));
    }
    if (n == "startnode" || n == "endnode") {
      const RelRef* r = x.get_if<RelRef>();
      if (!r) Fail(e.pos, n + "() needs a relationship");
      return Value(NodeRef{n == "startnode" ? boost::source(r->e, g_.graph()) : boost::target(r->e, g_.graph())});
    }
    if (n == "nodes" || n == "relationships" || n == "rels") {
      const PathRef* p = x.get_if<PathRef>();
      if (!p) Fail(e.pos, n + "() needs a path");
      ValueList l;
      if (n == "nodes")
        for (Vertex v : p->nodes) l.emplace_back(NodeRef{v});
      else
        for (const Edge& r : p->rels) l.emplace_back(RelRef{r});
      return Value(std::move(l));
    }
    if (n == "tolower" || n == "toupper" || n == "lower" || n == "upper" || n == "trim") {
      const std::string* s = x.get_if<std::string>();
      if (!s) Fail(e.pos, n + "() needs a string");
      std::string out = *s;
      if (n == "trim") {
        size_t b = out.find_first_not_of(" \t\r\n");
        size_t en = out.find_last_not_of(" \t\r\n");
        return Value(b == std::string::npos ? std::string() : out.substr(b, en - b + 1));
      }
      bool up = n == "toupper" || n == "upper";
      for (char& c : out)
        c = static_cast<char>(up ? std::toupper(static_cast<unsigned char>(c))
                                 : std::tolower(static_cast<unsigned char>(c)));
      return Value(std::move(out));
    }
    if (n == "size" || n == "length") {
      if (const std::string* s = x.get_if<std::string>()) {
        int64_t cps = 0;
        for (unsigned char c : *s) cps += (c & 0xC0) != 0x80;
        return Value(cps);
      }
      if (const ValueList* l = x.get_if<ValueList>()) return Value(static_cast<int64_t>(l->size()));
      if (const PathRef* p = x.get_if<PathRef>()) return Value(static_cast<int64_t>(p->rels.size()));
      if (const ValueMap* m = x.get_if<ValueMap>()) return Value(static_cast<int64_t>(m->size()));
      Fail(e.pos, n + "() needs a string, list or path");
    }
    if (n == "head" || n == "last" || n == "tail" || n == "reverse") {
      if (const ValueList* l = x.get_if<ValueList>()) {
        if (n == "tail") return l->empty() ? Value(ValueList{}) : Value(ValueList(l->begin() + 1, l->end()));
        if (n == "reverse") return Value(ValueList(l->rbegin(), l->rend()));
        if (l->empty()) return Value();
        return n == "head" ? l->front() : l->back();
      }
      if (n == "reverse" && x.is<std::string>()) {
        std::string s = x.as<std::string>();
        std::reverse(s.begin(), s.end());
        return Value(std::move(s));
      }
      Fail(e.pos, n + "() needs a list");
    }
    if (n == "tostring") return x.is<std::string>() ? x : Value(ToDisplay(x));
    if (n == "tointeger" || n == "tofloat") {
      double d = 0;
      if (IsNumber(x)) {
        d = AsDouble(x);
      } else if (const std::string* s = x.get_if<std::string>()) {
        char* end = nullptr;
        d = std::strtod(s->c_str(), &end);
        if (s->empty() || *end) return Value();
      } else {
        return Value();
      }
      if (n == "tofloat") return Value(d);
      return Value(static_cast<int64_t>(d));
    }
    if (n == "abs" || n == "round" || n == "floor" || n == "ceil" || n == "sign") {
      if (!IsNumber(x)) Fail(e.pos, n + "() needs a number");
      if (n == "abs") return x.is<int64_t>() ? Value(static_cast<int64_t>(std::llabs(x.as<int64_t>()))) : Value(std::fabs(x.as<double>()));
      double d = AsDouble(x);
      if (n == "round") return Value(std::round(d));
      if (n == "floor") return Value(std::floor(d));
      if (n == "ceil") return Value(std::ceil(d));
      return Value(static_cast<int64_t>((d > 0) - (d < 0)));
    }
    if (n == "substring" || n == "left" || n == "right" || n == "split" || n == "replace") {
      const std::string* s = x.get_if<std::string>();
      if (!s) Fail(e.pos, n + "() needs a string");
      auto integer = [&](size_t i) -> size_t {
        if (i >= a.size() || !a[i].is<int64_t>() || a[i].as<int64_t>() < 0)
          Fail(e.pos, n + "() needs a non-negative integer argument");
        return static_cast<size_t>(a[i].as<int64_t>());
      };
      auto str = [&](size_t i) -> const std::string& {
        if (i >= a.size() || !a[i].is<std::string>()) Fail(e.pos, n + "() needs string arguments");
        return a[i].as<std::string>();
      };
      if (n == "substring") {
        size_t start = integer(1);
        if (start >= s->size()) return Value(std::string());
        return Value(a.size() > 2 ? s->substr(start, integer(2)) : s->substr(start));
      }
      if (n == "left") return Value(s->substr(0, integer(1)));
      if (n == "right") {
        size_t k = std::min(integer(1), s->size());
        return Value(s->substr(s->size() - k));
      }
      if (n == "split") {
        const std::string& d = str(1);
        ValueList l;
        if (d.empty()) {
          l.emplace_back(*s);
          return Value(std::move(l));
        }
        size_t b = 0;
        for (size_t p; (p = s->find(d, b)) != std::string::npos; b = p + d.size())
          l.emplace_back(s->substr(b, p - b));
        l.emplace_back(s->substr(b));
        return Value(std::move(l));
      }
      const std::string& from = str(1);
      const std::string& to = str(2);
      if (from.empty()) return x;
      std::string out;
      size_t b = 0;
      for (size_t p; (p = s->find(from, b)) != std::string::npos; b = p + from.size())
        out += s->substr(b, p - b) + to;
      out += s->substr(b);
      return Value(std::move(out));
    }
    Fail(e.pos, "unknown function " + n + "()");
  }

  const Query& q_;
  const Plan& plan_;
  const PropertyGraph& g_;
  const Params& params_;
  ExecOptions opt_;
  size_t expansions_ = 0;
  std::unordered_map<std::string, std::unique_ptr<RE2>> regexes_;
  const std::unordered_map<const Expr*, Value>* agg_values_ = nullptr;
  // Conditions of the current MATCH: per part and step, and after each part.
  std::vector<std::vector<std::vector<const Expr*>>> filters_;
  std::vector<std::vector<const Expr*>> filters_end_;
  std::vector<Edge> used_;  // relationships bound by the current match
};

}  // namespace

Value Materialize(const Value& v, const PropertyGraph& g) {
  if (const NodeRef* n = v.get_if<NodeRef>()) {
    const NodeData& d = g.node(n->v);
    ValueMap m;
    m.emplace_back("_id", Value(d.key));
    m.emplace_back("_label", Value(d.label));
    for (const auto& [k, p] : g.NodeProperties(n->v)) m.emplace_back(k, FromProperty(p));
    return Value(std::move(m));
  }
  if (const RelRef* r = v.get_if<RelRef>()) {
    const EdgeData& d = g.edge(r->e);
    ValueMap m;
    m.emplace_back("_type", Value(std::string(d.type)));
    m.emplace_back("_start", Value(g.node(boost::source(r->e, g.graph())).key));
    m.emplace_back("_end", Value(g.node(boost::target(r->e, g.graph())).key));
    for (const auto& [k, p] : d.props.items()) m.emplace_back(k, FromProperty(p));
    return Value(std::move(m));
  }
  if (const PathRef* p = v.get_if<PathRef>()) {
    ValueList l;
    for (size_t i = 0; i < p->nodes.size(); ++i) {
      l.push_back(Materialize(Value(NodeRef{p->nodes[i]}), g));
      if (i < p->rels.size()) l.push_back(Materialize(Value(RelRef{p->rels[i]}), g));
    }
    return Value(std::move(l));
  }
  if (const ValueList* l = v.get_if<ValueList>()) {
    bool any = false;
    for (const Value& x : *l) any = any || x.is<NodeRef>() || x.is<RelRef>() || x.is<PathRef>() || x.is<ValueList>() || x.is<ValueMap>();
    if (!any) return v;
    ValueList out;
    for (const Value& x : *l) out.push_back(Materialize(x, g));
    return Value(std::move(out));
  }
  if (const ValueMap* m = v.get_if<ValueMap>()) {
    ValueMap out;
    for (const auto& [k, x] : *m) out.emplace_back(k, Materialize(x, g));
    return Value(std::move(out));
  }
  return v;
}

Result<Table> Execute(const Query& q, const Plan& plan, const PropertyGraph& g,
                      const Params& params, const ExecOptions& options) {
  try {
    Executor ex(q, plan, g, params, options);
    return ex.Run();
  } catch (const QueryError& e) {
    return Status::Error(e.message);
  }
}

Result<Table> RunQuery(std::string_view text, const PropertyGraph& g, const Params& params,
                       const ExecOptions& options) {
  auto q = Parse(text);
  if (!q.ok()) return q.status();
  auto plan = BindAndPlan(*q, g, params);
  if (!plan.ok()) return plan.status();
  return Execute(*q, *plan, g, params, options);
}

}  // namespace newsgraph::query
