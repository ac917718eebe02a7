#include "graph/property_graph.h"

#include <algorithm>
#include <charconv>
#include <mutex>
#include <set>
#include <unordered_set>

#include "extract/normalize.h"

namespace newsgraph {

namespace {

constexpr std::string_view kIndexedProps[] = {"id",     "name", "metric", "unit",
                                              "kind",   "period", "type", "publisher"};

// The by_prop_ key: "label\x1fprop\x1fvalue", written into `out`.
void AssignPropKey(std::string_view label, std::string_view prop, std::string_view value,
                   std::string* out) {
  out->clear();
  out->append(label).push_back('\x1f');
  out->append(prop).push_back('\x1f');
  out->append(value);
}

std::string PropKey(std::string_view label, std::string_view prop, std::string_view value) {
  std::string k;
  AssignPropKey(label, prop, value, &k);
  return k;
}

}  // namespace

void Properties::Set(std::string key, PropertyValue value) {
  if (!items_) items_ = std::make_unique<Items>();
  for (auto& [k, v] : *items_)
    if (k == key) {
      v = std::move(value);
      return;
    }
  items_->emplace_back(std::move(key), std::move(value));
}

void Properties::Reserve(size_t n) {
  if (!items_) items_ = std::make_unique<Items>();
  items_->reserve(n);
}

const PropertyValue* Properties::Get(std::string_view key) const {
  if (!items_) return nullptr;
  for (const auto& [k, v] : *items_)
    if (k == key) return &v;
  return nullptr;
}

const Properties::Items& Properties::items() const {
  static const Items kNone;
  return items_ ? *items_ : kNone;
}

std::string_view InternEdgeType(std::string_view type) {
  // Never freed: edges of graphs kept until exit point into it.
  static std::mutex mu;
  static auto* types = new std::set<std::string, std::less<>>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = types->find(type);
  if (it == types->end()) it = types->emplace(type).first;
  return *it;
}

std::string PropertyGraph::LabelForType(std::string_view type) {
  std::string out;
  bool upper = true;
  for (char c : type) {
    if (c == '_' || c == '-' || c == ' ') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  if (out == "Organisation") out = "Organization";
  return out.empty() ? "Entity" : out;
}

Vertex PropertyGraph::AddNode(std::string label, std::string key, Properties props,
                              bool index_key) {
  // add_vertex(property, g) would copy the properties (it takes them by
  // const reference); an empty vertex filled by moving does not.
  Vertex v = boost::add_vertex(g_);
  NodeData& n = g_[v];
  n.label = std::move(label);
  n.key = std::move(key);
  n.props = std::move(props);
  by_label_[n.label].push_back(v);
  if (index_key) by_key_.emplace(n.key, v);
  return v;
}

void PropertyGraph::IndexProperty(std::string_view label, std::string_view prop) const {
  std::string key;
  AssignPropKey(label, prop, "", &key);
  key.pop_back();  // "label\x1fprop"
  if (!indexed_props_.insert(key).second) return;
  // Nodes in vertex order, so every list reads as a scan would.
  PropertyValue scratch;
  for (Vertex v : NodesWithLabel(label)) {
    if (const PropertyValue* pv = NodeProperty(v, prop, &scratch))
      if (const auto* s = std::get_if<std::string>(pv)) {
        // Most values repeat (units, kinds, periods): find with a reused
        // buffer, allocate a key only for a new value.
        AssignPropKey(label, prop, *s, &key);
        auto it = by_prop_.find(key);
        if (it == by_prop_.end()) it = by_prop_.emplace(key, std::vector<Vertex>{}).first;
        it->second.push_back(v);
      }
  }
}

void PropertyGraph::IndexNames() const {
  if (names_indexed_) return;
  names_indexed_ = true;
  std::unordered_set<std::string> names;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g_))) {
    const NodeData& n = g_[v];
    if (n.label == "Figure") continue;
    names.clear();
    PropertyValue scratch;
    for (std::string_view prop : {"name", "id", "title"})
      if (const PropertyValue* pv = NodeProperty(v, prop, &scratch))
        if (const auto* s = std::get_if<std::string>(pv)) names.insert(FoldCase(*s));
    if (const PropertyValue* pv = n.props.Get("aliases"))
      if (const auto* list = std::get_if<std::vector<std::string>>(pv))
        for (const std::string& a : *list) names.insert(FoldCase(a));
    for (const std::string& name : names) by_folded_name_[name].push_back(v);
  }
}

