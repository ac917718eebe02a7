// Entity extraction: lexicon hits, rules for unlisted names, resolution.
// Sentences are our own, not the corpus's.
#include "extract/entities.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "extract/normalize.h"
#include "extract/segmenter.h"
#include "tests/test_util.h"

namespace newsgraph {
namespace {

using test::DataDir;

Document MakeDoc(const std::string& raw) { return test::DocFromLines(raw); }

class EntitiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = EntityExtractor::Create(DataDir());
    ASSERT_TRUE(x.ok()) << x.status().message();
    extractor_ = std::move(x).value().release();
  }
  static void TearDownTestSuite() { delete extractor_; }

  std::vector<Entity> Run(const std::string& text) {
    Document d = MakeDoc(text);
    return extractor_->Extract(d, SplitSentences(d));
  }
  static const Entity* ById(const std::vector<Entity>& es, const std::string& id) {
    for (const Entity& e : es)
      if (e.id == id) return &e;
    return nullptr;
  }
  // The entity one of whose mentions is exactly `text`.
  static const Entity* ByMention(const std::vector<Entity>& es, const std::string& text) {
    for (const Entity& e : es)
      for (const Mention& m : e.mentions)
        if (m.text == text) return &e;
    return nullptr;
  }

  static EntityExtractor* extractor_;
};
EntityExtractor* EntitiesTest::extractor_ = nullptr;

TEST_F(EntitiesTest, LexiconHitsCarryOffsets) {
  std::string text = "Alcoa shipped bauxite from Weipa to Gladstone for Rio Tinto.";
  auto es = Run(text);
  const Entity* alcoa = ById(es, "company:alcoa");
  ASSERT_NE(alcoa, nullptr);
  ASSERT_EQ(alcoa->mentions.size(), 1u);
  EXPECT_EQ(alcoa->mentions[0].start, 0u);
  EXPECT_EQ(alcoa->mentions[0].end, 5u);
  const Entity* bauxite = ById(es, "commodity:bauxite");
  ASSERT_NE(bauxite, nullptr);
  EXPECT_EQ(text.substr(bauxite->mentions[0].start,
                        bauxite->mentions[0].end - bauxite->mentions[0].start),
            "bauxite");
  EXPECT_NE(ById(es, "region:weipa"), nullptr);
  EXPECT_NE(ById(es, "company:rio-tinto"), nullptr);
  EXPECT_EQ(es.front().id, "company:alcoa");  // order of first mention
}

TEST_F(EntitiesTest, CapitalisationOfAliasesIsHonoured) {
  auto es = Run("Hydro power and a vale of tears are not companies; Hydro and Vale are.");
  const Entity* hydro = ById(es, "company:norsk-hydro");
  ASSERT_NE(hydro, nullptr);
  EXPECT_EQ(hydro->mentions.size(), 2u);  // "Hydro power" at the start is capitalised too
  const Entity* vale = ById(es, "company:vale");
  ASSERT_NE(vale, nullptr);
  EXPECT_EQ(vale->mentions.size(), 1u);
}

TEST_F(EntitiesTest, RuleCompaniesNotInTheLexicon) {
  auto es = Run(
      "Shares of Qiaoming Aluminium and Dongfang Resources Co., Ltd. rose, while Huaxin "
      "Holdings and Tieling Steel & Aluminum fell.");
  EXPECT_NE(ById(es, "company:qiaoming-aluminium"), nullptr);
  const Entity* df = ById(es, "company:dongfang-resources");
  ASSERT_NE(df, nullptr);
  EXPECT_EQ(df->mentions[0].text, "Dongfang Resources Co., Ltd.");
  EXPECT_NE(ById(es, "company:huaxin-holdings"), nullptr);
  const Entity* tl = ByMention(es, "Tieling Steel & Aluminum");
  ASSERT_NE(tl, nullptr);
  EXPECT_EQ(tl->type, "company");
}

TEST_F(EntitiesTest, GenericCapitalisedPhrasesAreNotEntities) {
  auto es = Run(
      "Electrolytic Aluminium: Capped but Cleaner\n"
      "Key Policy Targets by 2027\n"
      "Advancing the Circular Economy for Recycled Aluminum\n"
      "Global Market Exhibits Robust Growth");
  for (const Entity& e : es)
    EXPECT_EQ(e.type, "commodity") << e.id << " from " << e.mentions[0].text;
}

TEST_F(EntitiesTest, HeadlineNamesNeedTheBodyText) {
  auto es = Run(
      "Qiaoming Aluminium Posts Record Profit, Eyes Overseas Resources\n"
      "Qiaoming Aluminium said on Monday that profit doubled.");
  const Entity* q = ById(es, "company:qiaoming-aluminium");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->mentions.size(), 2u);
  EXPECT_EQ(ByMention(es, "Eyes Overseas Resources"), nullptr);
}

TEST_F(EntitiesTest, RuleBodiesNestedBodiesAndTheAssociation) {
  auto es = Run(
      "The Raw Materials Department of the Hunan Provincial Development Commission said on "
      "Tuesday that the Jiangsu Nonferrous Metals Association agreed. Later the Association "
      "published a survey.");
  const Entity* dept = ByMention(
      es, "Raw Materials Department of the Hunan Provincial Development Commission");
  ASSERT_NE(dept, nullptr);
  EXPECT_EQ(dept->type, "government_body");
  const Entity* comm = ByMention(es, "Hunan Provincial Development Commission");
  ASSERT_NE(comm, nullptr);
  EXPECT_NE(comm->id, dept->id);
  const Entity* assoc = ByMention(es, "Jiangsu Nonferrous Metals Association");
  ASSERT_NE(assoc, nullptr);
  EXPECT_EQ(assoc->type, "organization");
  ASSERT_EQ(assoc->mentions.size(), 2u);
  EXPECT_EQ(assoc->mentions[1].text, "Association");
}

TEST_F(EntitiesTest, MinistryOfAndOrdinalsBeforeBodies) {
  auto es = Run(
      "The Ministry of Water Resources on Monday joined the 3rd Plenary Session of the 15th "
      "Provincial Party Committee.");
  const Entity* m = ByMention(es, "Ministry of Water Resources");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, "government_body");
  EXPECT_NE(ByMention(es, "Provincial Party Committee"), nullptr);
  EXPECT_EQ(ByMention(es, "3rd Plenary Session of the 15th Provincial Party Committee"), nullptr);
}

TEST_F(EntitiesTest, DefinedAcronymsResolveToTheirBody) {
  auto es = Run(
      "The Yunnan Metals Research Centre (YMRC) published new data.\n"
      "YMRC expects smelter output to rise.");
  const Entity* c = ByMention(es, "Yunnan Metals Research Centre");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->type, "organization");
  ASSERT_EQ(c->mentions.size(), 3u);  // name, "(YMRC)", "YMRC"
  EXPECT_EQ(c->mentions[2].text, "YMRC");
  // A parenthesis that does not spell the name is no alias.
  auto es2 = Run("The Yunnan Metals Research Centre (Kunming) met. Kunming is cold.");
  const Entity* k = ByMention(es2, "Kunming");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->id, "region:kunming");
}

TEST_F(EntitiesTest, SpellingVariantsGiveOneId) {
  auto a = Run("Qiaoming Aluminum raised aluminum output.");
  auto b = Run("Qiaoming Aluminium raised aluminium output.");
  ASSERT_NE(ByMention(a, "Qiaoming Aluminum"), nullptr);
  ASSERT_NE(ByMention(b, "Qiaoming Aluminium"), nullptr);
  EXPECT_EQ(ByMention(a, "Qiaoming Aluminum")->id, ByMention(b, "Qiaoming Aluminium")->id);
  EXPECT_EQ(ByMention(a, "aluminum")->id, "commodity:aluminium");
  EXPECT_EQ(ByMention(b, "aluminium")->id, "commodity:aluminium");
  auto c = Run("Output of electrolytic aluminum and red-mud both rose.");
  EXPECT_EQ(ByMention(c, "electrolytic aluminum")->id, "commodity:primary-aluminium");
  EXPECT_EQ(ByMention(c, "red-mud")->id, "commodity:red-mud");
}

TEST_F(EntitiesTest, PolicyTitlesCanonicaliseAcrossWordings) {
  auto a = Run(
      "The State Council released the Action Plan for the High-Quality Green Development of "
      "the Copper Industry (2026–2028) on Monday. The plan caps new smelters.");
  auto b = Run(
      "Under the Implementation Plan for High-quality Green Development of Copper Industry "
      "(2026-2028), smelters must cut emissions.");
  auto c = Run("China Issues 2026-2028 Copper Industry Action Plan\n"
               "The Action Plan (2026-2028) is the Copper Industry High-Quality Green Development "
               "Work Plan (2026-2028).");
  const Entity* pa = ById(a, "policy:copper-development-green-high-industry-quality-2026-2028");
  ASSERT_NE(pa, nullptr);
  EXPECT_EQ(pa->type, "policy");
  EXPECT_EQ(pa->mentions.back().text, "plan");  // "the plan"
  EXPECT_NE(ById(b, pa->id), nullptr);
  // The headline, the bare "Action Plan (2026-2028)" and the reordered title
  // all join the fullest title of their document.
  const Entity* pc = ById(c, pa->id);
  ASSERT_NE(pc, nullptr);
  EXPECT_EQ(pc->mentions.size(), 3u);
  for (const Entity& e : c)
    if (e.type == "policy") {
      EXPECT_EQ(e.id, pa->id);
    }
}

