// The direct writer must print the same bytes as the nlohmann DOM path.
#include "graph/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "graph/json.h"

namespace newsgraph {
namespace {

std::string Direct(const Extraction& x, bool with_text) {
  std::string out;
  AppendExtractionJson(x, with_text, &out);
  return out;
}

std::string ViaDom(const Extraction& x, bool with_text) {
  return ToJsonLine(ExtractionToJson(x, with_text));
}

Extraction Sample() {
  Extraction x;
  x.doc.id = "doc-1";
  x.doc.path = "corpus/a \"quoted\" name.txt";
  x.doc.title = "Title with \\ backslash and \t tab";
  x.doc.text = "Line one\nline two\r\n\x01 control, caf\xC3\xA9, \xE2\x80\x94 dash";
  x.doc.publisher = "SMM";
  Entity e;
  e.id = "miit";
  e.type = "government_body";
  e.name = "Ministry of Industry and Information Technology";
  e.aliases = {"MIIT", "工信部"};
  e.mentions = {{"MIIT", 10, 14}, {"the ministry", 40, 52}};
  x.entities.push_back(e);
  Entity bare;
  bare.id = "china";
  bare.type = "country";
  bare.name = "China";
  x.entities.push_back(bare);
  Figure f;
  f.text = "over 30%";
  f.sentence = "Over 30% of capacity \"shall\" meet the benchmark.";
  f.start = 0;
  f.end = 8;
  f.value = 30;
  f.unit = "%";
  f.qualifier = "gt";
  f.metric = "capacity-share";
  f.kind = "target";
  f.period = "2027";
  x.figures.push_back(f);
  Figure range = f;
  range.value = 0.1;
  range.value_max = 1e21;
  range.subject = "china";
  range.policy = "aluminium-plan-2025-2027";
  x.figures.push_back(range);
  Figure odd = f;
  odd.value = std::numeric_limits<double>::quiet_NaN();
  odd.value_max = -0.0;
  x.figures.push_back(odd);
  Figure tiny = f;
  tiny.value = 1.23456789e-7;
  tiny.value_max = 123456789012345678.0;
  x.figures.push_back(tiny);
  x.relations.push_back({"miit", "issued_by", "plan", "MIIT issued the plan.", 3, 24});
  return x;
}

TEST(JsonWriterTest, SameBytesAsTheDomPath) {
  Extraction x = Sample();
  EXPECT_EQ(Direct(x, false), ViaDom(x, false));
  EXPECT_EQ(Direct(x, true), ViaDom(x, true));
}

TEST(JsonWriterTest, EmptyExtraction) {
  Extraction x;
  EXPECT_EQ(Direct(x, false), ViaDom(x, false));
}

TEST(JsonWriterTest, InvalidUtf8IsReplacedLikeNlohmann) {
  Extraction x;
  x.doc.title = "cut \xE2\x80 here, lone \xC3, overlong \xC0\xAF, surrogate \xED\xA0\x80, end \xF4\x90\x80\x80";
  x.doc.id = std::string("nul\0byte", 8);
  EXPECT_EQ(Direct(x, false), ViaDom(x, false));
  EXPECT_NE(Direct(x, false).find("\\u0000"), std::string::npos);
}

TEST(JsonWriterTest, EscapesEveryControlCharacter) {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  std::string out;
  AppendJsonString(all, &out);
  EXPECT_EQ(out, nlohmann::json(all).dump());
}

}  // namespace
}  // namespace newsgraph
