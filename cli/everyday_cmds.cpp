// The everyday questions as subcommands, each a thin wrapper over a saved
// query in queries/*.cypher (users can read and copy them):
//   entities [--type T] [NAME]
//   figures [--metric M] [--entity E] [--period P] [--kind K]
//   targets [POLICY]
//   neighbors NAME [--depth N]
//   path A B
// Names are matched case-insensitively, by name, id or alias; a name that
// matches several nodes lists the candidates (exit 2).
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/kept_graph.h"
#include "queries/executor.h"
#include "queries/saved.h"

namespace newsgraph::cli {

namespace {

using query::Params;
using query::Value;
using query::ValueList;

struct Parsed {
  std::map<std::string, std::string> options;  // --name value
  std::vector<std::string> positional;
  query::Format format = query::Format::kTable;
  bool help = false;
};

// Parses `args` allowing the options in `allowed` (each takes a value) and --format.
bool ParseArgs(const char* cmd, const Args& args, const std::vector<std::string>& allowed,
               Parsed* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (a == "--help" || a == "-h") {
      out->help = true;
      return true;
    }
    if (a.size() > 2 && a.rfind("--", 0) == 0) {
      std::string name = a.substr(2), value;
      size_t eq = name.find('=');
      bool inline_value = eq != std::string::npos;
      if (inline_value) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
      if (name != "format" && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::fprintf(stderr, "newsgraph %s: unknown option '%s'\n", cmd, a.c_str());
        return false;
      }
      if (!inline_value) {
        if (i + 1 >= args.size()) {
          std::fprintf(stderr, "newsgraph %s: --%s needs a value\n", cmd, name.c_str());
          return false;
        }
        value = args[++i];
      }
      if (name == "format") {
        if (!query::ParseFormat(value, &out->format)) {
          std::fprintf(stderr, "newsgraph %s: unknown format '%s' (table, json or csv)\n", cmd,
                       value.c_str());
          return false;
        }
      } else {
        out->options[name] = value;
      }
    } else {
      out->positional.push_back(a);
    }
  }
  return true;
}

Value OptionOrNull(const Parsed& p, const std::string& name) {
  auto it = p.options.find(name);
  return it == p.options.end() ? Value() : Value(it->second);
}

Value IdList(const PropertyGraph& g, const std::vector<Vertex>& nodes) {
  ValueList l;
  for (Vertex v : nodes) {
    PropertyValue scratch;
    const PropertyValue* p = g.NodeProperty(v, "id", &scratch);
    const auto* s = p ? std::get_if<std::string>(p) : nullptr;
    l.emplace_back(s ? *s : g.node(v).key);
  }
  return Value(std::move(l));
}

// Runs saved query `name` and prints it; returns the exit code. `rows`
// receives the number of rows printed.
int RunSaved(const char* cmd, const std::string& name, const PropertyGraph& g,
             const Params& params, query::Format format, size_t* rows = nullptr,
             bool print_empty = true) {
  auto text = query::LoadSavedQuery(name);
  if (!text.ok()) {
    std::fprintf(stderr, "newsgraph %s: %s\n", cmd, text.status().message().c_str());
    return kExitUsage;
  }
  auto result = query::RunQuery(*text, g, params);
  if (!result.ok()) {
    std::fprintf(stderr, "newsgraph %s: %s.cypher: %s\n", cmd, name.c_str(),
                 result.status().message().c_str());
    return kExitUsage;
  }
  if (rows) *rows = result->rows.size();
  if (!result->rows.empty() || print_empty) query::Write(*result, format, std::cout);
  std::cout.flush();
  return kExitOk;
}

KeptGraph Load(const char* cmd, const GlobalOptions& go) {
  auto graph = query::LoadGraph(go.db_path);
  if (!graph.ok()) {
    std::fprintf(stderr, "newsgraph %s: %s\n", cmd, graph.status().message().c_str());
    return nullptr;
  }
  return KeepGraph(std::move(graph.value()));
}

// Exactly one node for `name`, or a message and false.
bool ResolveOne(const char* cmd, const PropertyGraph& g, const std::string& name, Vertex* out) {
  query::NameMatches m = query::FindNodesByName(g, name);
  if (m.nodes.size() == 1) {
    *out = m.nodes[0];
    return true;
  }
  if (m.nodes.empty()) {
    std::fprintf(stderr, "newsgraph %s: nothing named '%s' (try `newsgraph entities %s`)\n", cmd,
                 name.c_str(), name.c_str());
    return false;
  }
  std::fprintf(stderr, "newsgraph %s: '%s' is ambiguous; %s:\n%sgive the id or a fuller name\n",
               cmd, name.c_str(), m.exact ? "it names" : "it is part of",
               query::DescribeCandidates(g, m.nodes).c_str());
  return false;
}

}  // namespace

