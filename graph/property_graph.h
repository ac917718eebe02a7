// PropertyGraph: the knowledge graph as a Boost.Graph adjacency_list with
// bundled properties, built from the store's GraphData, plus the indexes the
// query planner starts from.
//
// Node labels: Document, Policy, GovernmentBody, Organization, Company,
// Region, Country, Commodity, Person, Metric, Figure.
// Relationship types: MENTIONS (Document->entity), REPORTS (Document->Figure),
// MEASURES (Figure->Metric), ABOUT (Figure->entity), SETS (Policy->Figure, for
// targets and limits), ISSUED_BY, INVESTS_IN, OPERATES_IN, ACQUIRED,
// LOCATED_IN (entity->entity, with the evidence sentence and document), and
// CONFLICTS_WITH (Figure->Figure, one edge per stored conflict: each figure
// to one representative of every distinct statement it disagrees with, see
// ConflictEdges in conflicts.h; the direction carries no meaning).
//
// Properties (PropertyValue):
//   Document: id, title, url, publisher, published, path, format
//   entities: id, name, type, aliases (list)
//   Metric:   id, name
//   Figure:   id ("figure:<row id>"), value, value_max, unit, qualifier,
//             period, kind, text, sentence, doc, metric, subject, policy
//   relation edges: sentence, doc, start, end; CONFLICTS_WITH: severity, reason
// Absent or empty values are not stored (a lookup returns null).
//
// Memory (at 8x the Reuters corpus: 620,000 nodes, 1.6 million edges): a
// figure's properties are not a Properties list but a FigureRow of numbers
// and indexes into the graph's string pool (units, metrics, documents and
// the written figures repeat), and its sentence is read from the store when
// asked for, unless the graph was built with sentences; a document's are a
// DocumentRow. So read node properties through NodeProperty /
// NodeProperties, not NodeData::props, which is empty for both. Figures are
// found by key through their ids (FindFigure), not the key map; edge types
// are shared views.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "graph/store.h"

namespace newsgraph {

using PropertyValue =
    std::variant<std::monostate, bool, int64_t, double, std::string, std::vector<std::string>>;

// A small ordered property map (few keys per element: a vector beats a map).
// One pointer while empty: most edges and every figure and document node
// have none (at 8x the corpus that is 2.2 million of them).
class Properties {
 public:
  using Items = std::vector<std::pair<std::string, PropertyValue>>;
  Properties() = default;
  Properties(const Properties& o) : items_(o.items_ ? std::make_unique<Items>(*o.items_) : nullptr) {}
  Properties& operator=(const Properties& o) {
    items_ = o.items_ ? std::make_unique<Items>(*o.items_) : nullptr;
    return *this;
  }
  Properties(Properties&&) noexcept = default;
  Properties& operator=(Properties&&) noexcept = default;

  void Set(std::string key, PropertyValue value);
  // Room for n properties: growing the vector one doubling at a time was a
  // sixth of building the graph.
  void Reserve(size_t n);
  // nullptr when absent.
  const PropertyValue* Get(std::string_view key) const;
  const Items& items() const;

 private:
  std::unique_ptr<Items> items_;
};

// Where a node's properties are: its Properties, or a row of the graph's
// figure or document columns.
enum class RowKind : uint8_t { kNone, kFigure, kDocument };

struct NodeData {
  std::string label;  // one label per node
  std::string key;    // globally unique: entity id, document id, "metric:<id>", "figure:<n>"
  Properties props;   // empty for figures and documents: see PropertyGraph::NodeProperty
  RowKind row_kind = RowKind::kNone;
  uint32_t row = 0;  // in the graph's figure or document columns
};

// A document's properties (its id is the node key). Empty strings and pool
// index 0 are absent.
struct DocumentRow {
  std::string title, path;
  uint32_t url = 0, publisher = 0, published = 0, format = 0;
};

// A figure's properties: strings as indexes into the graph's string pool,
// 0 for absent (period, subject, policy when empty).
struct FigureRow {
  long long id = 0;  // store row id; the node's id is "figure:<id>"
  double value = 0;
  double value_max = 0;
  bool has_value_max = false;
  uint32_t unit = 0, qualifier = 0, period = 0, kind = 0, text = 0, doc = 0, metric = 0,
           subject = 0, policy = 0;
};

// Reads a figure's sentence by store row id when a query asks for it;
// nullopt (the property is null) when it cannot.
using SentenceSource = std::function<std::optional<std::string>(long long figure_id)>;

struct EdgeData {
  // One of a few names, kept once for the process (InternEdgeType); a
  // string per edge was a third of an edge.
  std::string_view type;
  Properties props;
};

// The process-wide copy of edge type `type`, valid until exit.
std::string_view InternEdgeType(std::string_view type);

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         NodeData, EdgeData>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

// Hash and equality that let a std::string-keyed map be searched with a
// string_view, without building a std::string per lookup.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringViewHash, std::equal_to<>>;

class PropertyGraph {
 public:
  static PropertyGraph Build(const GraphData& data);
  // Same graph; strings are moved out of `data` rather than copied, so a
  // large store is not held twice in memory while the graph is built.
  static PropertyGraph Build(GraphData&& data);

