// Relation extraction over extracted entities. Sentences are our own.
#include "extract/relations.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "extract/entities.h"
#include "extract/normalize.h"
#include "extract/segmenter.h"
#include "tests/test_util.h"

namespace newsgraph {
namespace {

using test::DataDir;

Document MakeDoc(const std::string& raw) { return test::DocFromLines(raw); }

using Triple = std::tuple<std::string, std::string, std::string>;

class RelationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = EntityExtractor::Create(DataDir());
    ASSERT_TRUE(e.ok()) << e.status().message();
    entities_ = std::move(e).value().release();
    auto r = RelationExtractor::Create(DataDir());
    ASSERT_TRUE(r.ok()) << r.status().message();
    relations_ = std::move(r).value().release();
  }
  static void TearDownTestSuite() {
    delete entities_;
    delete relations_;
  }

  std::vector<Relation> Run(const std::string& raw) {
    doc_ = MakeDoc(raw);
    auto sentences = SplitSentences(doc_);
    ents_ = entities_->Extract(doc_, sentences);
    return relations_->Extract(doc_, sentences, ents_);
  }
  // Triples with entity ids replaced by the first mention's text.
  std::set<Triple> Named(const std::vector<Relation>& rels) const {
    std::set<Triple> out;
    auto name = [this](const std::string& id) {
      for (const Entity& e : ents_)
        if (e.id == id) return e.mentions.front().text;
      return id;
    };
    for (const Relation& r : rels) out.insert({name(r.subject), r.predicate, name(r.object)});
    return out;
  }

  Document doc_;
  std::vector<Entity> ents_;
  static EntityExtractor* entities_;
  static RelationExtractor* relations_;
};
EntityExtractor* RelationsTest::entities_ = nullptr;
RelationExtractor* RelationsTest::relations_ = nullptr;

TEST_F(RelationsTest, IssuedByActiveKeepsSentenceAndOffsets) {
  std::string text =
      "Prices rose.\n"
      "The Ministry of Commerce (MOFCOM), together with four other departments, released the "
      "Notice on Regulating Scrap Copper Imports.";
  auto rels = Run(text);
  const Relation* hit = nullptr;
  for (const Relation& r : rels)
    if (r.predicate == "issued_by" && r.object == "government_body:mofcom") hit = &r;
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->subject.rfind("policy:", 0), 0u);
  EXPECT_EQ(hit->start, 13u);
  EXPECT_EQ(hit->end, doc_.text.size());
  EXPECT_EQ(hit->sentence, doc_.text.substr(13));
}

TEST_F(RelationsTest, IssuedByPassiveNamesEveryBody) {
  auto rels = Named(Run(
      "The Work Plan for Copper Smelting Upgrades (2026-2028) was issued by the National Energy "
      "Administration and the Ministry of Natural Resources."));
  std::string plan = "Work Plan for Copper Smelting Upgrades (2026-2028)";
  EXPECT_TRUE(rels.count({plan, "issued_by", "National Energy Administration"}));
  EXPECT_TRUE(rels.count({plan, "issued_by", "Ministry of Natural Resources"}));
}

TEST_F(RelationsTest, IssuedByResolvesThePlan) {
  auto rels = Named(Run(
      "China's Green Smelting Action Plan (2026-2028) sets caps.\n"
      "The State Council issued the plan in May."));
  EXPECT_TRUE(
      rels.count({"Green Smelting Action Plan (2026-2028)", "issued_by", "State Council"}));
}

TEST_F(RelationsTest, InvestsInEveryListedPlace) {
  auto rels = Named(Run(
      "Chinalco, East Hope Group and Qiaoming Aluminium are investing in Guinea, Ghana and "
      "Malaysia, officials said."));
  for (const char* c : {"Chinalco", "East Hope Group", "Qiaoming Aluminium"})
    for (const char* p : {"Guinea", "Ghana", "Malaysia"})
      EXPECT_TRUE(rels.count({c, "invests_in", p})) << c << " -> " << p;
}

TEST_F(RelationsTest, InvestsInACompanyThatIsLocatedSomewhere) {
  auto rels = Named(Run("Rusal has taken a stake in Taishan Aluminium in Shandong."));
  EXPECT_TRUE(rels.count({"Rusal", "invests_in", "Taishan Aluminium"}));
  EXPECT_TRUE(rels.count({"Taishan Aluminium", "located_in", "Shandong"}));
  EXPECT_FALSE(rels.count({"Rusal", "invests_in", "Shandong"}));
}

TEST_F(RelationsTest, OperatesInPlantsAndPossessiveFacilities) {
  auto rels = Named(Run(
      "Alcoa operates two smelters in Quebec and Western Australia; Trimet runs a plant in "
      "Hamburg.\nLater, Hydro's Karmøy pilot plant started."));
  EXPECT_TRUE(rels.count({"Alcoa", "operates_in", "Quebec"}));
  EXPECT_TRUE(rels.count({"Alcoa", "operates_in", "Western Australia"}));
  EXPECT_FALSE(rels.count({"Trimet", "operates_in", "Quebec"}));
  EXPECT_TRUE(rels.count({"Hydro", "operates_in", "Karmøy"}));
}

TEST_F(RelationsTest, AcquiredAndDemonymLocation) {
  auto rels = Named(Run(
      "In 2019, Press Metal acquired the rolling mills of Danish group Nordkap Holdings."));
  EXPECT_TRUE(rels.count({"Press Metal", "acquired", "Nordkap Holdings"}));
  EXPECT_TRUE(rels.count({"Nordkap Holdings", "located_in", "Danish"}));
}

