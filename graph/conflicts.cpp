#include "graph/conflicts.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>
#include <unordered_map>

#include "extract/lexicon.h"

namespace newsgraph {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The set of values a statement allows: [lo, hi], each end open or closed.
struct Interval {
  double lo = -kInf, hi = kInf;
  bool lo_open = false, hi_open = false;
};

bool Overlap(const Interval& a, const Interval& b) {
  // Empty intersection when one ends before the other starts.
  auto before = [](double hi, bool hi_open, double lo, bool lo_open) {
    return hi < lo || (hi == lo && (hi_open || lo_open));
  };
  return !before(a.hi, a.hi_open, b.lo, b.lo_open) && !before(b.hi, b.hi_open, a.lo, a.lo_open);
}

std::string KindClass(const std::string& kind) {
  return kind == "target" || kind == "limit" ? "policy" : kind;
}

// t and t/y both state annual tonnages in this field; everything else is
// its own dimension (% and pp are kept apart).
std::string_view Dimension(std::string_view unit) { return unit == "t/y" ? "t" : unit; }

// Half the last written digit, in the figure's unit: "110 million" -> 0.5
// million, "110.32 million" -> 0.005 million, "3-5%" -> 0.5. Numbers in
// words and counts are exact.
double Tolerance(const StoredFigure& sf) {
  const Figure& f = sf.figure;
  if (f.unit == "count") return 0;
  static const RE2 kNumber("(\\d[\\d,]*)(?:\\.(\\d+))?");
  re2::StringPiece input(f.text);
  std::string whole, decimals;
  if (!RE2::FindAndConsume(&input, kNumber, &whole, &decimals)) return 0;
  whole.erase(std::remove(whole.begin(), whole.end(), ','), whole.end());
  double written = std::atof((whole + (decimals.empty() ? "" : "." + decimals)).c_str());
  if (written == 0) return 0;
  double scale = std::fabs(f.value / written);
  if (!std::isfinite(scale) || scale == 0) return 0;
  // Just under half a digit, so "30%" and "31%" do not touch.
  return 0.499 * std::pow(10.0, -static_cast<double>(decimals.size())) * scale;
}

Interval AllowedValues(const StoredFigure& sf, const ConflictOptions& options) {
  const Figure& f = sf.figure;
  double tol = Tolerance(sf);
  Interval in;
  const std::string& q = f.qualifier;
  if (q == "gt") {
    in.lo = f.value, in.lo_open = true;
  } else if (q == "ge") {
    in.lo = f.value;
  } else if (q == "lt") {
    in.hi = f.value, in.hi_open = true;
  } else if (q == "le") {
    in.hi = f.value;
  } else if (q == "range" && f.value_max) {
    in.lo = std::min(f.value, *f.value_max) - tol;
    in.hi = std::max(f.value, *f.value_max) + tol;
  } else if (q == "approx") {
    double band = std::fabs(f.value) * options.approx_band;
    in.lo = f.value - band - tol, in.hi = f.value + band + tol;
  } else {
    in.lo = f.value - tol, in.hi = f.value + tol;
  }
  return in;
}

bool IsBound(const std::string& q) { return q == "gt" || q == "ge" || q == "lt" || q == "le"; }

std::string FormatNumber(double v) {
  char buf[64];
  if (std::fabs(v) >= 1e15 || v == std::floor(v))
    std::snprintf(buf, sizeof buf, "%.15g", v);
  else
    std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string QualifierSymbol(const std::string& q) {
  if (q == "gt") return ">";
  if (q == "ge") return ">=";
  if (q == "lt") return "<";
  if (q == "le") return "<=";
  if (q == "approx") return "~";
  return "";
}

std::string StatementValue(const Figure& f) {
  std::string s = QualifierSymbol(f.qualifier);
  s += FormatNumber(f.value);
  if (f.qualifier == "range" && f.value_max) {
    s += '-';
    s += FormatNumber(*f.value_max);
  }
  if (f.unit != "count") {
    s += ' ';
    s += f.unit;
  }
  return s;
}

std::string MetricLabel(const std::string& metric, const std::string& unit) {
  std::string label = metric;
  std::replace(label.begin(), label.end(), '-', ' ');
  if (unit == "count" && label.find("count") == std::string::npos) label += " count";
  return label;
}

// "10 (1 doc)" for one side: its distinct values and how many documents.
std::string SideSummary(const std::vector<const StoredFigure*>& side) {
  std::vector<std::string> values;
  std::set<std::string> docs;
  for (const StoredFigure* f : side) {
    std::string v = StatementValue(f->figure);
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    docs.insert(f->doc_id);
  }
  std::string s;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) s += " / ";
    s += values[i];
  }
  s += " (" + std::to_string(docs.size()) + (docs.size() == 1 ? " doc)" : " docs)");
  return s;
}

