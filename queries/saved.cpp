#include "queries/saved.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/normalize.h"
#include "graph/store.h"

namespace newsgraph::query {

std::string QueriesDir() {
  if (const char* env = std::getenv("NEWSGRAPH_QUERIES"); env && *env) return env;
  return NEWSGRAPH_SOURCE_QUERIES_DIR;
}

Result<std::string> LoadSavedQuery(std::string_view name) {
  std::string path = QueriesDir() + "/" + std::string(name) + ".cypher";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot read the saved query (set $NEWSGRAPH_QUERIES "
                                       "to the folder holding the .cypher files)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<std::unique_ptr<PropertyGraph>> LoadGraph(const std::string& db_path,
                                                 bool figure_sentences) {
  auto opened = Store::Open(db_path, /*read_only=*/true);
  if (!opened.ok()) return opened.status();
  std::shared_ptr<Store> store = std::move(*opened);
  auto counts = store->CountAll();
  if (!counts.ok()) return counts.status();
  Store::LoadOptions rest;
  rest.figures = false;
  auto data = store->Load(rest);
  if (!data.ok()) return data.status();
  SentenceSource sentences;
  if (!figure_sentences)
    sentences = [store](long long id) -> std::optional<std::string> {
      auto s = store->FigureSentence(id);
      if (!s.ok()) return std::nullopt;
      return std::move(*s);
    };
  // Direct initialisation from the prvalue: no copy of the graph.
  auto graph = std::unique_ptr<PropertyGraph>(new PropertyGraph(PropertyGraph::Begin(
      *data, static_cast<size_t>(counts->figures), std::move(sentences))));
  Store::LoadOptions figures;
  figures.documents = figures.entities = figures.mentions = figures.relations = false;
  figures.conflicts = false;
  figures.figure_sentences = figure_sentences;
  figures.each_figure = [&graph](StoredFigure&& f) { graph->AddFigure(std::move(f)); };
  auto streamed = store->Load(figures);
  if (!streamed.ok()) return streamed.status();
  graph->Finish(*data);
  return graph;
}

namespace {
Value FromJson(const nlohmann::json& j) {
  if (j.is_null()) return Value();
  if (j.is_boolean()) return Value(j.get<bool>());
  if (j.is_number_integer()) return Value(j.get<int64_t>());
  if (j.is_number()) return Value(j.get<double>());
  if (j.is_string()) return Value(j.get<std::string>());
  if (j.is_array()) {
    ValueList l;
    for (const auto& e : j) l.push_back(FromJson(e));
    return Value(std::move(l));
  }
  ValueMap m;
  for (auto it = j.begin(); it != j.end(); ++it) m.emplace_back(it.key(), FromJson(it.value()));
  return Value(std::move(m));
}
}  // namespace

Value ParseParamValue(std::string_view text) {
  std::string s(text);
  if (s == "null") return Value();
  if (s == "true") return Value(true);
  if (s == "false") return Value(false);
  if (!s.empty()) {
    char* end = nullptr;
    errno = 0;
    long long i = std::strtoll(s.c_str(), &end, 10);
    if (*end == '\0' && errno == 0 && !std::isspace(static_cast<unsigned char>(s[0])))
      return Value(static_cast<int64_t>(i));
    double d = std::strtod(s.c_str(), &end);
    if (*end == '\0' && !std::isspace(static_cast<unsigned char>(s[0])) &&
        s.find_first_of("xXnN") == std::string::npos)  // not hex, inf, nan
      return Value(d);
    if (s.front() == '[' || s.front() == '{') {
      auto j = nlohmann::json::parse(s, nullptr, /*allow_exceptions=*/false);
      if (!j.is_discarded()) return FromJson(j);
    }
  }
  return Value(s);
}

NameMatches FindNodesByName(const PropertyGraph& g, std::string_view name,
                            const std::vector<std::string>& labels) {
  auto wanted = [&](Vertex v) {
    const std::string& l = g.node(v).label;
    if (l == "Figure") return false;
    return labels.empty() || std::find(labels.begin(), labels.end(), l) != labels.end();
  };
  NameMatches out;
  for (Vertex v : g.FindByName(name))
    if (wanted(v)) out.nodes.push_back(v);
  if (!out.nodes.empty()) {
    out.exact = true;
    std::sort(out.nodes.begin(), out.nodes.end());
    out.nodes.erase(std::unique(out.nodes.begin(), out.nodes.end()), out.nodes.end());
    return out;
  }
  std::string folded = FoldCase(name);
  if (folded.empty()) return out;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    if (!wanted(v)) continue;
    bool hit = false;
    PropertyValue scratch;
    for (std::string_view prop : {"name", "id", "title"})
      if (const PropertyValue* p = g.NodeProperty(v, prop, &scratch))
        if (const auto* s = std::get_if<std::string>(p))
          hit = hit || FoldCase(*s).find(folded) != std::string::npos;
    if (const PropertyValue* p = g.NodeProperty(v, "aliases", &scratch))
      if (const auto* list = std::get_if<std::vector<std::string>>(p))
        for (const std::string& a : *list) hit = hit || FoldCase(a).find(folded) != std::string::npos;
    if (hit) out.nodes.push_back(v);
  }
  return out;
}

std::string DescribeCandidates(const PropertyGraph& g, const std::vector<Vertex>& nodes,
                               size_t max) {
  std::string out;
  for (size_t i = 0; i < nodes.size() && i < max; ++i) {
    const NodeData& n = g.node(nodes[i]);
    std::string name;
    PropertyValue scratch;
    for (std::string_view prop : {"name", "title"})
      if (const PropertyValue* p = g.NodeProperty(nodes[i], prop, &scratch))
        if (const auto* s = std::get_if<std::string>(p)) {
          name = *s;
          break;
        }
    std::string id = n.key;
    if (const PropertyValue* p = g.NodeProperty(nodes[i], "id", &scratch))
      if (const auto* s = std::get_if<std::string>(p)) id = *s;
    out += "  " + id + " (" + n.label + ")" + (name.empty() ? "" : " " + name) + "\n";
  }
  if (nodes.size() > max) out += "  ... and " + std::to_string(nodes.size() - max) + " more\n";
  return out;
}

}  // namespace newsgraph::query
