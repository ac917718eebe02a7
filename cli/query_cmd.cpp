// newsgraph query 'CYPHER' | -f FILE [--param name=value]... [--format table|json|csv]
//                 [--explain]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/kept_graph.h"
#include "queries/executor.h"
#include "queries/parser.h"
#include "queries/planner.h"
#include "queries/saved.h"

namespace newsgraph::cli {

namespace {

constexpr const char* kQueryUsage =
    R"(usage: newsgraph query 'CYPHER' [options]
       newsgraph query -f FILE [options]

Runs a read-only openCypher query over the graph.

Options:
  -f FILE               read the query from FILE (- for stdin)
  --param NAME=VALUE    value for $NAME (repeatable); numbers become numbers,
                        true/false booleans, null null, ["a","b"] a list
  --format table|json|csv   output format (default table)
  --explain             print the plan (where each pattern starts) and exit
  --time                print the time of each stage (parse, load, plan, run)
                        to stderr

Supported: MATCH / OPTIONAL MATCH with labels, {prop: value} maps, relationship
types [:A|B], direction, variable length [*1..3] (at most 10 hops),
p = shortestPath((a)-[*..6]-(b)); WHERE with = <> < <= > >= AND OR NOT XOR,
IS [NOT] NULL, IN, CONTAINS, STARTS WITH, ENDS WITH, =~ (RE2), n:Label;
WITH, UNWIND, RETURN [DISTINCT] ... AS ..., ORDER BY ... ASC|DESC, SKIP, LIMIT;
count(*), count(DISTINCT x), collect, min, max, sum, avg; id, labels, type,
toLower, toUpper, size, length, nodes, relationships, startNode, endNode,
coalesce, head, last, range, split, replace, substring, toString, toInteger,
toFloat, keys, properties, exists; CASE ... WHEN ... THEN ... ELSE ... END;
[x IN list WHERE ... | ...]; any/all/none/single(x IN list WHERE ...).
Saved queries used by entities/figures/targets/neighbors/path are in
$NEWSGRAPH_QUERIES (default: the source tree's queries/ folder).

Exit status: 0 ok, 2 bad query (with line and column) or unusable store,
1 the query failed while running (e.g. a row limit).
)";

}  // namespace

int RunQuery(const GlobalOptions& g, const Args& args) {
  std::string text;
  bool have_text = false;
  std::string file;
  query::Params params;
  query::Format format = query::Format::kTable;
  bool explain = false;
  bool timing = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* opt) -> const std::string* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "newsgraph query: %s needs a value\n", opt);
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kQueryUsage, stdout);
      return kExitOk;
    } else if (a == "-f" || a == "--file") {
      const std::string* v = value("-f");
      if (!v) return kExitUsage;
      file = *v;
    } else if (a == "--param" || a == "-p" || a.rfind("--param=", 0) == 0) {
      std::string kv;
      if (a.rfind("--param=", 0) == 0) {
        kv = a.substr(8);
      } else {
        const std::string* v = value("--param");
        if (!v) return kExitUsage;
        kv = *v;
      }
      size_t eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) {
        std::fprintf(stderr, "newsgraph query: --param needs NAME=VALUE, got '%s'\n", kv.c_str());
        return kExitUsage;
      }
      std::string name = kv.substr(0, eq);
      if (name[0] == '$') name.erase(0, 1);
      params[name] = query::ParseParamValue(kv.substr(eq + 1));
    } else if (a == "--format" || a.rfind("--format=", 0) == 0) {
      std::string f;
      if (a == "--format") {
        const std::string* v = value("--format");
        if (!v) return kExitUsage;
        f = *v;
      } else {
        f = a.substr(9);
      }
      if (!query::ParseFormat(f, &format)) {
        std::fprintf(stderr, "newsgraph query: unknown format '%s' (table, json or csv)\n", f.c_str());
        return kExitUsage;
      }
    } else if (a == "--explain") {
      explain = true;
    } else if (a == "--time") {
      timing = true;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "newsgraph query: unknown option '%s'\n\n%s", a.c_str(), kQueryUsage);
      return kExitUsage;
    } else if (!have_text) {
      text = a;
      have_text = true;
    } else {
      std::fprintf(stderr, "newsgraph query: one query only (quote it), got also '%s'\n", a.c_str());
      return kExitUsage;
    }
  }
  if (!file.empty()) {
    if (have_text) {
      std::fputs("newsgraph query: give the query as an argument or with -f, not both\n", stderr);
      return kExitUsage;
    }
    std::ostringstream ss;
    if (file == "-") {
      ss << std::cin.rdbuf();
    } else {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "newsgraph query: %s: cannot read\n", file.c_str());
        return kExitUsage;
      }
      ss << in.rdbuf();
    }
    text = ss.str();
    have_text = true;
  }
  if (!have_text) {
    std::fputs(kQueryUsage, stderr);
    return kExitUsage;
  }
  const std::string where = file.empty() ? "" : file + ": ";
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  auto t0 = Clock::now();
  auto q = query::Parse(text);
  auto t1 = Clock::now();
  if (!q.ok()) {
    std::fprintf(stderr, "newsgraph query: %s%s\n", where.c_str(), q.status().message().c_str());
    return kExitUsage;
  }
  auto loaded = query::LoadGraph(g.db_path);
  auto t2 = Clock::now();
  if (!loaded.ok()) {
    std::fprintf(stderr, "newsgraph: %s\n", loaded.status().message().c_str());
    return kExitUsage;
  }
  KeptGraph graph = KeepGraph(std::move(loaded.value()));
  auto plan = query::BindAndPlan(*q, *graph, params);
  auto t3 = Clock::now();
  if (!plan.ok()) {
    std::fprintf(stderr, "newsgraph query: %s%s\n", where.c_str(), plan.status().message().c_str());
    return kExitUsage;
  }
  if (explain) {
    for (const std::string& line : plan->Describe(*q)) std::puts(line.c_str());
    return kExitOk;
  }
  auto result = query::Execute(*q, *plan, *graph, params);
  auto t4 = Clock::now();
  if (timing)
    std::fprintf(stderr,
                 "time: parse %.2f ms, load %.1f ms (%zu nodes, %zu relationships), plan %.2f ms, "
                 "run %.2f ms (%zu rows)\n",
                 ms(t0, t1), ms(t1, t2), graph->node_count(), graph->edge_count(), ms(t2, t3),
                 ms(t3, t4), result.ok() ? result->rows.size() : size_t{0});
  if (!result.ok()) {
    std::fprintf(stderr, "newsgraph query: %s%s\n", where.c_str(), result.status().message().c_str());
    return kExitSomeFailed;
  }
  query::Write(*result, format, std::cout);
  std::cout.flush();
  return kExitOk;
}

}  // namespace newsgraph::cli