struct GroupKey {
  std::string metric, subject, period, kind, dimension;
  bool operator<(const GroupKey& o) const {
    return std::tie(metric, subject, period, kind, dimension) <
           std::tie(o.metric, o.subject, o.period, o.kind, o.dimension);
  }
};

std::string SubjectOf(const Figure& f) {
  if (KindClass(f.kind) == "policy" && !f.policy.empty()) return f.policy;
  return f.subject;
}

// Sides of one group: each statement joins the first side all of whose
// members it is compatible with. Sorted by lower bound, so points that
// agree end up together and a half-line joins the side it fits first.
// A group whose statements fall into more than this many incompatible
// sides is not one fact stated differently but a metric too coarse to
// compare (many companies' output under one id): it is not reported.
constexpr size_t kMaxSides = 4;

std::vector<std::vector<size_t>> Partition(const std::vector<Interval>& in) {
  std::vector<size_t> order(in.size());
  for (size_t i = 0; i < in.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    bool pa = std::isfinite(in[a].lo) && std::isfinite(in[a].hi);
    bool pb = std::isfinite(in[b].lo) && std::isfinite(in[b].hi);
    if (pa != pb) return pa;  // bounded statements first: they define the sides
    return in[a].lo < in[b].lo;
  });
  // Intervals on a line overlap pairwise iff they share a point (Helly), so
  // a side is kept as the intersection of its members: one test per side.
  std::vector<std::vector<size_t>> sides;
  std::vector<Interval> common;
  for (size_t i : order) {
    bool placed = false;
    for (size_t s = 0; s < sides.size() && !placed; ++s) {
      if (!Overlap(in[i], common[s])) continue;
      Interval& c = common[s];
      if (in[i].lo > c.lo || (in[i].lo == c.lo && in[i].lo_open)) c.lo = in[i].lo, c.lo_open = in[i].lo_open;
      if (in[i].hi < c.hi || (in[i].hi == c.hi && in[i].hi_open)) c.hi = in[i].hi, c.hi_open = in[i].hi_open;
      sides[s].push_back(i);
      placed = true;
    }
    if (!placed) {
      if (sides.size() > kMaxSides) return {};  // not one fact: see kMaxSides
      sides.push_back({i});
      common.push_back(in[i]);
    }
  }
  return sides;
}

void CheckGroup(const GroupKey& key, const std::vector<const StoredFigure*>& figs,
                const ConflictOptions& options, ConsistencyReport* report) {
  std::set<std::string> docs;
  for (const StoredFigure* f : figs) docs.insert(f->doc_id);
  if (docs.size() < 2) return;  // a disagreement is between sources
  std::vector<Interval> in;
  in.reserve(figs.size());
  for (const StoredFigure* f : figs) in.push_back(AllowedValues(*f, options));
  std::vector<std::vector<size_t>> sides = Partition(in);

  if (sides.size() >= 2) {
    // Keep sides that hold a statement from a document no other side has
    // said it from: one article contradicting itself is not a dispute
    // between sources.
    std::vector<std::set<std::string>> side_docs(sides.size());
    for (size_t s = 0; s < sides.size(); ++s)
      for (size_t i : sides[s]) side_docs[s].insert(figs[i]->doc_id);
    bool across_sources = false;
    for (size_t a = 0; a < sides.size() && !across_sources; ++a)
      for (size_t b = a + 1; b < sides.size() && !across_sources; ++b)
        for (const std::string& d : side_docs[a])
          if (side_docs[b].size() > side_docs[b].count(d)) across_sources = true;
    if (across_sources) {
      Disagreement d{key.metric, key.subject, key.period, key.kind, "conflict", "", {}};
      for (const auto& side : sides) {
        std::vector<const StoredFigure*> members;
        for (size_t i : side) members.push_back(figs[i]);
        d.sides.push_back(std::move(members));
      }
      d.reason = MetricLabel(key.metric, figs[0]->figure.unit) + ": ";
      for (size_t s = 0; s < d.sides.size(); ++s) {
        if (s) d.reason += " vs ";
        d.reason += SideSummary(d.sides[s]);
      }
      report->disagreements.push_back(std::move(d));
      return;
    }
  }
  // Compatible, but bounds stated with different qualifiers on one value:
  // the first such pair (a, b), a < b, from different documents. Bounds are
  // bucketed by (value, qualifier) so a large group (syndicated copies of a
  // story) is not compared pair by pair.
  std::map<std::pair<double, std::string_view>, std::vector<size_t>> bounds;
  for (size_t i = 0; i < figs.size(); ++i)
    if (IsBound(figs[i]->figure.qualifier))
      bounds[{figs[i]->figure.value, figs[i]->figure.qualifier}].push_back(i);
  for (size_t a = 0; a < figs.size(); ++a) {
    const Figure& fa = figs[a]->figure;
    if (!IsBound(fa.qualifier)) continue;
    size_t best = figs.size();
    for (std::string_view q : {"gt", "ge", "lt", "le"}) {
      if (q == fa.qualifier) continue;
      auto it = bounds.find({fa.value, q});
      if (it == bounds.end()) continue;
      const std::vector<size_t>& at = it->second;  // ascending
      for (auto b = std::upper_bound(at.begin(), at.end(), a); b != at.end() && *b < best; ++b)
        if (figs[*b]->doc_id != figs[a]->doc_id) {
          best = *b;
          break;
        }
    }
    if (best == figs.size()) continue;
    const Figure& fb = figs[best]->figure;
    Disagreement d{key.metric, key.subject, key.period, key.kind, "warning", "", {}};
    d.sides = {{figs[a]}, {figs[best]}};
    d.reason = MetricLabel(key.metric, fa.unit) + ": qualifier differs: " + StatementValue(fa) +
               " vs " + StatementValue(fb) + " (compatible, but not the same statement)";
    report->disagreements.push_back(std::move(d));
    return;
  }
}

