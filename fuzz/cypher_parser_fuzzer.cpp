// libFuzzer target: the openCypher lexer, parser, planner and executor. Any
// query text either runs on a small graph or fails with an error; nothing
// may crash, leak or hang (the executor's hop and row limits apply).
#include <cstdint>
#include <string_view>

#include "graph/property_graph.h"
#include "queries/executor.h"
#include "queries/parser.h"

namespace {

const newsgraph::PropertyGraph& SmallGraph() {
  static const newsgraph::PropertyGraph* g = [] {
    using namespace newsgraph;
    GraphData d;
    Document doc;
    doc.id = "doc-1";
    doc.title = "Plan";
    doc.published = "2025-03-28";
    d.documents.push_back(doc);
    for (auto [id, type, name] : {std::tuple{"policy:p", "policy", "Plan"},
                                  std::tuple{"government_body:miit", "government_body", "MIIT"},
                                  std::tuple{"company:c", "company", "Hydro"},
                                  std::tuple{"country:china", "country", "China"}}) {
      Entity e;
      e.id = id, e.type = type, e.name = name;
      d.entities.push_back(e);
      d.mentions.push_back({"doc-1", id});
    }
    StoredFigure f;
    f.id = 1, f.doc_id = "doc-1";
    f.figure.value = 15e6, f.figure.unit = "t", f.figure.metric = "output", f.figure.kind = "target";
    f.figure.qualifier = "gt", f.figure.policy = "policy:p", f.figure.subject = "country:china";
    d.figures.push_back(f);
    StoredRelation r;
    r.id = 1, r.doc_id = "doc-1";
    r.relation = {"policy:p", "issued_by", "government_body:miit", "s", 0, 1};
    d.relations.push_back(r);
    r.relation = {"company:c", "operates_in", "country:china", "s", 0, 1};
    d.relations.push_back(r);
    return new PropertyGraph(PropertyGraph::Build(d));
  }();
  return *g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = newsgraph::query::Parse(text);
  if (!parsed.ok()) return 0;
  (void)newsgraph::query::RunQuery(text, SmallGraph());
  return 0;
}
