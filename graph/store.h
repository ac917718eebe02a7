// Store: the embedded SQLite database that keeps every ingested document and
// its facts between runs (SPEC `--db PATH`).
//
// Schema (see store.cpp for the DDL): sources (file path -> content hash,
// extractor version), documents, entities, entity_aliases, mentions, figures,
// relations, conflicts. Every fact keeps its provenance (document, offsets,
// sentence): facts name their document by its integer key, and text the
// document already holds (mention text, sentences) is kept as offsets into
// it. WAL mode with a busy timeout, so a reader and a writer, or two
// writers, can work on one store at once.
//
// A crash never leaves half a document: a Put is its own transaction, or
// part of a batch's (BeginBatch). Text from users (names, queries) only
// ever reaches SQLite as bound parameters.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/status.h"
#include "graph/model.h"

struct sqlite3;

namespace newsgraph {

class Statement;  // graph/sqlite_util.h

enum class PutOutcome { kAdded, kReplaced, kUnchanged };

// A conflict between two figures, as stored (CONFLICTS_WITH edges).
struct StoredConflict {
  long long figure_a = 0;
  long long figure_b = 0;
  std::string severity;  // conflict | warning
  std::string reason;
};

// A stored figure with its row id and document.
struct StoredFigure {
  long long id = 0;
  std::string doc_id;
  Figure figure;
};

struct StoredRelation {
  long long id = 0;
  std::string doc_id;
  Relation relation;
};

// Everything in the store, for building the graph view.
struct GraphData {
  std::vector<Document> documents;            // text not loaded
  std::vector<Entity> entities;               // global: id, type, name, aliases
  std::vector<std::pair<std::string, std::string>> mentions;  // (doc id, entity id), distinct
  std::vector<StoredFigure> figures;
  std::vector<StoredRelation> relations;
  std::vector<StoredConflict> conflicts;
};

class Store {
 public:
  // Opens (creating if needed, unless read_only) the store at `path`.
  // Errors name the path and the reason ("directory does not exist",
  // "read-only", "not a newsgraph store").
  static Result<std::unique_ptr<Store>> Open(const std::string& path, bool read_only = false);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // True if `path` was ingested with exactly these source bytes (hash) and
  // the current extractor version: nothing to redo.
  bool SourceUnchanged(const std::string& path, uint64_t content_hash, const std::string& version);
  // path -> content hash of every source ingested with extractor `version`
  // (one query, so parallel workers can skip unchanged files without the
  // store).
  Result<std::unordered_map<std::string, uint64_t>> SourceHashes(const std::string& version);

  // Groups the following Puts and MarkSources into one transaction (each
  // Put stays atomic on its own inside it). CommitBatch ends it; a crash
  // before it loses only the open batch.
  // A failed CommitBatch rolls the batch back (see batch_rollbacks).
  Status BeginBatch();
  Status CommitBatch();
  // How many batches have been rolled back, by a Put failing mid-document
  // or a failed CommitBatch. When it goes up, every Put since the last
  // successful CommitBatch is undone: callers counting stored documents
  // take those back.
  int batch_rollbacks() const { return batch_rollbacks_; }

  // Records that `path` with `content_hash` has been ingested.
  Status MarkSource(const std::string& path, uint64_t content_hash, const std::string& version);

  // Stores one document and its facts atomically. A document with the same
  // identity and content hash is left alone (kUnchanged); with the same
  // identity and another hash its old facts are replaced (kReplaced), and
  // entities no document mentions any more are dropped. A document that
  // cannot be stored (a figure without a numeric value, an id another
  // document has) fails alone, before anything is written. Inside a batch,
  // a write failing mid-document (disk full, I/O error) rolls back the
  // whole batch, so that no half document can be committed; the error
  // says so, and the store goes on with a new batch.
  Result<PutOutcome> Put(const Extraction& extraction, const std::string& version);

  // What Load reads. The consistency check after an ingest needs only
  // documents and figures, without sentences: at 8x the Reuters corpus the
  // rest was most of the ingest's peak memory.
  struct LoadOptions {
    // false: documents with id, path and published date only, in no
    // particular order (what the consistency check reads; the sort by date
    // and title was a third of its load).
    bool document_details = true;
    // false: figures' `sentence` empty. Most are offsets into their
    // document's text, which is read only when they are asked for.
    bool figure_sentences = true;
    bool entities = true;
    bool mentions = true;
    bool relations = true;
    // false: none of these read (a graph load reads figures on their own).
    bool documents = true;
    bool figures = true;
    bool conflicts = true;
    // If set, each figure is handed to it as it is read, in id order, and
    // not kept in GraphData::figures: a graph can then be built without
    // holding every figure twice.
    std::function<void(StoredFigure&&)> each_figure;
  };
  // Loads everything (documents without their text).
  Result<GraphData> Load() { return Load(LoadOptions{}); }
  Result<GraphData> Load(const LoadOptions& options);

  // The sentence of the figure with row id `figure_id`, for a graph or a
  // report built without them (LoadOptions::figure_sentences false).
  Result<std::string> FigureSentence(long long figure_id);

  // Replaces all stored conflicts.
  Status ReplaceConflicts(const std::vector<StoredConflict>& conflicts);

  // Counts for summaries.
  struct Counts {
    long long documents = 0, entities = 0, mentions = 0, figures = 0, relations = 0,
              conflicts = 0;
  };
  Result<Counts> CountAll();

  sqlite3* handle() { return db_; }  // for the query engine's read-only use

 private:
  struct Statements;  // prepared once, reused for every Put
  explicit Store(sqlite3* db);
  static Result<std::unique_ptr<Store>> OpenOnce(const std::string& path, bool read_only);
  Status PrepareWrites();
  // Put's rows, in the transaction Put chose. `wrote`: whether any row
  // changed before a failure.
  Result<PutOutcome> WriteDocument(const Extraction& x, const std::string& version, bool* wrote);
  // Entity ids and "entity id\x1falias" keys this write transaction has
  // stored or found stored: most documents name the same entities, and a
  // write that finds its row there already still costs a lookup. Forgotten
  // whenever the transaction ends or rows may have gone (rollback, entity
  // garbage collection).
  void ForgetKnownRows();
  std::unordered_set<std::string> known_entities_, known_aliases_;
  std::string alias_key_;  // scratch

  sqlite3* db_ = nullptr;
  std::unique_ptr<Statements> st_;
  // FigureSentence's statements, prepared on first use, and the text of the
  // document it read last.
  std::unique_ptr<Statement> figure_sentence_, document_text_;
  int64_t cached_text_key_ = -1;
  std::string cached_text_;
  int batch_rollbacks_ = 0;
};

}  // namespace newsgraph
