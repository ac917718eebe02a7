#include "graph/json.h"

namespace newsgraph {

using nlohmann::json;

namespace {
json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
}  // namespace

json DocumentToJson(const Document& d, bool with_text) {
  json j = {{"id", d.id},
            {"path", d.path},
            {"format", FormatName(d.format)},
            {"title", d.title},
            {"url", OrNull(d.url)},
            {"publisher", OrNull(d.publisher)},
            {"published", OrNull(d.published)}};
  if (with_text) j["text"] = d.text;
  return j;
}

json FigureToJson(const Figure& f) {
  return json{{"text", f.text},
              {"sentence", f.sentence},
              {"start", f.start},
              {"end", f.end},
              {"value", f.value},
              {"value_max", f.value_max ? json(*f.value_max) : json(nullptr)},
              {"unit", f.unit},
              {"qualifier", f.qualifier},
              {"metric", f.metric},
              {"subject", OrNull(f.subject)},
              {"period", OrNull(f.period)},
              {"kind", f.kind},
              {"policy", OrNull(f.policy)}};
}

json EntityToJson(const Entity& e) {
  json mentions = json::array();
  for (const Mention& m : e.mentions)
    mentions.push_back({{"text", m.text}, {"start", m.start}, {"end", m.end}});
  json j = {{"id", e.id}, {"type", e.type}, {"name", e.name}, {"mentions", mentions}};
  if (!e.aliases.empty()) j["aliases"] = e.aliases;
  return j;
}

json RelationToJson(const Relation& r) {
  return json{{"subject", r.subject}, {"predicate", r.predicate}, {"object", r.object},
              {"sentence", r.sentence}, {"start", r.start},       {"end", r.end}};
}

json ExtractionToJson(const Extraction& x, bool with_text) {
  json entities = json::array(), figures = json::array(), relations = json::array();
  for (const Entity& e : x.entities) entities.push_back(EntityToJson(e));
  for (const Figure& f : x.figures) figures.push_back(FigureToJson(f));
  for (const Relation& r : x.relations) relations.push_back(RelationToJson(r));
  return json{{"doc", DocumentToJson(x.doc, with_text)},
              {"entities", entities},
              {"figures", figures},
              {"relations", relations}};
}

std::string ToJsonLine(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsgraph
