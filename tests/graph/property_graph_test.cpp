#include "graph/property_graph.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

GraphData Sample() {
  GraphData g;
  Document d;
  d.id = "doc-1";
  d.title = "Plan";
  d.published = "2025-03-28";
  g.documents.push_back(d);
  g.entities.push_back({"policy:plan", "policy", "Aluminium Plan", {"the plan"}, {}});
  g.entities.push_back({"government_body:miit", "government_body", "Ministry of Industry and "
                        "Information Technology", {"MIIT"}, {}});
  g.mentions = {{"doc-1", "policy:plan"}, {"doc-1", "government_body:miit"}};
  StoredFigure f;
  f.id = 7;
  f.doc_id = "doc-1";
  f.figure.value = 15e6;
  f.figure.unit = "t";
  f.figure.qualifier = "gt";
  f.figure.metric = "recycled-aluminium-production";
  f.figure.kind = "target";
  f.figure.policy = "policy:plan";
  f.figure.subject = "country:china";  // not in the entity table: still linked
  g.figures.push_back(f);
  StoredRelation r;
  r.doc_id = "doc-1";
  r.relation = {"policy:plan", "issued_by", "government_body:miit", "MIIT released the plan.", 0, 23};
  g.relations.push_back(r);
  return g;
}

int CountEdges(const PropertyGraph& pg, const std::string& type) {
  int n = 0;
  for (auto e : boost::make_iterator_range(boost::edges(pg.graph()))) n += pg.edge(e).type == type;
  return n;
}

TEST(PropertyGraph, BuildsLabelsAndEdges) {
  PropertyGraph pg = PropertyGraph::Build(Sample());
  EXPECT_EQ(pg.NodesWithLabel("Document").size(), 1u);
  EXPECT_EQ(pg.NodesWithLabel("GovernmentBody").size(), 1u);
  EXPECT_EQ(pg.NodesWithLabel("Figure").size(), 1u);
  EXPECT_EQ(pg.NodesWithLabel("Metric").size(), 1u);
  EXPECT_EQ(pg.NodesWithLabel("Country").size(), 1u);
  EXPECT_EQ(CountEdges(pg, "MENTIONS"), 2);
  EXPECT_EQ(CountEdges(pg, "REPORTS"), 1);
  EXPECT_EQ(CountEdges(pg, "MEASURES"), 1);
  EXPECT_EQ(CountEdges(pg, "ABOUT"), 1);
  EXPECT_EQ(CountEdges(pg, "SETS"), 1);
  EXPECT_EQ(CountEdges(pg, "ISSUED_BY"), 1);
}

TEST(PropertyGraph, IndexesFindNodes) {
  PropertyGraph pg = PropertyGraph::Build(Sample());
  ASSERT_EQ(pg.FindByName("miit").size(), 1u);
  EXPECT_EQ(pg.node(pg.FindByName("MIIT")[0]).key, "government_body:miit");
  EXPECT_EQ(pg.FindByProperty("Figure", "metric", "recycled-aluminium-production").size(), 1u);
  EXPECT_TRUE(pg.FindByProperty("Figure", "metric", "nothing").empty());
  ASSERT_TRUE(pg.FindByKey("figure:7").has_value());
  PropertyValue scratch;
  const PropertyValue* v = pg.NodeProperty(*pg.FindByKey("figure:7"), "value", &scratch);
  ASSERT_NE(v, nullptr);
  EXPECT_DOUBLE_EQ(std::get<double>(*v), 15e6);
  EXPECT_EQ(PropertyGraph::LabelForType("government_body"), "GovernmentBody");
  EXPECT_EQ(PropertyGraph::LabelForType("organisation"), "Organization");
}

// The property indexes are built on first use: every lookup, first or
// repeated, in any order of labels, must give what a scan in vertex order
// gives.
TEST(PropertyGraph, LazyIndexesAgreeWithAScan) {
  GraphData data = Sample();
  for (int i = 0; i < 40; ++i) {
    StoredFigure f = data.figures[0];
    f.id = 100 + i;
    f.figure.unit = i % 3 == 0 ? "t" : "pct";
    f.figure.kind = i % 2 == 0 ? "actual" : "target";
    data.figures.push_back(f);
  }
  PropertyGraph pg = PropertyGraph::Build(std::move(data));
  auto scan = [&pg](std::string_view label, std::string_view prop, std::string_view value) {
    std::vector<Vertex> out;
    PropertyValue scratch;
    for (Vertex v : pg.NodesWithLabel(label))
      if (const PropertyValue* pv = pg.NodeProperty(v, prop, &scratch))
        if (const auto* s = std::get_if<std::string>(pv); s && *s == value) out.push_back(v);
    return out;
  };
  for (int round = 0; round < 2; ++round) {
    for (const char* unit : {"t", "pct", "usd"})
      EXPECT_EQ(pg.FindByProperty("Figure", "unit", unit), scan("Figure", "unit", unit)) << unit;
    EXPECT_EQ(pg.FindByProperty("Figure", "kind", "target").size(), 21u);
    EXPECT_EQ(pg.FindByProperty("Figure", "kind", "target"), scan("Figure", "kind", "target"));
    EXPECT_EQ(pg.FindByProperty("Document", "id", "doc-1"), scan("Document", "id", "doc-1"));
    EXPECT_EQ(pg.FindByProperty("Policy", "name", "Aluminium Plan").size(), 1u);
    EXPECT_TRUE(pg.FindByProperty("Policy", "unit", "t").empty());
    EXPECT_EQ(pg.FindByName("the plan").size(), 1u);
    EXPECT_EQ(pg.FindByName("Plan").size(), 1u);  // the document's title
  }
}

// A figure's properties come from its columns in the order they were set;
// built in steps with a sentence source, the sentence is read only when
// asked for, and everything else is what Build gives.
TEST(PropertyGraph, FigureColumnsAndSentencesOnDemand) {
  GraphData data = Sample();
  data.figures[0].figure.text = "over 15 million tonnes";
  data.figures[0].figure.sentence = "The plan sets over 15 million tonnes.";
  data.figures[0].figure.period = "2027";
  PropertyGraph eager = PropertyGraph::Build(GraphData(data));
  Vertex fe = *eager.FindByKey("figure:7");
  std::vector<std::string> keys;
  for (const auto& [k, v] : eager.NodeProperties(fe)) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "value", "unit", "qualifier", "period", "kind",
                                            "text", "sentence", "doc", "metric", "subject",
                                            "policy"}));
  EXPECT_TRUE(eager.node(fe).props.items().empty());

  int reads = 0;
  GraphData rest = data;
  std::vector<StoredFigure> figures = std::move(rest.figures);
  rest.figures.clear();
  for (StoredFigure& f : figures) f.figure.sentence.clear();  // as loaded without sentences
  PropertyGraph lazy = PropertyGraph::Begin(rest, figures.size(), [&reads](long long id) {
    ++reads;
    return id == 7 ? std::optional<std::string>("The plan sets over 15 million tonnes.")
                   : std::nullopt;
  });
  for (StoredFigure& f : figures) lazy.AddFigure(std::move(f));
  lazy.Finish(rest);
  Vertex fl = *lazy.FindByKey("figure:7");
  EXPECT_EQ(lazy.node_count(), eager.node_count());
  EXPECT_EQ(lazy.edge_count(), eager.edge_count());
  PropertyValue scratch;
  const PropertyValue* text = lazy.NodeProperty(fl, "text", &scratch);
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(std::get<std::string>(*text), "over 15 million tonnes");
  EXPECT_EQ(lazy.NodeProperty(fl, "value_max", &scratch), nullptr);
  EXPECT_EQ(reads, 0);
  const PropertyValue* sentence = lazy.NodeProperty(fl, "sentence", &scratch);
  ASSERT_NE(sentence, nullptr);
  EXPECT_EQ(std::get<std::string>(*sentence), "The plan sets over 15 million tonnes.");
  EXPECT_EQ(reads, 1);
  EXPECT_EQ(lazy.NodeProperties(fl), eager.NodeProperties(fe));
  EXPECT_EQ(lazy.FindByProperty("Figure", "period", "2027").size(), 1u);
}

}  // namespace
}  // namespace newsgraph
