#include "queries/planner.h"

#include <algorithm>
#include <set>

namespace newsgraph::query {

namespace {

constexpr std::string_view kFunctions[] = {
    "id",        "labels",   "type",      "tolower",  "toupper",    "lower",     "upper",
    "size",      "length",   "nodes",     "relationships", "rels",  "startnode", "endnode",
    "coalesce",  "head",     "last",      "tostring", "tointeger",  "tofloat",   "range",
    "abs",       "round",    "floor",     "ceil",     "substring",  "split",     "replace",
    "trim",      "exists",   "keys",      "properties", "tail",     "reverse",   "left",
    "right",     "sign",     "count",     "collect",  "min",        "max",       "sum",
    "avg"};
constexpr std::string_view kAggregates[] = {"count", "collect", "min", "max", "sum", "avg"};
constexpr std::string_view kIndexed[] = {"name", "metric", "unit", "kind",
                                         "period", "type", "publisher"};

// The model's labels and relationship types (graph/property_graph.h).
constexpr std::string_view kModelLabels[] = {
    "Document", "Policy", "GovernmentBody", "Organization", "Company", "Region",
    "Country",  "Commodity", "Person",     "Metric",       "Figure"};
constexpr std::string_view kModelTypes[] = {
    "MENTIONS",    "REPORTS",    "MEASURES", "ABOUT",      "SETS",          "ISSUED_BY",
    "INVESTS_IN",  "OPERATES_IN", "ACQUIRED", "LOCATED_IN", "CONFLICTS_WITH"};

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Checks `name` against the model's names and those present in the graph;
// an unknown name is almost always a typo, so it is an error with a hint.
Status CheckName(const char* what, const std::string& name, const Position& pos,
                 const std::set<std::string>& known) {
  if (known.count(name)) return Status::OK();
  std::string best;
  size_t best_d = 3;
  for (const std::string& k : known)
    if (size_t d = EditDistance(name, k); d < best_d) best_d = d, best = k;
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
  return Status::Error("line " + std::to_string(pos.line) + ", column " +
                       std::to_string(pos.column) + ": unknown " + what + " `" + name + "`" +
                       (best.empty() ? "" : " (did you mean " + best + "?)") + "; known: " + list);
}

std::string At(const Position& p) {
  return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ": ";
}

class Binder {
 public:
  Binder(const Params& params) : params_(params) {}

  Status Check(const Expr* e, const std::set<std::string>& scope, bool allow_agg) {
    if (!e) return Status::OK();
    switch (e->kind) {
      case ExprKind::kVariable:
        if (!scope.count(e->name))
          return Status::Error(At(e->pos) + "variable `" + e->name + "` is not defined");
        break;
      case ExprKind::kParam:
        if (!params_.count(e->name))
          return Status::Error(At(e->pos) + "parameter $" + e->name +
                               " has no value (give it with --param " + e->name + "=...)");
        break;
      case ExprKind::kFunction:
        if (!IsKnownFunction(e->name))
          return Status::Error(At(e->pos) + "unknown function " + e->name + "()");
        if (IsAggregate(e->name)) {
          if (!allow_agg)
            return Status::Error(At(e->pos) + "aggregate " + e->name +
                                 "() is not allowed here (only in RETURN or WITH)");
          for (const auto& a : e->args)
            if (a && ContainsAggregate(*a))
              return Status::Error(At(e->pos) + "aggregates cannot be nested");
          if (!e->star && e->args.size() != 1)
            return Status::Error(At(e->pos) + e->name + "() takes one argument");
        }
        break;
      case ExprKind::kListComp: {
        if (Status s = Check(e->args[0].get(), scope, allow_agg); !s.ok()) return s;
        std::set<std::string> inner = scope;
        inner.insert(e->name);
        for (size_t i = 1; i < e->args.size(); ++i)
          if (Status s = Check(e->args[i].get(), inner, false); !s.ok()) return s;
        return Status::OK();
      }
      default:
        break;
    }
    for (const auto& a : e->args)
      if (Status s = Check(a.get(), scope, allow_agg); !s.ok()) return s;
    return Status::OK();
  }

