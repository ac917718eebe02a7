#include "cli/kept_graph.h"

#include <vector>

namespace newsgraph::cli {

void KeepUntilExit::operator()(PropertyGraph* graph) const {
  // Never destroyed: a static vector would free its buffer at exit, before
  // LeakSanitizer looks, and the graphs would then count as leaks.
  static auto* kept = new std::vector<PropertyGraph*>();
  if (graph != nullptr) kept->push_back(graph);
}

}  // namespace newsgraph::cli
