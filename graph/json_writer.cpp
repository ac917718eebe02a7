#include "graph/json_writer.h"

#include <charconv>

#include <nlohmann/json.hpp>


namespace newsgraph {

namespace {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points
// above U+10FFFF), the only strings the fast path escapes itself.
bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c == 0xE0) n = 2, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) n = 2;
    else if (c == 0xED) n = 2, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) n = 2;
    else if (c == 0xF0) n = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 3;
    else if (c == 0xF4) n = 3, hi = 0x8F;
    else return false;
    if (static_cast<size_t>(end - p) <= n) return false;
    if (p[1] < lo || p[1] > hi) return false;
    for (size_t i = 2; i <= n; ++i)
      if (p[i] < 0x80 || p[i] > 0xBF) return false;
    p += n + 1;
  }
  return true;
}

void AppendUnsigned(size_t v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

// Doubles go through nlohmann so the digits match the DOM path exactly
// (its shortest round-trip form, "30.0" for whole numbers, null for NaN).
void AppendDouble(double v, std::string* out) { *out += nlohmann::json(v).dump(); }

void AppendStringOrNull(const std::string& s, std::string* out) {
  if (s.empty()) *out += "null";
  else AppendJsonString(s, out);
}

// Small helpers so each object reads like its key list.
struct ObjectWriter {
  std::string* out;
  bool first = true;
  explicit ObjectWriter(std::string* o) : out(o) { *out += '{'; }
  void Key(std::string_view k) {
    if (!first) *out += ',';
    first = false;
    *out += '"';
    out->append(k);
    *out += "\":";
  }
  void String(std::string_view k, std::string_view v) {
    Key(k);
    AppendJsonString(v, out);
  }
  void StringOrNull(std::string_view k, const std::string& v) {
    Key(k);
    AppendStringOrNull(v, out);
  }
  void Unsigned(std::string_view k, size_t v) {
    Key(k);
    AppendUnsigned(v, out);
  }
  void End() { *out += '}'; }
};

// Keys below are in the sorted order nlohmann's std::map object prints.
void AppendDocument(const Document& d, bool with_text, std::string* out) {
  ObjectWriter w(out);
  w.String("format", FormatName(d.format));
  w.String("id", d.id);
  w.String("path", d.path);
  w.StringOrNull("published", d.published);
  w.StringOrNull("publisher", d.publisher);
  if (with_text) w.String("text", d.text);
  w.String("title", d.title);
  w.StringOrNull("url", d.url);
  w.End();
}

void AppendEntity(const Entity& e, std::string* out) {
  ObjectWriter w(out);
  if (!e.aliases.empty()) {
    w.Key("aliases");
    *out += '[';
    for (size_t i = 0; i < e.aliases.size(); ++i) {
      if (i) *out += ',';
      AppendJsonString(e.aliases[i], out);
    }
    *out += ']';
  }
  w.String("id", e.id);
  w.Key("mentions");
  *out += '[';
  for (size_t i = 0; i < e.mentions.size(); ++i) {
    if (i) *out += ',';
    const Mention& m = e.mentions[i];
    ObjectWriter mw(out);
    mw.Unsigned("end", m.end);
    mw.Unsigned("start", m.start);
    mw.String("text", m.text);
    mw.End();
  }
  *out += ']';
  w.String("name", e.name);
  w.String("type", e.type);
  w.End();
}

void AppendFigure(const Figure& f, std::string* out) {
  ObjectWriter w(out);
  w.Unsigned("end", f.end);
  w.String("kind", f.kind);
  w.String("metric", f.metric);
  w.StringOrNull("period", f.period);
  w.StringOrNull("policy", f.policy);
  w.String("qualifier", f.qualifier);
  w.String("sentence", f.sentence);
  w.Unsigned("start", f.start);
  w.StringOrNull("subject", f.subject);
  w.String("text", f.text);
  w.String("unit", f.unit);
  w.Key("value");
  AppendDouble(f.value, out);
  w.Key("value_max");
  if (f.value_max) AppendDouble(*f.value_max, out);
  else *out += "null";
  w.End();
}

void AppendRelation(const Relation& r, std::string* out) {
  ObjectWriter w(out);
  w.Unsigned("end", r.end);
  w.String("object", r.object);
  w.String("predicate", r.predicate);
  w.String("sentence", r.sentence);
  w.Unsigned("start", r.start);
  w.String("subject", r.subject);
  w.End();
}

template <typename T, typename Fn>
void AppendArray(const std::vector<T>& items, Fn append, std::string* out) {
  *out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) *out += ',';
    append(items[i], out);
  }
  *out += ']';
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  if (!IsValidUtf8(s)) {
    // Rare: let nlohmann apply its replacement rules byte for byte.
    *out += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                nlohmann::json::error_handler_t::replace);
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + s.size() + 2);
  *out += '"';
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        *out += "\\u00";
        *out += kHex[c >> 4];
        *out += kHex[c & 15];
    }
  }
  out->append(s.data() + run, s.size() - run);
  *out += '"';
}

void AppendExtractionJson(const Extraction& x, bool with_text, std::string* out) {
  *out += "{\"doc\":";
  AppendDocument(x.doc, with_text, out);
  *out += ",\"entities\":";
  AppendArray(x.entities, AppendEntity, out);
  *out += ",\"figures\":";
  AppendArray(x.figures, AppendFigure, out);
  *out += ",\"relations\":";
  AppendArray(x.relations, AppendRelation, out);
  *out += '}';
}

}  // namespace newsgraph