 private:
  const Params& params_;
};

// Top-level AND conjuncts of `e`.
void Conjuncts(const Expr* e, std::vector<const Expr*>* out) {
  if (!e) return;
  if (e->kind == ExprKind::kBinary && e->name == "AND") {
    Conjuncts(e->args[0].get(), out);
    Conjuncts(e->args[1].get(), out);
  } else {
    out->push_back(e);
  }
}

bool IsConstant(const Expr* e) {
  return e && (e->kind == ExprKind::kLiteral || e->kind == ExprKind::kParam);
}

const Value* ConstantValue(const Expr* e, const Params& params) {
  if (e->kind == ExprKind::kLiteral) return &e->literal;
  auto it = params.find(e->name);
  return it == params.end() ? nullptr : &it->second;
}

}  // namespace

bool IsKnownFunction(const std::string& name) {
  return std::find(std::begin(kFunctions), std::end(kFunctions), name) != std::end(kFunctions);
}
bool IsAggregate(const std::string& name) {
  return std::find(std::begin(kAggregates), std::end(kAggregates), name) != std::end(kAggregates);
}
bool ContainsAggregate(const Expr& e) {
  if (e.kind == ExprKind::kFunction && IsAggregate(e.name)) return true;
  for (const auto& a : e.args)
    if (a && ContainsAggregate(*a)) return true;
  return false;
}

std::vector<std::string> Plan::Describe(const Query& q) const {
  std::vector<std::string> out;
  for (size_t c = 0; c < q.clauses.size() && c < starts.size(); ++c) {
    for (size_t p = 0; p < starts[c].size(); ++p) {
      const StartChoice& s = starts[c][p];
      const PatternPart& part = q.clauses[c].patterns[p];
      std::string var = part.nodes[s.node].var.empty() ? "node " + std::to_string(s.node + 1)
                                                       : part.nodes[s.node].var;
      std::string how;
      switch (s.kind) {
        case StartKind::kBound: how = "already bound"; break;
        case StartKind::kKey: how = "key lookup"; break;
        case StartKind::kIndex: how = "index " + s.label + "." + s.prop; break;
        case StartKind::kLabelScan: how = "label scan " + s.label; break;
        case StartKind::kAllScan: how = "scan of all nodes"; break;
      }
      out.push_back("clause " + std::to_string(c + 1) + " pattern " + std::to_string(p + 1) +
                    ": start at (" + var + ") by " + how + " (~" + std::to_string(s.estimate) +
                    " nodes)" + (part.shortest ? ", shortest path" : "") + ", expand " +
                    std::to_string(part.rels.size()) + " relationship(s)");
    }
  }
  return out;
}

Result<Plan> BindAndPlan(const Query& q, const PropertyGraph& g, const Params& params) {
  Binder binder(params);
  Plan plan;
  plan.starts.resize(q.clauses.size());
  std::set<std::string> scope;
  std::set<std::string> labels(std::begin(kModelLabels), std::end(kModelLabels));
  std::set<std::string> types(std::begin(kModelTypes), std::end(kModelTypes));
  bool graph_scanned = false;
  auto check_schema = [&](const char* what, const std::string& name, const Position& pos) {
    std::set<std::string>& known = std::string(what) == "label" ? labels : types;
    if (known.count(name)) return Status::OK();
    if (!graph_scanned) {  // names beyond the model, e.g. new entity types
      graph_scanned = true;
      const BoostGraph& bg = g.graph();
      for (Vertex v : boost::make_iterator_range(boost::vertices(bg))) labels.insert(bg[v].label);
      for (Edge e : boost::make_iterator_range(boost::edges(bg))) types.emplace(bg[e].type);
    }
    return CheckName(what, name, pos, known);
  };
  for (size_t ci = 0; ci < q.clauses.size(); ++ci) {
    const Clause& c = q.clauses[ci];
    switch (c.kind) {
      case ClauseKind::kMatch: {
        std::set<std::string> bound = scope;  // grows as parts are planned
        for (const PatternPart& part : c.patterns) {
          if (!part.path_var.empty()) scope.insert(part.path_var);
          for (const NodePattern& n : part.nodes)
            if (!n.var.empty()) scope.insert(n.var);
          for (const RelPattern& r : part.rels)
            if (!r.var.empty()) scope.insert(r.var);
        }
        for (const PatternPart& part : c.patterns) {
          for (const NodePattern& n : part.nodes)
            for (const std::string& l : n.labels)
              if (Status s = check_schema("label", l, n.pos); !s.ok()) return s;
          for (const RelPattern& r : part.rels)
            for (const std::string& t : r.types)
              if (Status s = check_schema("relationship type", t, r.pos); !s.ok()) return s;
          for (const NodePattern& n : part.nodes)
            for (const auto& [k, e] : n.props)
              if (Status s = binder.Check(e.get(), scope, false); !s.ok()) return s;
          for (const RelPattern& r : part.rels) {
            for (const auto& [k, e] : r.props)
              if (Status s = binder.Check(e.get(), scope, false); !s.ok()) return s;
            if (Status s = binder.Check(r.min_hops.get(), scope, false); !s.ok()) return s;
            if (Status s = binder.Check(r.max_hops.get(), scope, false); !s.ok()) return s;
          }
        }
        if (Status s = binder.Check(c.where.get(), scope, false); !s.ok()) return s;

        std::vector<const Expr*> conj;
        Conjuncts(c.where.get(), &conj);
        for (const PatternPart& part : c.patterns) {
          StartChoice best;
          best.estimate = SIZE_MAX;
          auto consider = [&](StartChoice s) {
            if (s.estimate < best.estimate || (s.estimate == best.estimate && s.kind < best.kind))
              best = s;
          };
          for (size_t ni = 0; ni < part.nodes.size(); ++ni) {
            // shortestPath: start from the first node (the BFS source).
            if (part.shortest && ni > 0) break;
            const NodePattern& n = part.nodes[ni];
            std::string label = n.labels.empty() ? "" : n.labels[0];
            if (!n.var.empty() && bound.count(n.var)) {
              consider({StartKind::kBound, ni, label, "", nullptr, 1});
              continue;
            }
            // Equalities on this node: inline properties and WHERE conjuncts.
            std::vector<std::pair<std::string, const Expr*>> eqs;
            for (const auto& [k, e] : n.props)
              if (IsConstant(e.get())) eqs.emplace_back(k, e.get());
            if (!n.var.empty())
              for (const Expr* e : conj) {
                if (e->kind != ExprKind::kBinary || e->name != "=") continue;
                for (int side = 0; side < 2; ++side) {
                  const Expr* l = e->args[side].get();
                  const Expr* r = e->args[1 - side].get();
                  if (l->kind == ExprKind::kProperty && l->args[0]->kind == ExprKind::kVariable &&
                      l->args[0]->name == n.var && IsConstant(r))
                    eqs.emplace_back(l->name, r);
                }
              }
            for (const auto& [prop, value] : eqs) {
              const Value* v = ConstantValue(value, params);
              const std::string* s = v ? v->get_if<std::string>() : nullptr;
              if (!s) continue;
              if (prop == "id") {
                size_t est = 0;
                if (!label.empty()) est = g.FindByProperty(label, "id", *s).size();
                else est = (g.FindByKey(*s) ? 1 : 0) + (g.FindByKey("metric:" + *s) ? 1 : 0);
                consider({StartKind::kKey, ni, label, prop, value, est});
              } else if (!label.empty() &&
                         std::find(std::begin(kIndexed), std::end(kIndexed), prop) !=
                             std::end(kIndexed)) {
                consider({StartKind::kIndex, ni, label, prop, value,
                          g.FindByProperty(label, prop, *s).size()});
              }
            }
            if (!label.empty())
              consider({StartKind::kLabelScan, ni, label, "", nullptr,
                        g.NodesWithLabel(label).size()});
            else
              consider({StartKind::kAllScan, ni, "", "", nullptr, g.node_count()});
          }
          plan.starts[ci].push_back(best);
          for (const NodePattern& n : part.nodes)
            if (!n.var.empty()) bound.insert(n.var);
        }
        break;
      }
      case ClauseKind::kUnwind:
        if (Status s = binder.Check(c.unwind_expr.get(), scope, false); !s.ok()) return s;
        scope.insert(c.unwind_var);
        break;
      case ClauseKind::kWith:
      case ClauseKind::kReturn: {
        const Projection& p = c.projection;
        std::set<std::string> next;
        if (p.star) next = scope;
        bool agg = false;
        for (const ProjectionItem& item : p.items) {
          if (Status s = binder.Check(item.expr.get(), scope, true); !s.ok()) return s;
          agg = agg || ContainsAggregate(*item.expr);
          next.insert(item.alias);
        }
        std::set<std::string> order_scope = next;
        if (!agg && !p.distinct) order_scope.insert(scope.begin(), scope.end());
        for (const SortItem& s : p.order_by) {
          // ORDER BY may repeat a projected expression verbatim.
          bool projected = false;
          for (const ProjectionItem& item : p.items) projected |= item.expr->text == s.expr->text;
          if (projected) continue;
          if (Status st = binder.Check(s.expr.get(), order_scope, false); !st.ok()) {
            if (agg || p.distinct)
              return Status::Error(st.message() +
                                   " (after DISTINCT or aggregation, ORDER BY can use only "
                                   "the projected columns)");
            return st;
          }
        }
        std::set<std::string> none;
        if (Status s = binder.Check(p.skip.get(), none, false); !s.ok()) return s;
        if (Status s = binder.Check(p.limit.get(), none, false); !s.ok()) return s;
        scope = std::move(next);
        if (Status s = binder.Check(c.where.get(), scope, false); !s.ok()) return s;
        break;
      }
    }
  }
  return plan;
}

}  // namespace newsgraph::query