int RunEntities(const GlobalOptions& go, const Args& args) {
  Parsed p;
  if (!ParseArgs("entities", args, {"type"}, &p)) return kExitUsage;
  if (p.help || p.positional.size() > 1) {
    std::fputs("usage: newsgraph entities [--type T] [NAME] [--format table|json|csv]\n"
               "Entities by type (company, government_body, policy, ... or a label) and name\n"
               "(exact name or alias, else part of the name; case-insensitive), most\n"
               "mentioned first. Saved query: entities.cypher.\n",
               p.help ? stdout : stderr);
    return p.help ? kExitOk : kExitUsage;
  }
  auto graph = Load("entities", go);
  if (!graph) return kExitUsage;
  const PropertyGraph& g = *graph;
  Params params{{"type", OptionOrNull(p, "type")}, {"name", Value()}, {"ids", Value(ValueList{})}};
  if (!p.positional.empty()) {
    params["name"] = Value(p.positional[0]);
    query::NameMatches m = query::FindNodesByName(g, p.positional[0]);
    if (m.exact) params["ids"] = IdList(g, m.nodes);
  }
  return RunSaved("entities", "entities", g, params, p.format);
}

int RunFigures(const GlobalOptions& go, const Args& args) {
  Parsed p;
  if (!ParseArgs("figures", args, {"metric", "entity", "period", "kind"}, &p)) return kExitUsage;
  if (p.help || !p.positional.empty()) {
    std::fputs("usage: newsgraph figures [--metric M] [--entity E] [--period P] [--kind K]\n"
               "                         [--format table|json|csv]\n"
               "Every figure on a metric across sources and years. --metric: metric id or\n"
               "part of its name; --entity: name or alias of the subject or policy;\n"
               "--period: prefix (2025 matches 2025H1); --kind: target, limit, actual,\n"
               "forecast. Saved query: figures.cypher.\n",
               p.help ? stdout : stderr);
    return p.help ? kExitOk : kExitUsage;
  }
  auto graph = Load("figures", go);
  if (!graph) return kExitUsage;
  const PropertyGraph& g = *graph;
  Params params{{"metric", OptionOrNull(p, "metric")},
                {"entity", OptionOrNull(p, "entity")},
                {"entity_ids", Value(ValueList{})},
                {"period", OptionOrNull(p, "period")},
                {"kind", OptionOrNull(p, "kind")}};
  if (auto it = p.options.find("entity"); it != p.options.end()) {
    query::NameMatches m = query::FindNodesByName(g, it->second);
    if (m.nodes.empty()) {
      std::fprintf(stderr, "newsgraph figures: nothing named '%s'\n", it->second.c_str());
      return kExitUsage;
    }
    params["entity_ids"] = IdList(g, m.nodes);
  }
  return RunSaved("figures", "figures", g, params, p.format);
}

