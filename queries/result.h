// Values and result tables of the query engine, and their writers.
//
// Value is what an expression evaluates to: null, bool, integer, float,
// string, list, map, or a reference into the graph (node, relationship,
// path). A Table is a result: named columns and rows of Values. By the time
// a Table leaves the executor, graph references have been turned into maps
// (a node becomes {_id, _label, ...properties}), so writers need no graph.
//
// Writers:
//   table: aligned columns with a header rule, for people;
//   json:  an array of objects, one per row, keys = column names;
//   csv:   RFC 4180 (header row, CRLF, fields quoted when they hold
//          , " CR or LF; quotes doubled). Lists and maps are written
//          as JSON text inside a field.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "graph/property_graph.h"

namespace newsgraph::query {

struct Value;
using ValueList = std::vector<Value>;
using ValueMap = std::vector<std::pair<std::string, Value>>;  // ordered

struct NodeRef {
  Vertex v;
  bool operator==(const NodeRef& o) const { return v == o.v; }
};
struct RelRef {
  Edge e;
  bool operator==(const RelRef& o) const { return e == o.e; }
};
struct PathRef {
  std::vector<Vertex> nodes;  // nodes.size() == rels.size() + 1
  std::vector<Edge> rels;
  bool operator==(const PathRef& o) const { return nodes == o.nodes && rels == o.rels; }
};

struct Value {
  std::variant<std::monostate, bool, int64_t, double, std::string, ValueList, ValueMap,
               NodeRef, RelRef, PathRef>
      v;

  Value() = default;
  Value(bool b) : v(b) {}                          // NOLINT
  Value(int64_t i) : v(i) {}                       // NOLINT
  Value(int i) : v(static_cast<int64_t>(i)) {}     // NOLINT
  Value(double d) : v(d) {}                        // NOLINT
  Value(std::string s) : v(std::move(s)) {}        // NOLINT
  Value(const char* s) : v(std::string(s)) {}      // NOLINT
  Value(ValueList l) : v(std::move(l)) {}          // NOLINT
  Value(ValueMap m) : v(std::move(m)) {}           // NOLINT
  Value(NodeRef n) : v(n) {}                       // NOLINT
  Value(RelRef r) : v(r) {}                        // NOLINT
  Value(PathRef p) : v(std::move(p)) {}            // NOLINT

  bool is_null() const { return std::holds_alternative<std::monostate>(v); }
  template <typename T> bool is() const { return std::holds_alternative<T>(v); }
  template <typename T> const T& as() const { return std::get<T>(v); }
  template <typename T> const T* get_if() const { return std::get_if<T>(&v); }
};

// A graph PropertyValue as a query Value.
Value FromProperty(const PropertyValue& p);

// Value for display: strings as-is, numbers without trailing zeros
// (15000000, 0.35), lists/maps as JSON-like text, null as "" .
std::string ToDisplay(const Value& v);

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

enum class Format { kTable, kJson, kCsv };
// Parses "table" | "json" | "csv".
bool ParseFormat(std::string_view name, Format* out);

void WriteTable(const Table& r, std::ostream& out);
void WriteJson(const Table& r, std::ostream& out);
void WriteCsv(const Table& r, std::ostream& out);
void Write(const Table& r, Format f, std::ostream& out);

}  // namespace newsgraph::query