TEST_F(EntitiesTest, QuotedTitlesAfterACueArePolicies) {
  auto es = Run(
      "The commission issued the document \"Accelerating the Green Upgrading of Smelting "
      "Industries.\" Analysts called it \"a turning point\".");
  const Entity* p =
      ByMention(es, "Accelerating the Green Upgrading of Smelting Industries");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, "policy");
  EXPECT_EQ(ByMention(es, "a turning point"), nullptr);
}

TEST_F(EntitiesTest, DemonymsPersonsAndPlaces) {
  auto es = Run("Guinean bauxite reached Shandong Province, President Lula da Silva said.");
  const Entity* g = ByMention(es, "Guinean");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->id, "country:guinea");
  EXPECT_EQ(ByMention(es, "Shandong Province")->id, "region:shandong");
  const Entity* p = ByMention(es, "Lula");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, "person");
}

TEST_F(EntitiesTest, SpeakersNextToSaidArePersons) {
  auto es = Run(
      "\"Demand is weak,\" said Liu Mingyang, an analyst. Chen Hao said output rose. "
      "China Hongqiao said it agreed, and Huaxin Holdings said nothing.");
  const Entity* liu = ByMention(es, "Liu Mingyang");
  ASSERT_NE(liu, nullptr);
  EXPECT_EQ(liu->type, "person");
  ASSERT_NE(ByMention(es, "Chen Hao"), nullptr);
  EXPECT_EQ(ByMention(es, "Chen Hao")->type, "person");
  for (const Entity& e : es) EXPECT_NE(e.type == "person" ? e.mentions[0].text : "", "China Hongqiao");
  EXPECT_EQ(ByMention(es, "Huaxin Holdings")->type, "company");
}

TEST_F(EntitiesTest, PageChromeYieldsNothing) {
  auto es = Run(
      "Rusal raised output in Siberia.\n"
      "Data Source Statement: data processed by Metals Research Institute.\n"
      "For queries, please contact Lemon at lemon@example.com in Germany\n"
      "Related News\n"
      "Fed Governor Milan met Alcoa executives in Norway");
  EXPECT_NE(ById(es, "company:rusal"), nullptr);
  EXPECT_EQ(ById(es, "company:alcoa"), nullptr);
  EXPECT_EQ(ById(es, "country:norway"), nullptr);
  EXPECT_EQ(ById(es, "country:germany"), nullptr);
  EXPECT_EQ(ByMention(es, "Metals Research Institute"), nullptr);
}

TEST_F(EntitiesTest, TradeFairNamesAreNotPlaces) {
  auto es = Run("Visitors at ALUMINIUM Shanghai praised Shanghai's logistics.");
  const Entity* s = ById(es, "region:shanghai");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->mentions.size(), 1u);
}

TEST_F(EntitiesTest, CoordinationAndKnownNamesSplitRuleSpans) {
  auto es = Run(
      "The rules came from the Ministry of Commerce and the State Administration for Market "
      "Regulation. Zinc on the Dalian Commodity Exchange fell.");
  EXPECT_NE(ById(es, "government_body:mofcom"), nullptr);
  EXPECT_NE(ById(es, "government_body:samr"), nullptr);
  EXPECT_NE(ById(es, "organization:dce"), nullptr);
  for (const Entity& e : es) EXPECT_EQ(e.id.find("zinc-on"), std::string::npos) << e.id;
}

TEST_F(EntitiesTest, LexiconAliasWithOtherCapitalsAndGovernments) {
  auto es = Run(
      "Staff left Chalco for rivals. The Malaysian government and the central government "
      "both commented, and central government departments agreed.");
  EXPECT_NE(ByMention(es, "Chalco"), nullptr);
  const Entity* my = ByMention(es, "Malaysian government");
  ASSERT_NE(my, nullptr);
  EXPECT_EQ(my->type, "government_body");
  const Entity* cg = ById(es, "government_body:government-of-china");
  ASSERT_NE(cg, nullptr);
  EXPECT_EQ(cg->mentions.size(), 1u);
}