// A value about 10^3 or 10^6 away from the median of its peers on the same
// metric, subject and dimension (any period or kind): a likely unit slip.
void CheckUnitSlips(const std::map<GroupKey, std::vector<const StoredFigure*>>& groups,
                    ConsistencyReport* report) {
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<const StoredFigure*>>
      peers;
  for (const auto& [key, figs] : groups)
    for (const StoredFigure* f : figs)
      if (f->figure.value > 0)
        peers[{key.metric, key.subject, key.dimension}].push_back(f);
  for (const auto& [key, figs] : peers) {
    if (figs.size() < 3) continue;
    std::vector<double> values;
    for (const StoredFigure* f : figs) values.push_back(f->figure.value);
    std::sort(values.begin(), values.end());
    // Only peers that agree among themselves can expose a slip: the values
    // near the median (within 30x) must span at most a factor of 3, else
    // the metric is too coarse to say what is normal.
    double mid = values[values.size() / 2], near_lo = 0, near_hi = 0;
    size_t near = 0;
    for (double v : values)
      if (v * 30 >= mid && v <= mid * 30) {
        near_lo = near ? std::min(near_lo, v) : v;
        near_hi = near ? std::max(near_hi, v) : v;
        ++near;
      }
    if (near < 2 || near_hi > near_lo * 3) continue;
    double median = values[values.size() / 2];
    for (const StoredFigure* f : figs) {
      double ratio = median / f->figure.value;
      double mag = std::log10(std::max(ratio, 1 / ratio));
      if (!(std::fabs(mag - 3) < 0.35 || std::fabs(mag - 6) < 0.35)) continue;
      Disagreement d{std::get<0>(key), std::get<1>(key), f->figure.period, f->figure.kind,
                     "warning", "", {}};
      // The peers shown: a few, not all of a large group.
      std::vector<const StoredFigure*> others;
      for (const StoredFigure* g : figs) {
        if (others.size() == 5) break;
        if (g != f) others.push_back(g);
      }
      d.sides = {{f}, others};
      d.reason = MetricLabel(std::get<0>(key), f->figure.unit) + ": " +
                 StatementValue(f->figure) + " is about 10^" + (mag > 4.5 ? "6" : "3") +
                 " off its peers (median " + FormatNumber(median) +
                 "): a likely unit slip";
      report->disagreements.push_back(std::move(d));
    }
  }
}

}  // namespace

std::unordered_set<std::string> LoadBareMeasures(const std::string& data_dir) {
  std::unordered_set<std::string> out;
  auto rows = ReadTsv(data_dir, "metrics.tsv", 2);
  if (!rows.ok()) return out;
  for (const TsvRow& row : *rows) {
    if (row[0] != "measure") continue;
    out.insert(row[1]);
    for (const char* suffix : {"-growth", "-share", "-change"}) out.insert(row[1] + suffix);
  }
  return out;
}

namespace {

// "policy:x-y-2026-2030" -> "policy:x-y"; ids without a year range unchanged.
std::string WithoutYears(const std::string& id) {
  static const RE2 kYears("(.*?)-\\d{4}(?:-\\d{4})?");
  std::string base;
  return RE2::FullMatch(id, kYears, &base) ? base : id;
}

// One article names a plan with its years, another without: "policy:x" is
// "policy:x-2026-2030" when that is the only dated policy with that name.
std::unordered_map<std::string, std::string> DatedPolicyIds(const GraphData& data) {
  std::unordered_map<std::string, std::set<std::string>> dated;  // base -> dated ids
  for (const StoredFigure& sf : data.figures)
    if (!sf.figure.policy.empty() && WithoutYears(sf.figure.policy) != sf.figure.policy)
      dated[WithoutYears(sf.figure.policy)].insert(sf.figure.policy);
  std::unordered_map<std::string, std::string> out;
  for (const auto& [base, ids] : dated)
    if (ids.size() == 1) out[base] = *ids.begin();
  return out;
}

}  // namespace