int RunTargets(const GlobalOptions& go, const Args& args) {
  Parsed p;
  if (!ParseArgs("targets", args, {}, &p)) return kExitUsage;
  if (p.help || p.positional.size() > 1) {
    std::fputs("usage: newsgraph targets [POLICY] [--format table|json|csv]\n"
               "The targets and limits a policy sets (all policies without POLICY), each\n"
               "once, with the sources that state it. Saved query: targets.cypher.\n",
               p.help ? stdout : stderr);
    return p.help ? kExitOk : kExitUsage;
  }
  auto graph = Load("targets", go);
  if (!graph) return kExitUsage;
  const PropertyGraph& g = *graph;
  Params params{{"policy", Value()}, {"policy_ids", Value(ValueList{})}};
  if (!p.positional.empty()) {
    const std::string& name = p.positional[0];
    query::NameMatches m = query::FindNodesByName(g, name, {"Policy"});
    if (m.nodes.size() > 1) {
      std::fprintf(stderr, "newsgraph targets: '%s' is ambiguous; it %s:\n%s", name.c_str(),
                   m.exact ? "names" : "is part of", query::DescribeCandidates(g, m.nodes).c_str());
      return kExitUsage;
    }
    if (m.nodes.empty()) {
      std::fprintf(stderr, "newsgraph targets: no policy named '%s'\n", name.c_str());
      return kExitUsage;
    }
    params["policy"] = Value(name);
    params["policy_ids"] = IdList(g, m.nodes);
  }
  return RunSaved("targets", "targets", g, params, p.format);
}

int RunNeighbors(const GlobalOptions& go, const Args& args) {
  Parsed p;
  if (!ParseArgs("neighbors", args, {"depth"}, &p)) return kExitUsage;
  if (p.help || p.positional.size() != 1) {
    std::fputs("usage: newsgraph neighbors NAME [--depth N] [--format table|json|csv]\n"
               "What a node is connected to within N hops (default 1, at most 10), nearest\n"
               "first. Saved query: neighbors.cypher.\n",
               p.help ? stdout : stderr);
    return p.help ? kExitOk : kExitUsage;
  }
  int64_t depth = 1;
  if (auto it = p.options.find("depth"); it != p.options.end()) {
    Value v = query::ParseParamValue(it->second);
    if (!v.is<int64_t>() || v.as<int64_t>() < 1 || v.as<int64_t>() > 10) {
      std::fprintf(stderr, "newsgraph neighbors: --depth must be 1 to 10, got '%s'\n",
                   it->second.c_str());
      return kExitUsage;
    }
    depth = v.as<int64_t>();
  }
  auto graph = Load("neighbors", go);
  if (!graph) return kExitUsage;
  const PropertyGraph& g = *graph;
  Vertex v;
  if (!ResolveOne("neighbors", g, p.positional[0], &v)) return kExitUsage;
  Params params{{"id", IdList(g, {v}).as<ValueList>()[0]}, {"depth", Value(depth)}};
  return RunSaved("neighbors", "neighbors", g, params, p.format);
}

int RunPath(const GlobalOptions& go, const Args& args) {
  Parsed p;
  if (!ParseArgs("path", args, {}, &p)) return kExitUsage;
  if (p.help || p.positional.size() != 2) {
    std::fputs("usage: newsgraph path A B [--format table|json|csv]\n"
               "How two entities connect: the shortest path (at most 6 hops), one row per\n"
               "hop with its evidence sentence and source. Stated facts first\n"
               "(path.cypher); if none, any connection such as a shared document\n"
               "(path-any.cypher).\n",
               p.help ? stdout : stderr);
    return p.help ? kExitOk : kExitUsage;
  }
  auto graph = Load("path", go);
  if (!graph) return kExitUsage;
  const PropertyGraph& g = *graph;
  Vertex a, b;
  if (!ResolveOne("path", g, p.positional[0], &a) || !ResolveOne("path", g, p.positional[1], &b))
    return kExitUsage;
  if (a == b) {
    std::fputs("newsgraph path: both names are the same node\n", stderr);
    return kExitUsage;
  }
  Params params{{"a", IdList(g, {a}).as<ValueList>()[0]}, {"b", IdList(g, {b}).as<ValueList>()[0]}};
  size_t rows = 0;
  int rc = RunSaved("path", "path", g, params, p.format, &rows, /*print_empty=*/false);
  if (rc != kExitOk || rows > 0) return rc;
  rc = RunSaved("path", "path-any", g, params, p.format, &rows, /*print_empty=*/false);
  if (rc == kExitOk && rows == 0) {
    std::fprintf(stderr, "newsgraph path: no connection within 6 hops between '%s' and '%s'\n",
                 p.positional[0].c_str(), p.positional[1].c_str());
    return kExitSomeFailed;
  }
  return rc;
}

}  // namespace newsgraph::cli