  // The same in steps, for a caller that streams figures from the store
  // rather than holding them all at once (at 8x the corpus the loaded
  // figures were 170 MB next to the graph): Begin takes the documents,
  // entities and mentions out of `data` and makes room for
  // `figures_expected` figure nodes; AddFigure adds one figure, in store
  // order; Finish takes the relations and conflicts. With `sentences`, the
  // figures' sentences are not kept (they may be empty) but read from it on
  // demand.
  static PropertyGraph Begin(GraphData& data, size_t figures_expected,
                             SentenceSource sentences = nullptr);
  void AddFigure(StoredFigure&& sf);
  void Finish(GraphData& data);

  // Property `key` of node v: a pointer to the stored value, or to
  // `*scratch` holding a figure's value, or nullptr when absent.
  const PropertyValue* NodeProperty(Vertex v, std::string_view key, PropertyValue* scratch) const;
  // Every property of node v, in the order they were set (for a figure:
  // id, value, value_max, unit, qualifier, period, kind, text, sentence,
  // doc, metric, subject, policy; absent ones left out).
  std::vector<std::pair<std::string, PropertyValue>> NodeProperties(Vertex v) const;

  const BoostGraph& graph() const { return g_; }
  const NodeData& node(Vertex v) const { return g_[v]; }
  const EdgeData& edge(Edge e) const { return g_[e]; }
  size_t node_count() const { return boost::num_vertices(g_); }
  size_t edge_count() const { return boost::num_edges(g_); }

  // All nodes with `label` (empty vector if none).
  const std::vector<Vertex>& NodesWithLabel(std::string_view label) const;
  // The node with this key (entity id, document id, "figure:12", "metric:x").
  std::optional<Vertex> FindByKey(std::string_view key) const;
  // Nodes whose string property `prop` equals `value` exactly, within
  // `label` (empty = any label). Indexed for id, name, metric, unit, kind,
  // period, type, publisher; other properties are scanned. An index is
  // built for one (label, prop) pair on its first use, not with the graph:
  // a query uses one or two, and building all of them was a third of
  // loading. Not safe for concurrent first use from several threads.
  std::vector<Vertex> FindByProperty(std::string_view label, std::string_view prop,
                                     std::string_view value) const;
  // Entity (and Metric/Document title) nodes whose name, id or an alias
  // matches `name` case-insensitively (ICU case folding). The folded-name
  // index is built on first use, like the property indexes.
  std::vector<Vertex> FindByName(std::string_view name) const;

  // Node label for an entity type ("government_body" -> "GovernmentBody").
  static std::string LabelForType(std::string_view type);

 private:
  // `index_key` false: not in by_key_ (figures are found by FindFigure).
  Vertex AddNode(std::string label, std::string key, Properties props, bool index_key = true);
  std::optional<Vertex> EntityNode(const std::string& id);  // made up if missing
  uint32_t Intern(std::string_view s);  // >= 1, also for ""
  const std::string& Pooled(uint32_t i) const { return pool_[i]; }
  PropertyValue FigureValue(const FigureRow& r, std::string_view key) const;
  PropertyValue DocumentValue(const NodeData& n, std::string_view key) const;
  std::optional<Vertex> FindFigure(std::string_view key) const;
  void IndexProperty(std::string_view label, std::string_view prop) const;
  void IndexNames() const;

  BoostGraph g_;
  std::vector<FigureRow> figures_;
  // Figure nodes by store id, so that "figure:<id>" needs no by_key_
  // entry (sorted by Finish; the store streams them in id order anyway).
  std::vector<std::pair<long long, Vertex>> figure_ids_;
  std::vector<DocumentRow> documents_;
  std::vector<std::string> sentences_;  // by figure row, unless sentence_source_
  SentenceSource sentence_source_;
  // The string pool: pool_[0] is unused (absent); deque, so the views in
  // pool_ids_ stay valid. pool_ids_ is only needed while building.
  std::deque<std::string> pool_{std::string()};
  std::unordered_map<std::string_view, uint32_t> pool_ids_;
  StringMap<std::vector<Vertex>> by_label_;
  StringMap<Vertex> by_key_;
  // Built lazily (see FindByProperty): the "label\x1fprop" pairs indexed so
  // far, and "label\x1fprop\x1fvalue" -> nodes.
  mutable std::unordered_set<std::string> indexed_props_;
  mutable StringMap<std::vector<Vertex>> by_prop_;
  mutable bool names_indexed_ = false;
  mutable StringMap<std::vector<Vertex>> by_folded_name_;
};

}  // namespace newsgraph