const std::vector<Vertex>& PropertyGraph::NodesWithLabel(std::string_view label) const {
  static const std::vector<Vertex> kNone;
  auto it = by_label_.find(label);
  return it == by_label_.end() ? kNone : it->second;
}

std::optional<Vertex> PropertyGraph::FindByKey(std::string_view key) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return FindFigure(key);
  return it->second;
}

std::optional<Vertex> PropertyGraph::FindFigure(std::string_view key) const {
  constexpr std::string_view kPrefix = "figure:";
  if (key.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view digits = key.substr(kPrefix.size());
  long long id = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  // Only the key as written for the figure ("figure:7", not "figure:07").
  if (ec != std::errc() || end != digits.data() + digits.size() ||
      std::to_string(id) != digits)
    return std::nullopt;
  auto it = std::lower_bound(figure_ids_.begin(), figure_ids_.end(), std::make_pair(id, Vertex{0}));
  if (it == figure_ids_.end() || it->first != id) return std::nullopt;
  return it->second;
}

std::vector<Vertex> PropertyGraph::FindByProperty(std::string_view label, std::string_view prop,
                                                  std::string_view value) const {
  bool indexed = std::find(std::begin(kIndexedProps), std::end(kIndexedProps), prop) !=
                 std::end(kIndexedProps);
  std::vector<Vertex> out;
  // A figure's id is its key: by_key_ finds it.
  if (prop == "id" && label == "Figure") {
    if (auto v = FindByKey(value); v && g_[*v].label == "Figure") out.push_back(*v);
    return out;
  }
  if (indexed && !label.empty()) {
    IndexProperty(label, prop);
    auto it = by_prop_.find(PropKey(label, prop, value));
    if (it != by_prop_.end()) out = it->second;
    return out;
  }
  PropertyValue scratch;
  auto consider = [&](Vertex v) {
    if (const PropertyValue* pv = NodeProperty(v, prop, &scratch))
      if (const auto* s = std::get_if<std::string>(pv); s && *s == value) out.push_back(v);
  };
  if (!label.empty()) {
    for (Vertex v : NodesWithLabel(label)) consider(v);
  } else {
    for (Vertex v : boost::make_iterator_range(boost::vertices(g_))) consider(v);
  }
  return out;
}

std::vector<Vertex> PropertyGraph::FindByName(std::string_view name) const {
  IndexNames();
  auto it = by_folded_name_.find(FoldCase(name));
  return it == by_folded_name_.end() ? std::vector<Vertex>{} : it->second;
}

PropertyGraph PropertyGraph::Build(const GraphData& data) {
  GraphData copy = data;
  return Build(std::move(copy));
}

PropertyGraph PropertyGraph::Build(GraphData&& data) {
  PropertyGraph pg = Begin(data, data.figures.size());
  for (StoredFigure& sf : data.figures) pg.AddFigure(std::move(sf));
  std::vector<StoredFigure>().swap(data.figures);
  pg.Finish(data);
  return pg;
}

uint32_t PropertyGraph::Intern(std::string_view s) {
  auto it = pool_ids_.find(s);
  if (it != pool_ids_.end()) return it->second;
  pool_.emplace_back(s);
  auto id = static_cast<uint32_t>(pool_.size() - 1);
  pool_ids_.emplace(pool_.back(), id);
  return id;
}

std::optional<Vertex> PropertyGraph::EntityNode(const std::string& id) {
  // Entities referenced by facts but not in the entity table (should not
  // happen; kept so no edge is lost).
  if (id.empty()) return std::nullopt;
  if (auto v = FindByKey(id)) return v;
  std::string type = id.substr(0, id.find(':'));
  Properties p;
  p.Set("id", id);
  p.Set("name", id.substr(id.find(':') + 1));
  p.Set("type", type);
  return AddNode(LabelForType(type), id, std::move(p));
}

PropertyGraph PropertyGraph::Begin(GraphData& data, size_t figures_expected,
                                   SentenceSource sentences) {
  PropertyGraph pg;
  pg.sentence_source_ = std::move(sentences);
  const size_t nodes = data.documents.size() + data.entities.size() + figures_expected;
  const size_t keyed = data.documents.size() + data.entities.size();
  pg.by_key_.reserve(keyed + keyed / 8);
  // The vertex vector sized once: grown by doubling it was up to twice the
  // room, and both copies at once while it moved.
  pg.g_.m_vertices.reserve(nodes + nodes / 64);
  pg.figures_.reserve(figures_expected);
  pg.figure_ids_.reserve(figures_expected);
  pg.documents_.reserve(data.documents.size());
  if (!pg.sentence_source_) pg.sentences_.reserve(figures_expected);
  // Each part of `data` is freed once it is in the graph, so the peak holds
  // the graph and the figures, not the whole store twice.
  auto release = [](auto& v) { std::remove_reference_t<decltype(v)>().swap(v); };
  for (Document& d : data.documents) {
    DocumentRow r;
    r.title = std::move(d.title);
    r.path = std::move(d.path);
    r.url = d.url.empty() ? 0 : pg.Intern(d.url);
    r.publisher = d.publisher.empty() ? 0 : pg.Intern(d.publisher);
    r.published = d.published.empty() ? 0 : pg.Intern(d.published);
    r.format = pg.Intern(FormatName(d.format));
    pg.documents_.push_back(std::move(r));
    Vertex v = pg.AddNode("Document", std::move(d.id), Properties());
    pg.g_[v].row_kind = RowKind::kDocument;
    pg.g_[v].row = static_cast<uint32_t>(pg.documents_.size() - 1);
  }
  release(data.documents);
  for (Entity& e : data.entities) {
    Properties p;
    p.Reserve(4);
    std::string key = e.id;
    std::string label = LabelForType(e.type);
    p.Set("id", std::move(e.id));
    p.Set("name", std::move(e.name));
    p.Set("type", std::move(e.type));
    if (!e.aliases.empty()) p.Set("aliases", std::move(e.aliases));
    pg.AddNode(std::move(label), std::move(key), std::move(p));
  }
  release(data.entities);
  for (const auto& [doc_id, entity_id] : data.mentions) {
    auto d = pg.FindByKey(doc_id);
    auto e = pg.EntityNode(entity_id);
    if (d && e) boost::add_edge(*d, *e, EdgeData{"MENTIONS", {}}, pg.g_);
  }
  release(data.mentions);
  return pg;
}

void PropertyGraph::AddFigure(StoredFigure&& sf) {
  Figure& f = sf.figure;
  std::optional<Vertex> doc = FindByKey(sf.doc_id);
  std::optional<Vertex> subject = EntityNode(f.subject);
  std::optional<Vertex> policy = EntityNode(f.policy);
  if (f.kind != "target" && f.kind != "limit") policy.reset();
  FigureRow r;
  r.id = sf.id;
  r.value = f.value;
  r.has_value_max = f.value_max.has_value();
  r.value_max = f.value_max.value_or(0);
  r.unit = Intern(f.unit);
  r.qualifier = Intern(f.qualifier);
  r.period = f.period.empty() ? 0 : Intern(f.period);
  r.kind = Intern(f.kind);
  r.text = Intern(f.text);
  r.doc = Intern(sf.doc_id);
  r.metric = Intern(f.metric);
  r.subject = f.subject.empty() ? 0 : Intern(f.subject);
  r.policy = f.policy.empty() ? 0 : Intern(f.policy);
  figures_.push_back(r);
  if (!sentence_source_) sentences_.push_back(std::move(f.sentence));
  Vertex fv = AddNode("Figure", "figure:" + std::to_string(sf.id), Properties(),
                      /*index_key=*/false);
  g_[fv].row_kind = RowKind::kFigure;
  g_[fv].row = static_cast<uint32_t>(figures_.size() - 1);
  figure_ids_.emplace_back(sf.id, fv);
  if (doc) boost::add_edge(*doc, fv, EdgeData{"REPORTS", {}}, g_);
  std::string metric_key = "metric:" + f.metric;
  auto m = FindByKey(metric_key);
  if (!m) {
    Properties mp;
    mp.Set("id", f.metric);
    std::string name = f.metric;
    std::replace(name.begin(), name.end(), '-', ' ');
    mp.Set("name", name);
    m = AddNode("Metric", std::move(metric_key), std::move(mp));
  }
  boost::add_edge(fv, *m, EdgeData{"MEASURES", {}}, g_);
  if (subject) boost::add_edge(fv, *subject, EdgeData{"ABOUT", {}}, g_);
  if (policy) boost::add_edge(*policy, fv, EdgeData{"SETS", {}}, g_);
}

void PropertyGraph::Finish(GraphData& data) {
  if (!std::is_sorted(figure_ids_.begin(), figure_ids_.end()))
    std::sort(figure_ids_.begin(), figure_ids_.end());
  for (StoredRelation& sr : data.relations) {
    Relation& r = sr.relation;
    auto s = EntityNode(r.subject), o = EntityNode(r.object);
    if (!s || !o) continue;
    std::string type = r.predicate;
    for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EdgeData e{InternEdgeType(type), {}};
    e.props.Set("sentence", std::move(r.sentence));
    e.props.Set("doc", std::move(sr.doc_id));
    e.props.Set("start", static_cast<int64_t>(r.start));
    e.props.Set("end", static_cast<int64_t>(r.end));
    boost::add_edge(*s, *o, std::move(e), g_);
  }
  for (const StoredConflict& c : data.conflicts) {
    auto a = FindByKey("figure:" + std::to_string(c.figure_a));
    auto b = FindByKey("figure:" + std::to_string(c.figure_b));
    if (!a || !b) continue;
    EdgeData e{"CONFLICTS_WITH", {}};
    e.props.Set("severity", c.severity);
    e.props.Set("reason", c.reason);
    boost::add_edge(*a, *b, std::move(e), g_);
  }
  // The pool is complete: its lookup table is only for building.
  std::unordered_map<std::string_view, uint32_t>().swap(pool_ids_);
}

PropertyValue PropertyGraph::FigureValue(const FigureRow& r, std::string_view key) const {
  auto str = [this](uint32_t i) { return i ? PropertyValue(pool_[i]) : PropertyValue(); };
  if (key == "id") return std::string("figure:") + std::to_string(r.id);
  if (key == "value") return r.value;
  if (key == "value_max") return r.has_value_max ? PropertyValue(r.value_max) : PropertyValue();
  if (key == "unit") return str(r.unit);
  if (key == "qualifier") return str(r.qualifier);
  if (key == "period") return str(r.period);
  if (key == "kind") return str(r.kind);
  if (key == "text") return str(r.text);
  if (key == "doc") return str(r.doc);
  if (key == "metric") return str(r.metric);
  if (key == "subject") return str(r.subject);
  if (key == "policy") return str(r.policy);
  if (key == "sentence") {
    if (!sentence_source_) return sentences_[static_cast<size_t>(&r - figures_.data())];
    std::optional<std::string> s = sentence_source_(r.id);
    return s ? PropertyValue(std::move(*s)) : PropertyValue();
  }
  return PropertyValue();
}

PropertyValue PropertyGraph::DocumentValue(const NodeData& n, std::string_view key) const {
  const DocumentRow& r = documents_[n.row];
  auto str = [this](uint32_t i) { return i ? PropertyValue(pool_[i]) : PropertyValue(); };
  auto own = [](const std::string& s) { return s.empty() ? PropertyValue() : PropertyValue(s); };
  if (key == "id") return n.key;
  if (key == "title") return own(r.title);
  if (key == "url") return str(r.url);
  if (key == "publisher") return str(r.publisher);
  if (key == "published") return str(r.published);
  if (key == "path") return own(r.path);
  if (key == "format") return str(r.format);
  return PropertyValue();
}

const PropertyValue* PropertyGraph::NodeProperty(Vertex v, std::string_view key,
                                                 PropertyValue* scratch) const {
  const NodeData& n = g_[v];
  switch (n.row_kind) {
    case RowKind::kNone: return n.props.Get(key);
    case RowKind::kFigure: *scratch = FigureValue(figures_[n.row], key); break;
    case RowKind::kDocument: *scratch = DocumentValue(n, key); break;
  }
  return std::holds_alternative<std::monostate>(*scratch) ? nullptr : scratch;
}

std::vector<std::pair<std::string, PropertyValue>> PropertyGraph::NodeProperties(Vertex v) const {
  const NodeData& n = g_[v];
  std::vector<std::pair<std::string, PropertyValue>> out;
  if (n.row_kind == RowKind::kFigure) {
    for (const char* key : {"id", "value", "value_max", "unit", "qualifier", "period", "kind",
                            "text", "sentence", "doc", "metric", "subject", "policy"}) {
      PropertyValue p = FigureValue(figures_[n.row], key);
      if (!std::holds_alternative<std::monostate>(p)) out.emplace_back(key, std::move(p));
    }
  } else if (n.row_kind == RowKind::kDocument) {
    for (const char* key : {"id", "title", "url", "publisher", "published", "path", "format"}) {
      PropertyValue p = DocumentValue(n, key);
      if (!std::holds_alternative<std::monostate>(p)) out.emplace_back(key, std::move(p));
    }
  } else {
    out = n.props.items();
  }
  return out;
}

}  // namespace newsgraph