ConsistencyReport CheckConsistency(const GraphData& data, const ConflictOptions& options) {
  ConsistencyReport report;
  std::map<GroupKey, std::vector<const StoredFigure*>> groups;
  const auto dated = DatedPolicyIds(data);
  for (const StoredFigure& sf : data.figures) {
    const Figure& f = sf.figure;
    if (f.metric.empty() || f.unit.empty() || !std::isfinite(f.value)) continue;
    // The same figure for the same thing: without a subject (or policy) and
    // a period there is no telling two statements are about one fact.
    if (SubjectOf(f).empty() || f.period.empty()) continue;
    // A bare measure ("price", "share", "value") names no object: too
    // coarse to say two statements are about one fact.
    if (f.metric.find('-') == std::string::npos || options.bare_measures.count(f.metric)) continue;
    std::string subject = SubjectOf(f);
    if (auto it = dated.find(subject); it != dated.end()) subject = it->second;
    groups[{f.metric, subject, f.period, KindClass(f.kind), std::string(Dimension(f.unit))}].push_back(&sf);
  }
  for (const auto& [key, figs] : groups) CheckGroup(key, figs, options, &report);
  CheckUnitSlips(groups, &report);
  std::stable_sort(report.disagreements.begin(), report.disagreements.end(),
                   [](const Disagreement& a, const Disagreement& b) {
                     if (a.severity != b.severity) return a.severity == "conflict";
                     return std::tie(a.subject, a.metric) < std::tie(b.subject, b.metric);
                   });

  // Progress to target: the latest actual on the same metric and subject.
  // Views, not copies: this walks every figure, and copying each one's
  // keys and dates was most of the check at 8x the corpus.
  std::unordered_map<std::string_view, std::string_view> published;  // doc id -> date
  published.reserve(data.documents.size());
  for (const Document& d : data.documents) published.emplace(d.id, d.published);
  auto when = [&](const StoredFigure* f) {
    auto it = published.find(f->doc_id);
    return std::make_pair(std::string_view(f->figure.period),
                          it == published.end() ? std::string_view() : it->second);
  };
  using MetricKey = std::tuple<std::string_view, std::string_view, std::string_view>;
  auto metric_key = [](const Figure& f) {
    return MetricKey{f.metric, Dimension(f.unit), f.subject};
  };
  std::map<MetricKey, const StoredFigure*> latest;
  for (const StoredFigure& sf : data.figures) {
    if (sf.figure.kind != "actual") continue;
    auto [it, added] = latest.emplace(metric_key(sf.figure), &sf);
    if (!added && when(it->second) < when(&sf)) it->second = &sf;
  }
  for (const StoredFigure& sf : data.figures) {
    if (sf.figure.kind != "target") continue;
    auto it = latest.find(metric_key(sf.figure));
    if (it != latest.end()) report.progress.push_back({&sf, it->second});
  }
  return report;
}

std::vector<StoredConflict> ConflictEdges(const ConsistencyReport& report) {
  // What makes two figures of one side the same statement.
  using Statement = std::tuple<double, bool, double, std::string_view, std::string_view>;
  auto statement = [](const Figure& f) {
    return Statement{f.value, f.value_max.has_value(), f.value_max.value_or(0), f.unit,
                     f.qualifier};
  };
  std::vector<StoredConflict> edges;
  std::vector<std::vector<const StoredFigure*>> reps;  // per side, in side order
  std::set<const StoredFigure*> is_rep;
  std::map<Statement, const StoredFigure*> seen;
  for (const Disagreement& d : report.disagreements) {
    reps.assign(d.sides.size(), {});
    is_rep.clear();
    for (size_t s = 0; s < d.sides.size(); ++s) {
      seen.clear();
      for (const StoredFigure* f : d.sides[s])
        if (seen.emplace(statement(f->figure), f).second) {
          reps[s].push_back(f);
          is_rep.insert(f);
        }
    }
    for (size_t a = 0; a < d.sides.size(); ++a)
      for (size_t b = a + 1; b < d.sides.size(); ++b) {
        for (const StoredFigure* fa : d.sides[a])
          for (const StoredFigure* rb : reps[b]) edges.push_back({fa->id, rb->id, d.severity, d.reason});
        // A representative of side b already has its edge from each of
        // side a's representatives.
        for (const StoredFigure* fb : d.sides[b])
          if (!is_rep.count(fb))
            for (const StoredFigure* ra : reps[a]) edges.push_back({fb->id, ra->id, d.severity, d.reason});
      }
  }
  return edges;
}

}  // namespace newsgraph
