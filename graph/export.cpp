#include "graph/export.h"

#include <boost/graph/graphviz.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

namespace newsgraph {

namespace {

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 forbids most C0 controls.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string ToText(const PropertyValue& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", d);
      return buf;
    }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const std::vector<std::string>& list) const {
      std::string out;
      for (size_t i = 0; i < list.size(); ++i) {
        if (i) out += ';';
        out += list[i];
      }
      return out;
    }
  };
  return std::visit(Visitor{}, v);
}

nlohmann::json ToJson(const PropertyValue& v) {
  struct Visitor {
    nlohmann::json operator()(std::monostate) const { return nullptr; }
    nlohmann::json operator()(bool b) const { return b; }
    nlohmann::json operator()(int64_t i) const { return i; }
    nlohmann::json operator()(double d) const { return d; }
    nlohmann::json operator()(const std::string& s) const { return s; }
    nlohmann::json operator()(const std::vector<std::string>& l) const { return l; }
  };
  return std::visit(Visitor{}, v);
}

const char* GraphMlType(const PropertyValue& v) {
  if (std::holds_alternative<bool>(v)) return "boolean";
  if (std::holds_alternative<int64_t>(v)) return "long";
  if (std::holds_alternative<double>(v)) return "double";
  return "string";
}

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string DisplayName(const PropertyGraph& pg, Vertex n) {
  PropertyValue scratch;
  for (const char* key : {"name", "title", "text"})
    if (const PropertyValue* v = pg.NodeProperty(n, key, &scratch);
        v && std::holds_alternative<std::string>(*v))
      return std::get<std::string>(*v);
  return pg.node(n).key;
}

}  // namespace

void WriteGraphMl(const PropertyGraph& pg, std::ostream& out) {
  const BoostGraph& g = pg.graph();
  // Declare every property key once, typed by its first value.
  std::map<std::string, std::string> node_keys{{"label", "string"}, {"key", "string"}};
  std::map<std::string, std::string> edge_keys{{"type", "string"}};
  for (auto [v, end] = boost::vertices(g); v != end; ++v)
    for (const auto& [k, val] : pg.NodeProperties(*v)) node_keys.emplace(k, GraphMlType(val));
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    for (const auto& [k, val] : g[*e].props.items()) edge_keys.emplace(k, GraphMlType(val));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
  for (const auto& [k, type] : node_keys)
    out << "  <key id=\"n_" << XmlEscape(k) << "\" for=\"node\" attr.name=\"" << XmlEscape(k)
        << "\" attr.type=\"" << type << "\"/>\n";
  for (const auto& [k, type] : edge_keys)
    out << "  <key id=\"e_" << XmlEscape(k) << "\" for=\"edge\" attr.name=\"" << XmlEscape(k)
        << "\" attr.type=\"" << type << "\"/>\n";
  out << "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const NodeData& n = g[*v];
    out << "    <node id=\"n" << *v << "\">"
        << "<data key=\"n_label\">" << XmlEscape(n.label) << "</data>"
        << "<data key=\"n_key\">" << XmlEscape(n.key) << "</data>";
    for (const auto& [k, val] : pg.NodeProperties(*v))
      out << "<data key=\"n_" << XmlEscape(k) << "\">" << XmlEscape(ToText(val)) << "</data>";
    out << "</node>\n";
  }
  size_t i = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e, ++i) {
    const EdgeData& d = g[*e];
    out << "    <edge id=\"e" << i << "\" source=\"n" << boost::source(*e, g) << "\" target=\"n"
        << boost::target(*e, g) << "\"><data key=\"e_type\">" << XmlEscape(d.type) << "</data>";
    for (const auto& [k, val] : d.props.items())
      out << "<data key=\"e_" << XmlEscape(k) << "\">" << XmlEscape(ToText(val)) << "</data>";
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteDot(const PropertyGraph& pg, std::ostream& out) {
  const BoostGraph& g = pg.graph();
  boost::write_graphviz(
      out, g,
      [&](std::ostream& os, Vertex v) {
        os << "[label=" << boost::escape_dot_string(DisplayName(pg, v))
           << ", shape=box, tooltip=" << boost::escape_dot_string(g[v].label + " " + g[v].key)
           << "]";
      },
      [&](std::ostream& os, Edge e) {
        os << "[label=" << boost::escape_dot_string(std::string(g[e].type)) << "]";
      });
}

void WriteJsonl(const PropertyGraph& pg, std::ostream& out) {
  const BoostGraph& g = pg.graph();
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    nlohmann::json props = nlohmann::json::object();
    for (const auto& [k, val] : pg.NodeProperties(*v)) props[k] = ToJson(val);
    nlohmann::json j = {{"kind", "node"}, {"id", g[*v].key}, {"label", g[*v].label},
                        {"properties", std::move(props)}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    nlohmann::json props = nlohmann::json::object();
    for (const auto& [k, val] : g[*e].props.items()) props[k] = ToJson(val);
    nlohmann::json j = {{"kind", "edge"},
                        {"type", std::string(g[*e].type)},
                        {"source", g[boost::source(*e, g)].key},
                        {"target", g[boost::target(*e, g)].key},
                        {"properties", std::move(props)}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

Status WriteNeo4jCsv(const PropertyGraph& pg, const std::string& dir) {
  const BoostGraph& g = pg.graph();
  std::set<std::string> node_cols, edge_cols;
  for (auto [v, end] = boost::vertices(g); v != end; ++v)
    for (const auto& [k, val] : pg.NodeProperties(*v))
      if (k != "id") node_cols.insert(k);
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    for (const auto& [k, val] : g[*e].props.items()) edge_cols.insert(k);
  std::ofstream nodes(dir + "/nodes.csv"), rels(dir + "/relationships.csv");
  if (!nodes || !rels)
    return Status::Error("cannot write " + dir + "/nodes.csv: " + std::strerror(errno));
  nodes << "id:ID,:LABEL";
  for (const std::string& c : node_cols) nodes << ',' << CsvField(c);
  nodes << '\n';
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const NodeData& n = g[*v];
    nodes << CsvField(n.key) << ',' << CsvField(n.label);
    PropertyValue scratch;
    for (const std::string& c : node_cols) {
      const PropertyValue* val = pg.NodeProperty(*v, c, &scratch);
      nodes << ',' << (val ? CsvField(ToText(*val)) : "");
    }
    nodes << '\n';
  }
  rels << ":START_ID,:END_ID,:TYPE";
  for (const std::string& c : edge_cols) rels << ',' << CsvField(c);
  rels << '\n';
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    rels << CsvField(g[boost::source(*e, g)].key) << ',' << CsvField(g[boost::target(*e, g)].key)
         << ',' << CsvField(g[*e].type);
    for (const std::string& c : edge_cols) {
      const PropertyValue* val = g[*e].props.Get(c);
      rels << ',' << (val ? CsvField(ToText(*val)) : "");
    }
    rels << '\n';
  }
  nodes.flush();
  rels.flush();
  if (!nodes || !rels) return Status::Error("write error in " + dir + ": " + std::strerror(errno));
  return Status::OK();
}

}  // namespace newsgraph