TEST_F(EntitiesTest, CompanySuffixesPrefixesAndShortForms) {
  auto es = Run(
      "Lanshui Aluminium Industry Co Ltd raised output. PT Sungai Bauksit Utama sold ore to "
      "Qiandong Metals. Lanshui said Sungai Bauksit Utama would expand, and Lanshui "
      "Aluminium agreed. Analysts at Beihai Futures and Zhongyi Consulting were upbeat.");
  const Entity* ls = ByMention(es, "Lanshui Aluminium Industry Co Ltd");
  ASSERT_NE(ls, nullptr);
  EXPECT_EQ(ls->type, "company");
  EXPECT_EQ(ByMention(es, "Lanshui"), ls);
  EXPECT_EQ(ByMention(es, "Lanshui Aluminium"), ls);
  const Entity* pt = ByMention(es, "PT Sungai Bauksit Utama");
  ASSERT_NE(pt, nullptr);
  EXPECT_EQ(ByMention(es, "Sungai Bauksit Utama"), pt);
  EXPECT_NE(ByMention(es, "Qiandong Metals"), nullptr);
  EXPECT_NE(ByMention(es, "Beihai Futures"), nullptr);
  EXPECT_NE(ByMention(es, "Zhongyi Consulting"), nullptr);
}

TEST_F(EntitiesTest, MetalsOnlyEndsACompanyName) {
  auto es = Run("Delegates met at the Asia Light Metals Forum in Ningbo.");
  for (const Entity& e : es) EXPECT_NE(e.type, "company") << e.id;
}

TEST_F(EntitiesTest, ProvincialBodiesAndPoliciesInAProvince) {
  auto es = Run(
      "The Gansu Provincial Department of Ecology and Environment and the Gansu Provincial "
      "Development and Reform Commission issued the Work Plan for Smelter Upgrading in Gansu "
      "Province (2026-2029).");
  const Entity* d = ByMention(es, "Gansu Provincial Department of Ecology and Environment");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->type, "government_body");
  EXPECT_NE(ByMention(es, "Gansu Provincial Development and Reform Commission"), nullptr);
  const Entity* p =
      ByMention(es, "Work Plan for Smelter Upgrading in Gansu Province (2026-2029)");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, "policy");
}

TEST_F(EntitiesTest, PublishersFromDatelinesBylinesAndMastheads) {
  auto es = Run(
      "Smelters Face Tighter Rules\n"
      "Pacific Commodity Weekly | Mar 3, 2026\n"
      "HANOI, March 2 (OreLine) - Output rose, an official told the Lakeside Observer.\n"
      "Copyright 2026 Pacific Commodity Weekly.");
  const Entity* w = ByMention(es, "Pacific Commodity Weekly");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->type, "organization");
  const Entity* o = ByMention(es, "OreLine");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->type, "organization");
  EXPECT_NE(ByMention(es, "Lakeside Observer"), nullptr);
  for (const Entity& e : es) EXPECT_EQ(e.id.find("copyright"), std::string::npos) << e.id;
}

TEST_F(EntitiesTest, LegalTailsOnlyWhereOneFollows) {
  // The legal tail is tried only where Co/Ltd/Limited/Inc/LLC/PLC/Corp may
  // follow the name: with and without one, the company is the same.
  auto es = Run(
      "Wenfeng Aluminium, Inc. raised output. Shares of Wenfeng Aluminium rose. "
      "Xinhe Metals Corp said prices fell.");
  const Entity* wf = ByMention(es, "Wenfeng Aluminium, Inc.");
  ASSERT_NE(wf, nullptr);
  EXPECT_EQ(wf, ByMention(es, "Wenfeng Aluminium"));
  EXPECT_NE(ByMention(es, "Xinhe Metals Corp"), nullptr);
}

TEST_F(EntitiesTest, CueWordsAtSentenceEdges) {
  // The speaker, anaphor and central-government passes start only from cue
  // tokens: a cue at the very start or end of a sentence is still handled.
  auto es = Run(
      "The Ministry of Commerce issued the 2025-2027 Aluminium Industry Action Plan. "
      "Zhang Wei said. The plan covers smelters, the central government said. "
      "Prices met the plan");
  EXPECT_NE(ByMention(es, "Zhang Wei"), nullptr);
  const Entity* gov = ById(es, "government_body:government-of-china");
  ASSERT_NE(gov, nullptr);
  EXPECT_EQ(gov->mentions[0].text, "central government");
  int plans = 0;
  for (const Entity& e : es)
    for (const Mention& m : e.mentions)
      if (m.text == "plan" || m.text == "Plan") ++plans;
  EXPECT_GE(plans, 2);
}

TEST_F(EntitiesTest, NameBeforeToldIsAPerson) {
  auto es = Run("\"Costs are falling,\" plant director Wang Lixin told reporters.");
  const Entity* p = ByMention(es, "Wang Lixin");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, "person");
}

}  // namespace
}  // namespace newsgraph
