#include "queries/result.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

namespace newsgraph::query {

namespace {

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", d);
  return buf;
}

nlohmann::ordered_json ToJson(const Value& v) {
  return std::visit(
      [](const auto& x) -> nlohmann::ordered_json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, ValueList>) {
          nlohmann::ordered_json a = nlohmann::ordered_json::array();
          for (const Value& e : x) a.push_back(ToJson(e));
          return a;
        } else if constexpr (std::is_same_v<T, ValueMap>) {
          nlohmann::ordered_json o = nlohmann::ordered_json::object();
          for (const auto& [k, e] : x) o[k] = ToJson(e);
          return o;
        } else if constexpr (std::is_same_v<T, NodeRef>) {
          return {{"_node", static_cast<int64_t>(x.v)}};
        } else if constexpr (std::is_same_v<T, RelRef>) {
          return "relationship";
        } else if constexpr (std::is_same_v<T, PathRef>) {
          return "path";
        } else if constexpr (std::is_same_v<T, double>) {
          if (!std::isfinite(x)) return nullptr;
          return x;
        } else {
          return x;
        }
      },
      v.v);
}

// Display width of UTF-8 text: code points, wide CJK counted twice.
size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    int len = 1;
    if (c >= 0xF0) len = 4, cp = c & 0x07;
    else if (c >= 0xE0) len = 3, cp = c & 0x0F;
    else if (c >= 0xC0) len = 2, cp = c & 0x1F;
    for (int k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    w += wide ? 2 : 1;
  }
  return w;
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace

Value FromProperty(const PropertyValue& p) {
  return std::visit(
      [](const auto& x) -> Value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return Value();
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          ValueList l;
          for (const auto& s : x) l.emplace_back(s);
          return Value(std::move(l));
        } else {
          return Value(x);
        }
      },
      p);
}

std::string ToDisplay(const Value& v) {
  if (v.is_null()) return "";
  if (const auto* s = v.get_if<std::string>()) return *s;
  if (const auto* b = v.get_if<bool>()) return *b ? "true" : "false";
  if (const auto* i = v.get_if<int64_t>()) return std::to_string(*i);
  if (const auto* d = v.get_if<double>()) return FormatDouble(*d);
  if (const auto* l = v.get_if<ValueList>()) {
    std::string out = "[";
    for (size_t k = 0; k < l->size(); ++k) {
      if (k) out += ", ";
      const Value& e = (*l)[k];
      out += e.is<std::string>() ? ToJson(e).dump() : e.is_null() ? "null" : ToDisplay(e);
    }
    return out + "]";
  }
  if (v.is<ValueMap>()) return ToJson(v).dump();
  return ToJson(v).dump();
}

bool ParseFormat(std::string_view name, Format* out) {
  if (name == "table") *out = Format::kTable;
  else if (name == "json") *out = Format::kJson;
  else if (name == "csv") *out = Format::kCsv;
  else return false;
  return true;
}

void WriteTable(const Table& r, std::ostream& out) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(r.columns.size());
  for (size_t c = 0; c < r.columns.size(); ++c) width[c] = DisplayWidth(r.columns[c]);
  for (const auto& row : r.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < r.columns.size(); ++c) {
      std::string s = c < row.size() ? OneLine(ToDisplay(row[c])) : "";
      width[c] = std::max(width[c], DisplayWidth(s));
      line.push_back(std::move(s));
    }
    cells.push_back(std::move(line));
  }
  auto emit = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t c = 0; c < line.size(); ++c) {
      if (c) text += "  ";
      text += line[c];
      if (c + 1 < line.size()) {
        size_t w = DisplayWidth(line[c]);
        if (w < width[c]) text.append(width[c] - w, ' ');
      }
    }
    out << text << '\n';
  };
  emit(r.columns);
  std::vector<std::string> rule;
  for (size_t c = 0; c < r.columns.size(); ++c) rule.emplace_back(width[c], '-');
  emit(rule);
  for (const auto& line : cells) emit(line);
  out << "(" << r.rows.size() << (r.rows.size() == 1 ? " row)" : " rows)") << '\n';
}

void WriteJson(const Table& r, std::ostream& out) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (size_t c = 0; c < r.columns.size(); ++c)
      o[r.columns[c]] = c < row.size() ? ToJson(row[c]) : nlohmann::ordered_json();
    a.push_back(std::move(o));
  }
  out << a.dump(2) << '\n';
}

void WriteCsv(const Table& r, std::ostream& out) {
  auto field = [&](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
      out << s;
      return;
    }
    out << '"';
    for (char c : s) {
      if (c == '"') out << '"';
      out << c;
    }
    out << '"';
  };
  for (size_t c = 0; c < r.columns.size(); ++c) {
    if (c) out << ',';
    field(r.columns[c]);
  }
  out << "\r\n";
  for (const auto& row : r.rows) {
    for (size_t c = 0; c < r.columns.size(); ++c) {
      if (c) out << ',';
      if (c >= row.size()) continue;
      const Value& v = row[c];
      field(v.is<ValueList>() || v.is<ValueMap>() ? ToJson(v).dump() : ToDisplay(v));
    }
    out << "\r\n";
  }
}

void Write(const Table& r, Format f, std::ostream& out) {
  switch (f) {
    case Format::kTable: WriteTable(r, out); break;
    case Format::kJson: WriteJson(r, out); break;
    case Format::kCsv: WriteCsv(r, out); break;
  }
}

}  // namespace newsgraph::query
