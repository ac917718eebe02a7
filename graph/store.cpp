// STUB: replaced by the SQLite store.
#include "graph/store.h"

namespace newsgraph {
Result<std::unique_ptr<Store>> Store::Open(const std::string& path, bool) {
  return Status::Error(path + ": store not implemented yet");
}
Store::~Store() = default;
bool Store::SourceUnchanged(const std::string&, uint64_t, const std::string&) { return false; }
Status Store::MarkSource(const std::string&, uint64_t, const std::string&) { return Status::OK(); }
Result<PutOutcome> Store::Put(const Extraction&, const std::string&) { return Status::Error("no store"); }
Result<GraphData> Store::Load() { return Status::Error("no store"); }
Status Store::ReplaceConflicts(const std::vector<StoredConflict>&) { return Status::OK(); }
Result<Store::Counts> Store::CountAll() { return Status::Error("no store"); }
}  // namespace newsgraph