// The gold annotates buying a stake in a company as acquired.
TEST_F(RelationsTest, AStakeInACompanyIsAcquired) {
  auto rels = Named(Run("Glencore acquired a 20% stake in Century Aluminum last year."));
  EXPECT_TRUE(rels.count({"Glencore", "acquired", "Century Aluminum"}));
}

TEST_F(RelationsTest, IssuedByEveryCoIssuerAfterReleasedWith) {
  auto rels = Named(Run(
      "The Ministry of Commerce issued the Scrap Metal Import Work Plan (2026-2028). "
      "The plan was jointly released with the General Administration of Customs, the "
      "National Energy Administration and the Ministry of Finance."));
  EXPECT_TRUE(rels.count({"Scrap Metal Import Work Plan (2026-2028)", "issued_by",
                          "General Administration of Customs"}));
  EXPECT_TRUE(rels.count({"Scrap Metal Import Work Plan (2026-2028)", "issued_by",
                          "National Energy Administration"}));
  EXPECT_TRUE(rels.count({"Scrap Metal Import Work Plan (2026-2028)", "issued_by",
                          "Ministry of Finance"}));
}

TEST_F(RelationsTest, IssuedOnADayByBodiesAfterAPlan) {
  auto rels = Named(Run(
      "Hunan will cap smelting under a plan issued on Friday by the Hunan Provincial "
      "Development and Reform Commission. The Smelter Relocation Work Plan (2026-2030) takes "
      "effect in May."));
  EXPECT_TRUE(rels.count({"plan", "issued_by", "Hunan Provincial Development and Reform Commission"}) ||
              rels.count({"Smelter Relocation Work Plan (2026-2030)", "issued_by",
                          "Hunan Provincial Development and Reform Commission"}));
}

TEST_F(RelationsTest, PronounSubjectIsTheLastCompany) {
  auto rels = Named(Run(
      "Lanshui Aluminium Group reported results on Friday. "
      "Last year it bought the Hechi smelter from Qiandong Metals for 1.1 billion yuan."));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "acquired", "Qiandong Metals"}));
}

// The cue search is skipped in sentences whose mentions no cue can join;
// a sentence naming only a place still joins it to a company named before.
TEST_F(RelationsTest, PronounSubjectWithOnlyAPlaceInTheSentence) {
  auto rels = Named(Run(
      "Lanshui Aluminium Group reported results on Friday. "
      "It operates two smelters in Qinghai."));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "operates_in", "Qinghai"}));
  // No company before: "it" has nobody to stand for.
  EXPECT_TRUE(Named(Run("Output rose. It operates two smelters in Qinghai.")).empty());
}

TEST_F(RelationsTest, OperatesInWithFacilitiesAndListedFacilityClauses) {
  auto rels = Named(Run(
      "Lanshui Aluminium Group, a Henan-based smelter with plants in Henan and Gansu, grew. "
      "Lanshui Aluminium Group runs smelters in Qinghai and an alumina refinery in Shanxi."));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "located_in", "Henan"}));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "operates_in", "Henan"}));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "operates_in", "Gansu"}));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "operates_in", "Qinghai"}));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "operates_in", "Shanxi"}));
}

TEST_F(RelationsTest, LocatedInAppositives) {
  auto rels = Named(Run(
      "Qiandong Metals, one of Vietnam's biggest recyclers, expanded. "
      "Sungai Bauksit Group, a bauxite miner based in Qingdao, also grew. "
      "Smelters in Henan ran hard, and Henan Lanshui Aluminium raised output."));
  EXPECT_TRUE(rels.count({"Qiandong Metals", "located_in", "Vietnam"}));
  EXPECT_TRUE(rels.count({"Sungai Bauksit Group", "located_in", "Qingdao"}));
  EXPECT_TRUE(rels.count({"Henan Lanshui Aluminium", "located_in", "Henan"}));
}

TEST_F(RelationsTest, InvestsInWithAnAmount) {
  auto rels = Named(Run(
      "Lanshui Aluminium Group will invest 800 million dollars in a bauxite mine in Guinea's "
      "Boke region."));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "invests_in", "Guinea"}));
  EXPECT_TRUE(rels.count({"Lanshui Aluminium Group", "invests_in", "Boke"}));
}

TEST_F(RelationsTest, LocatedInFromGazetteerAndLexicon) {
  auto rels = Named(Run(
      "Smelters in Baise and Guangxi expanded, China's customs data show.\n"
      "Norway's Norsk Hydro reported results."));
  EXPECT_TRUE(rels.count({"Baise", "located_in", "Guangxi"}));
  EXPECT_TRUE(rels.count({"Baise", "located_in", "China"}));
  EXPECT_TRUE(rels.count({"Guangxi", "located_in", "China"}));
  EXPECT_TRUE(rels.count({"Norsk Hydro", "located_in", "Norway"}));
  // Places not mentioned get no relation.
  for (const auto& [s, p, o] : rels) EXPECT_NE(o, "region:jiangsu");
}

TEST_F(RelationsTest, NoDuplicateTriples) {
  auto rels = Run(
      "Novelis operates plants in Changzhou. Novelis operates plants in Changzhou.");
  std::set<Triple> seen;
  for (const Relation& r : rels)
    EXPECT_TRUE(seen.insert({r.subject, r.predicate, r.object}).second) << r.subject;
  EXPECT_TRUE(seen.count({"company:novelis", "operates_in", "region:changzhou"}));
}

TEST_F(RelationsTest, ChromeGivesNoRelations) {
  auto rels = Run("Prices rose.\nRelated News\nNovelis operates plants in Changzhou.");
  EXPECT_TRUE(rels.empty());
}

}  // namespace
}  // namespace newsgraph
