#include "graph/store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <string_view>

#include "common/hash.h"
#include "graph/sqlite_util.h"

namespace newsgraph {

namespace {

// 2: no foreign keys (Put deletes a replaced document's rows itself), no
// indexes nothing reads (aliases by folded name, figures by metric),
// sources and entities keyed by their text key alone.
// 3: facts name their document by its integer key, not its text id, and
// keep no copy of text the document already has (mention text, figure and
// relation sentences are offsets into documents.text); mentions are
// clustered by (document, entity), the order Load reads them in. On the
// Reuters corpus the store went from 56 to 36 MB.
constexpr const char* kSchemaVersion = "3";

// The indexes each serve a statement below: the mentions key, figures_doc
// and relations_doc the deletes of a replaced document (and Load's
// mention order). Everything else reads whole tables (Load).
//
// entities.docs counts the documents with a mention of the entity; a
// replaced document's old entities go when it drops to 0. An index of
// mentions by entity answered that before, at a quarter of Put's cost.
//
// A NULL text / sentence column means "the document's text between the
// row's offsets", which is what the extractor always produces; the column
// holds a copy only for facts whose text is not there verbatim.
constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(
  path TEXT PRIMARY KEY, content_hash TEXT NOT NULL, version TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents(
  key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, identity TEXT NOT NULL UNIQUE, path TEXT,
  format TEXT NOT NULL, title TEXT, url TEXT, publisher TEXT, published TEXT,
  content_hash TEXT NOT NULL, version TEXT NOT NULL, text TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE TABLE IF NOT EXISTS entities(
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, docs INTEGER NOT NULL)
  WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_aliases(
  entity_id TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY(entity_id, alias)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions(
  doc INTEGER NOT NULL, entity_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT, PRIMARY KEY(doc, entity_id, start, end)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS figures(
  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, sentence TEXT,
  value REAL NOT NULL, value_max REAL, unit TEXT NOT NULL, qualifier TEXT NOT NULL,
  metric TEXT NOT NULL, subject TEXT, period TEXT, kind TEXT NOT NULL, policy TEXT);
CREATE INDEX IF NOT EXISTS figures_doc ON figures(doc);
CREATE TABLE IF NOT EXISTS relations(
  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,
  subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
  sentence TEXT, start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS relations_doc ON relations(doc);
CREATE TABLE IF NOT EXISTS conflicts(
  figure_a INTEGER NOT NULL, figure_b INTEGER NOT NULL,
  severity TEXT NOT NULL, reason TEXT NOT NULL);
)SQL";

// text[start, end) if that is `want`, so a row can point at it instead of
// keeping a copy.
bool IsAt(std::string_view text, size_t start, size_t end, std::string_view want) {
  return start <= end && end <= text.size() && text.compare(start, end - start, want) == 0;
}

// Where `sentence` stands in `text`: looked for first where a sentence
// holding text[start, end) would begin, then anywhere. npos: nowhere.
size_t FindSentence(std::string_view text, std::string_view sentence, size_t start, size_t end) {
  if (sentence.empty()) return start <= text.size() ? start : std::string_view::npos;
  size_t from = end > sentence.size() ? end - sentence.size() : 0;
  if (from <= start && start <= text.size()) {
    size_t pos = text.substr(0, std::min(text.size(), start + sentence.size())).find(sentence, from);
    if (pos != std::string_view::npos) return pos;
  }
  return text.find(sentence);
}

std::string DirOf(const std::string& path) {
  std::filesystem::path p(path);
  std::string dir = p.parent_path().string();
  return dir.empty() ? "." : dir;
}

}  // namespace

struct Store::Statements {
  explicit Statements(sqlite3* db)
      : find_doc(db, "SELECT key, content_hash, version, id FROM documents WHERE identity = ?1"),
        find_id(db, "SELECT 1 FROM documents WHERE id = ?1"),
        doc_entities(db, "SELECT DISTINCT entity_id FROM mentions WHERE doc = ?1"),
        // What the foreign keys' ON DELETE CASCADE did, conflicts first:
        // they name the figures.
        delete_conflicts(db,
                         "DELETE FROM conflicts WHERE figure_a IN (SELECT id FROM figures "
                         "WHERE doc = ?1) OR figure_b IN (SELECT id FROM figures WHERE doc = ?1)"),
        delete_mentions(db, "DELETE FROM mentions WHERE doc = ?1"),
        delete_figures(db, "DELETE FROM figures WHERE doc = ?1"),
        delete_relations(db, "DELETE FROM relations WHERE doc = ?1"),
        delete_doc(db, "DELETE FROM documents WHERE key = ?1"),
        uncount_entity(db, "UPDATE entities SET docs = docs - 1 WHERE id = ?1"),
        gc_entity(db, "DELETE FROM entities WHERE id = ?1 AND docs <= 0"),
        gc_aliases(db,
                   "DELETE FROM entity_aliases WHERE entity_id = ?1 AND NOT EXISTS "
                   "(SELECT 1 FROM entities WHERE id = ?1)"),
        insert_doc(db,
                   "INSERT INTO documents(id, identity, path, format, title, url, publisher, "
                   "published, content_hash, version, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"),
        count_entity(db,
                     "INSERT INTO entities(id, type, name, docs) VALUES (?1, ?2, ?3, ?4) "
                     "ON CONFLICT(id) DO UPDATE SET docs = docs + ?4"),
        insert_alias(db, "INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES (?1, ?2)"),
        // A mention twice over (same entity, same span) is one row.
        insert_mention(db,
                       "INSERT OR IGNORE INTO mentions(doc, entity_id, start, end, text) "
                       "VALUES (?1,?2,?3,?4,?5)"),
        insert_figure(db,
                      "INSERT INTO figures(doc, start, end, text, sentence_start, sentence_end, "
                      "sentence, value, value_max, unit, qualifier, metric, subject, period, kind, "
                      "policy) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)"),
        insert_relation(db,
                        "INSERT INTO relations(doc, subject, predicate, object, sentence, start, end) "
                        "VALUES (?1,?2,?3,?4,?5,?6,?7)"),
        find_source(db, "SELECT content_hash, version FROM sources WHERE path = ?1"),
        upsert_source(db,
                      "INSERT INTO sources(path, content_hash, version) VALUES (?1,?2,?3) "
                      "ON CONFLICT(path) DO UPDATE SET content_hash = ?2, version = ?3") {}

  Status FirstError() const {
    for (const Statement* s :
         {&find_doc, &find_id, &doc_entities, &delete_conflicts, &delete_mentions, &delete_figures,
          &delete_relations, &delete_doc, &uncount_entity, &gc_entity, &gc_aliases, &insert_doc,
          &count_entity,
          &insert_alias, &insert_mention, &insert_figure, &insert_relation, &find_source,
          &upsert_source})
      if (!s->ok()) return s->status();
    return Status::OK();
  }

  Statement find_doc, find_id, doc_entities, delete_conflicts, delete_mentions, delete_figures,
      delete_relations, delete_doc, uncount_entity, gc_entity, gc_aliases, insert_doc, count_entity,
      insert_alias,
      insert_mention, insert_figure, insert_relation, find_source, upsert_source;
};

Store::Store(sqlite3* db) : db_(db) {}

Store::~Store() {
  st_.reset();  // statements before the connection
  figure_sentence_.reset();
  document_text_.reset();
  if (db_) sqlite3_close_v2(db_);
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, bool read_only) {
  // SQLite's allocation statistics take a global mutex around every
  // malloc and free: 7% of Put, and nothing here reads them. This only
  // works before SQLite initializes (the first open); later it is a no-op.
  static const bool no_memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)no_memstatus;
  // Another process may be creating or writing the store right now; some
  // of those lock waits bypass SQLite's busy handler, so setting up is
  // retried as a whole for up to a minute.
  for (int attempt = 0;; ++attempt) {
    auto store = OpenOnce(path, read_only);
    if (store.ok() || attempt >= 600 ||
        store.status().message().find("database is locked") == std::string::npos)
      return store;
    sqlite3_sleep(100);
  }
}

Result<std::unique_ptr<Store>> Store::OpenOnce(const std::string& path, bool read_only) {
  struct stat st;
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return Status::Error(path + ": is a directory, not a store file");
  if (read_only && !exists)
    return Status::Error(path + ": no store here yet; run `newsgraph --db " + path +
                         " ingest PATH...` first");
  if (!read_only && !exists) {
    std::string dir = DirOf(path);
    struct stat dst;
    if (::stat(dir.c_str(), &dst) != 0 || !S_ISDIR(dst.st_mode))
      return Status::Error(path + ": cannot create the store: directory " + dir + " does not exist");
    if (::access(dir.c_str(), W_OK) != 0)
      return Status::Error(path + ": cannot create the store: directory " + dir +
                           " is not writable");
  }
  if (!read_only && exists && ::access(path.c_str(), W_OK) != 0)
    return Status::Error(path + ": the store is read-only (no write permission)");
  sqlite3* db = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Store> store(new Store(db));
  if (rc != SQLITE_OK)
    return Status::Error(path + ": cannot open the store: " + sqlite3_errstr(rc));
  sqlite3_busy_timeout(db, 60000);  // another ingest may hold the write lock
  sqlite3_extended_result_codes(db, 1);
  // The first real read tells whether this is an SQLite file at all.
  Statement probe(db, "SELECT value FROM meta WHERE key = 'schema'");
  bool has_meta = probe.ok();
  if (!has_meta) {
    // A meta table now means another ingest created the store since the
    // probe: it is ours.
    Statement tables(db, "SELECT count(*), coalesce(sum(name = 'meta'), 0) FROM sqlite_master");
    if (!tables.ok() || !tables.Step())
      return Status::Error(path + ": not a newsgraph store (not an SQLite database)");
    if (tables.Int(0) > 0 && tables.Int(1) == 0)
      return Status::Error(path + ": not a newsgraph store (foreign tables)");
    if (read_only) return Status::Error(path + ": empty store; ingest something first");
  } else if (probe.Step() && probe.Text(0) != kSchemaVersion) {
    return Status::Error(path + ": store schema " + probe.Text(0) + " is not the supported " +
                         kSchemaVersion + "; re-ingest into a new store");
  }
  if (!read_only) {
    // A batch of documents dirties many pages; with SQLite's default 2 MiB
    // page cache they spilled into the WAL mid-transaction and were written
    // again and again (40 page writes per document). 64 MiB holds a batch.
    // 16 KiB pages (a new store only; set before its first table): fewer,
    // fuller pages for the same rows, 38 -> 35 MB on the Reuters corpus,
    // and half the commit time. The WAL is copied back into the store
    // every 32 MiB instead of every 1000 pages (then 16 MiB), so that an
    // ingest does not checkpoint at nearly every batch commit.
    for (const char* pragma : {"PRAGMA page_size=16384", "PRAGMA journal_mode=WAL",
                               "PRAGMA synchronous=NORMAL", "PRAGMA cache_size=-65536",
                               "PRAGMA temp_store=MEMORY", "PRAGMA wal_autocheckpoint=2048"}) {
      Status s = Exec(db, pragma);
      if (!s.ok()) return s.WithContext(path);
    }
    // One transaction: another ingest opening the same new store sees no
    // tables or all of them, never a half-made schema.
    Transaction schema(db);
    if (!schema.status().ok()) return schema.status().WithContext(path);
    Status s = Exec(db, kSchema);
    if (!s.ok()) return s.WithContext(path);
    s = Exec(db, (std::string("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '") +
                  kSchemaVersion + "')").c_str());
    if (!s.ok()) return s.WithContext(path);
    s = schema.Commit();
    if (!s.ok()) return s.WithContext(path);
    s = store->PrepareWrites();
    if (!s.ok()) return s.WithContext(path);
  }
  return store;
}

Status Store::PrepareWrites() {
  st_ = std::make_unique<Statements>(db_);
  return st_->FirstError();
}

bool Store::SourceUnchanged(const std::string& path, uint64_t content_hash,
                            const std::string& version) {
  if (!st_) return false;
  Statement& q = st_->find_source;
  q.Reset();
  q.Bind(1, path);
  bool same = q.Step() && q.Text(0) == HexHash(content_hash) && q.Text(1) == version;
  q.Reset();
  return same;
}

Result<std::unordered_map<std::string, uint64_t>> Store::SourceHashes(const std::string& version) {
  std::unordered_map<std::string, uint64_t> out;
  Statement q(db_, "SELECT path, content_hash FROM sources WHERE version = ?1");
  if (!q.ok()) return q.status();
  q.Bind(1, version);
  while (q.Step()) out[q.Text(0)] = std::strtoull(q.Text(1).c_str(), nullptr, 16);
  if (!q.status().ok()) return q.status();
  return out;
}

void Store::ForgetKnownRows() {
  known_entities_.clear();
  known_aliases_.clear();
}

Status Store::BeginBatch() {
  if (!st_) return Status::Error("store opened read-only");
  ForgetKnownRows();
  if (sqlite3_get_autocommit(db_) == 0) return Status::OK();
  return Exec(db_, "BEGIN IMMEDIATE");
}

Status Store::CommitBatch() {
  ForgetKnownRows();
  if (sqlite3_get_autocommit(db_) != 0) return Status::OK();
  Status s = Exec(db_, "COMMIT");
  if (s.ok()) return s;
  // Whatever SQLite left open (some failed commits stay open) is undone, so
  // that the caller knows exactly what did not land.
  if (sqlite3_get_autocommit(db_) == 0) Exec(db_, "ROLLBACK");
  ++batch_rollbacks_;
  return Status::Error(s.message() +
                       "; the documents stored since the last batch commit were rolled back: "
                       "run the ingest again to store them");
}

Status Store::MarkSource(const std::string& path, uint64_t content_hash, const std::string& version) {
  if (!st_) return Status::Error("store opened read-only");
  Statement& q = st_->upsert_source;
  q.Reset();
  Status s = q.Bind(1, path).Bind(2, HexHash(content_hash)).Bind(3, version).Run();
  q.Reset();
  return s;
}

Result<PutOutcome> Store::Put(const Extraction& x, const std::string& version) {
  if (!st_) return Status::Error("store opened read-only");
  // Inside a batch, whose transaction holds the write lock, a document's
  // rows go straight in: a savepoint per document copied every page it
  // touched and was a fifth of the cost of a Put. Outside a batch the
  // document is its own transaction.
  std::optional<Transaction> own;
  if (sqlite3_get_autocommit(db_) != 0) {
    ForgetKnownRows();  // another writer may have changed them
    own.emplace(db_);
    if (!own->status().ok()) return own->status();
  }
  bool wrote = false;
  Result<PutOutcome> out = WriteDocument(x, version, &wrote);
  if (out.ok()) {
    if (own) {
      if (Status s = own->Commit(); !s.ok()) return s;
    }
    return out;
  }
  ForgetKnownRows();
  // Own transaction: it rolls back. Nothing written yet: a failed statement
  // undoes itself. Else part of the document is in the batch, and only
  // rolling back the batch keeps it out; the next batch starts at once.
  if (own || !wrote) return out.status();
  if (sqlite3_get_autocommit(db_) == 0) Exec(db_, "ROLLBACK");
  ++batch_rollbacks_;
  Exec(db_, "BEGIN IMMEDIATE");
  return Status::Error(out.status().message() +
                       "; the documents stored since the last batch commit were rolled back "
                       "with it: run the ingest again to store them");
}

Result<PutOutcome> Store::WriteDocument(const Extraction& x, const std::string& version,
                                        bool* wrote) {
  const Document& d = x.doc;
  const std::string hash = HexHash(d.content_hash);
  // Every text bound below lives in `x`, `hash` or `version`
  // until its statement is reset, so it is bound without a copy.
  auto run = [](Statement& s) {
    Status st = s.Run();
    s.Reset();
    return st;
  };
  auto write = [&](Statement& s) {
    Status st = run(s);
    if (st.ok()) *wrote = true;
    return st;
  };
  // What could fail for this document alone is checked before the first
  // write, so that a failure after it can only be the disk's.
  for (const Figure& f : x.figures)
    if (std::isnan(f.value))
      return Status::Error("figure \"" + f.text + "\" has no numeric value");
  std::string old_id;
  int64_t old_key = 0;
  bool replacing = false;
  {
    Statement& q = st_->find_doc;
    q.Reset();
    q.BindView(1, d.identity);
    if (q.Step()) {
      if (q.TextView(1) == hash && q.TextView(2) == version) {
        q.Reset();
        return PutOutcome::kUnchanged;
      }
      old_key = q.Int(0);
      old_id = q.Text(3);
      replacing = true;
    }
    Status s = q.status();
    q.Reset();
    if (!s.ok()) return s;
  }
  if (replacing && old_id != d.id) {
    Statement& q = st_->find_id;
    q.BindView(1, d.id);
    bool taken = q.Step();
    Status s = q.status();
    q.Reset();
    if (!s.ok()) return s;
    if (taken) return Status::Error("document id " + d.id + " is already another document's");
  }
  std::set<std::string> old_entities;
  if (replacing) {
    Statement& e = st_->doc_entities;
    e.Bind(1, old_key);
    while (e.Step()) old_entities.insert(e.Text(0));
    Status s = e.status();
    e.Reset();
    if (!s.ok()) return s;
    for (Statement* del : {&st_->delete_conflicts, &st_->delete_mentions, &st_->delete_figures,
                           &st_->delete_relations, &st_->delete_doc}) {
      del->Bind(1, old_key);
      if (Status s = write(*del); !s.ok()) return s;
    }
  }
  Statement& doc = st_->insert_doc;
  doc.BindView(1, d.id).BindView(2, d.identity).BindView(3, d.path).BindView(4, FormatName(d.format));
  doc.BindView(5, d.title).BindViewOrNull(6, d.url).BindViewOrNull(7, d.publisher);
  doc.BindViewOrNull(8, d.published).BindView(9, hash).BindView(10, version).BindView(11, d.text);
  if (Status s = write(doc); !s.ok()) return s;
  const int64_t key = sqlite3_last_insert_rowid(db_);
  const std::string_view text = d.text;
  std::vector<std::string_view> names, counted;
  for (const Entity& e : x.entities) {
    // This document counts once in entities.docs, if it mentions the
    // entity; the old version of it, if that mentioned it, already did.
    bool first = !e.mentions.empty() &&
                 std::find(counted.begin(), counted.end(), e.id) == counted.end();
    if (first) counted.push_back(e.id);
    bool add = first && !old_entities.erase(e.id);
    if (add || !known_entities_.count(e.id)) {
      st_->count_entity.BindView(1, e.id).BindView(2, e.type).BindView(3, e.name);
      st_->count_entity.Bind(4, int64_t{add ? 1 : 0});
      if (Status s = write(st_->count_entity); !s.ok()) return s;
      known_entities_.insert(e.id);
    }
    // Every written form is an alias: the same few repeat across mentions,
    // so each distinct one is inserted once.
    names.assign(e.aliases.begin(), e.aliases.end());
    for (const Mention& m : e.mentions) names.push_back(m.text);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (std::string_view alias : names) {
      alias_key_.assign(e.id).push_back('\x1f');
      alias_key_.append(alias);
      if (known_aliases_.count(alias_key_)) continue;
      st_->insert_alias.BindView(1, e.id).BindView(2, alias);
      if (Status s = write(st_->insert_alias); !s.ok()) return s;
      known_aliases_.insert(alias_key_);
    }
    for (const Mention& m : e.mentions) {
      Statement& q = st_->insert_mention;
      q.Bind(1, key).BindView(2, e.id).Bind(3, static_cast<int64_t>(m.start));
      q.Bind(4, static_cast<int64_t>(m.end));
      if (!IsAt(text, m.start, m.end, m.text)) q.BindView(5, m.text);
      if (Status s = write(q); !s.ok()) return s;
    }
  }
  // Figures of one sentence come together: its place is looked up once.
  const std::string* last_sentence = nullptr;
  size_t sentence_at = std::string_view::npos;
  for (const Figure& f : x.figures) {
    if (!last_sentence || *last_sentence != f.sentence)
      sentence_at = FindSentence(text, f.sentence, f.start, f.end);
    last_sentence = &f.sentence;
    Statement& q = st_->insert_figure;
    q.Bind(1, key).Bind(2, static_cast<int64_t>(f.start)).Bind(3, static_cast<int64_t>(f.end));
    q.BindView(4, f.text);
    if (sentence_at != std::string_view::npos) {
      q.Bind(5, static_cast<int64_t>(sentence_at));
      q.Bind(6, static_cast<int64_t>(sentence_at + f.sentence.size()));
    } else {
      q.Bind(5, int64_t{0}).Bind(6, int64_t{0}).BindView(7, f.sentence);
    }
    q.Bind(8, f.value).Bind(9, f.value_max);
    q.BindView(10, f.unit).BindView(11, f.qualifier).BindView(12, f.metric);
    q.BindViewOrNull(13, f.subject).BindViewOrNull(14, f.period).BindView(15, f.kind);
    q.BindViewOrNull(16, f.policy);
    if (Status s = write(q); !s.ok()) return s;
  }
  for (const Relation& r : x.relations) {
    Statement& q = st_->insert_relation;
    q.Bind(1, key).BindView(2, r.subject).BindView(3, r.predicate).BindView(4, r.object);
    if (!IsAt(text, r.start, r.end, r.sentence)) q.BindView(5, r.sentence);
    q.Bind(6, static_cast<int64_t>(r.start));
    q.Bind(7, static_cast<int64_t>(r.end));
    if (Status s = write(q); !s.ok()) return s;
  }
  // Entities only the old version of this document mentioned lose its
  // count, and go if no other document mentions them.
  if (!old_entities.empty()) ForgetKnownRows();
  for (const std::string& id : old_entities) {
    st_->uncount_entity.BindView(1, id);
    if (Status s = write(st_->uncount_entity); !s.ok()) return s;
    st_->gc_entity.BindView(1, id);
    if (Status s = write(st_->gc_entity); !s.ok()) return s;
    st_->gc_aliases.BindView(1, id);
    if (Status s = write(st_->gc_aliases); !s.ok()) return s;
  }
  return replacing ? PutOutcome::kReplaced : PutOutcome::kAdded;
}

Result<GraphData> Store::Load(const LoadOptions& options) {
  GraphData g;
  // Columns are copied straight from SQLite's buffers into the structs
  // (TextView), and the vectors are sized first: the temporary strings and
  // the moves of regrowing vectors were a third of a load.
  auto count = [this](const char* sql) -> size_t {
    Statement q(db_, sql);
    return q.Step() ? static_cast<size_t>(q.Int(0)) : 0;
  };
  // Facts name their document by key: doc_at[key] is its index in
  // g.documents (keys are row ids, dense up to the largest).
  std::vector<uint32_t> doc_at;
  constexpr uint32_t kNoDoc = UINT32_MAX;
  g.documents.reserve(count("SELECT count(*) FROM documents"));
  doc_at.assign(count("SELECT max(key) FROM documents") + 1, kNoDoc);
  auto add_doc = [&](int64_t key) -> Document& {
    if (key >= 0 && static_cast<size_t>(key) < doc_at.size())
      doc_at[static_cast<size_t>(key)] = static_cast<uint32_t>(g.documents.size());
    return g.documents.emplace_back();
  };
  // Without documents, the facts read still name theirs: id_at_key[key].
  std::vector<std::string> id_at_key;
  // The id of the document with `key`; empty if there is none.
  const std::string no_id;
  auto doc_id = [&](int64_t key) -> const std::string& {
    if (key < 0 || static_cast<size_t>(key) >= doc_at.size()) return no_id;
    if (!options.documents) return id_at_key[static_cast<size_t>(key)];
    if (doc_at[static_cast<size_t>(key)] == kNoDoc) return no_id;
    return g.documents[doc_at[static_cast<size_t>(key)]].id;
  };
  if (!options.documents) {
    if (options.figures || options.mentions || options.relations) {
      id_at_key.resize(doc_at.size());
      Statement q(db_, "SELECT key, id FROM documents");
      if (!q.ok()) return q.status();
      while (q.Step()) {
        int64_t key = q.Int(0);
        if (key >= 0 && static_cast<size_t>(key) < id_at_key.size())
          id_at_key[static_cast<size_t>(key)] = q.TextView(1);
      }
      if (!q.status().ok()) return q.status();
    }
  } else if (!options.document_details) {
    // id, path and date only, in table order.
    Statement q(db_, "SELECT key, id, path, published FROM documents");
    if (!q.ok()) return q.status();
    while (q.Step()) {
      Document& d = add_doc(q.Int(0));
      d.id = q.TextView(1);
      d.path = q.TextView(2);
      d.published = q.TextView(3);
    }
    if (!q.status().ok()) return q.status();
  } else {
    // Read in key order and sorted here by (published, title), ties in key
    // order: what ORDER BY published, title gave (SQLite's sorter keeps
    // ties in scan order), without its sorter copying every row.
    std::vector<int64_t> keys;
    keys.reserve(g.documents.capacity());
    Statement q(db_, "SELECT key, id, identity, path, format, title, url, publisher, published, "
                     "content_hash FROM documents");
    if (!q.ok()) return q.status();
    while (q.Step()) {
      keys.push_back(q.Int(0));
      Document& d = g.documents.emplace_back();
      d.id = q.TextView(1);
      d.identity = q.TextView(2);
      d.path = q.TextView(3);
      std::string_view fmt = q.TextView(4);
      d.format = fmt == "html" ? Format::kHtml : fmt == "wordpress" ? Format::kWordPress : Format::kText;
      d.title = q.TextView(5);
      d.url = q.TextView(6);
      d.publisher = q.TextView(7);
      d.published = q.TextView(8);
      d.content_hash = std::strtoull(q.TextView(9).data(), nullptr, 16);  // NUL-terminated
    }
    if (!q.status().ok()) return q.status();
    std::vector<uint32_t> order(g.documents.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const Document &x = g.documents[a], &y = g.documents[b];
      if (int c = x.published.compare(y.published); c != 0) return c < 0;
      return x.title < y.title;
    });
    std::vector<Document> sorted;
    sorted.reserve(order.size());
    for (uint32_t i : order) {
      int64_t key = keys[i];
      if (key >= 0 && static_cast<size_t>(key) < doc_at.size())
        doc_at[static_cast<size_t>(key)] = static_cast<uint32_t>(sorted.size());
      sorted.push_back(std::move(g.documents[i]));
    }
    g.documents = std::move(sorted);
  }
  if (options.entities) {
    Statement q(db_, "SELECT e.id, e.type, e.name, a.alias FROM entities e "
                     "LEFT JOIN entity_aliases a ON a.entity_id = e.id ORDER BY e.id");
    if (!q.ok()) return q.status();
    g.entities.reserve(count("SELECT count(*) FROM entities"));
    while (q.Step()) {
      std::string_view id = q.TextView(0);
      if (g.entities.empty() || g.entities.back().id != id) {
        Entity& e = g.entities.emplace_back();
        e.id = id;
        e.type = q.TextView(1);
        e.name = q.TextView(2);
      }
      std::string_view alias = q.TextView(3);
      if (!q.IsNull(3) && alias != g.entities.back().name) g.entities.back().aliases.emplace_back(alias);
    }
    if (!q.status().ok()) return q.status();
  }
  if (options.mentions) {
    // The table is clustered by (document key, entity id): one scan gives
    // each document's distinct entities in order, with no sorter. Only the
    // documents are then put in id order, as whole runs.
    struct Run {
      const std::string* doc;
      size_t begin, end;
    };
    std::vector<Run> runs;
    std::vector<std::string> entities;
    // ORDER BY only picks the table over the smaller mentions_entity
    // index: it is the table's own order, no sorter runs.
    Statement q(db_, "SELECT doc, entity_id FROM mentions ORDER BY doc, entity_id");
    if (!q.ok()) return q.status();
    int64_t last_key = -1;
    bool orphan = false;  // no such document (cannot happen): skipped
    while (q.Step()) {
      int64_t key = q.Int(0);
      std::string_view entity = q.TextView(1);
      if (key != last_key) {
        last_key = key;
        const std::string& id = doc_id(key);
        orphan = &id == &no_id;
        if (orphan) continue;
        runs.push_back({&id, entities.size(), entities.size()});
      } else if (orphan || entities.back() == entity) {
        continue;
      }
      entities.emplace_back(entity);
      ++runs.back().end;
    }
    if (!q.status().ok()) return q.status();
    std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return *a.doc < *b.doc; });
    g.mentions.reserve(entities.size());
    for (const Run& r : runs)
      for (size_t i = r.begin; i < r.end; ++i) g.mentions.emplace_back(*r.doc, std::move(entities[i]));
  }
  // A document's text, for the sentences that point into it: read once
  // per run of its facts (they come in insertion order, so grouped).
  Statement text_of(db_, "SELECT text FROM documents WHERE key = ?1");
  if (!text_of.ok()) return text_of.status();
  int64_t text_key = -1;
  std::string_view text;
  auto doc_text = [&](int64_t key) -> Result<std::string_view> {
    if (key != text_key) {
      text_of.Reset();
      text_of.Bind(1, key);
      text = text_of.Step() ? text_of.TextView(0) : std::string_view();
      if (!text_of.status().ok()) return text_of.status();
      text_key = key;
    }
    return text;
  };
  // text[start, end) of a stored fact; empty if out of range (a corrupted row).
  auto slice = [](std::string_view t, int64_t start, int64_t end) {
    if (start < 0 || end < start || static_cast<size_t>(end) > t.size()) return std::string_view();
    return t.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  };
  if (options.figures) {
    std::string sql = std::string("SELECT id, doc, start, end, text, ") +
                      (options.figure_sentences ? "sentence_start, sentence_end, sentence"
                                                : "0, 0, ''") +
                      ", value, value_max, unit, qualifier, metric, subject, period, kind, policy "
                      "FROM figures ORDER BY id";
    if (!options.each_figure) g.figures.reserve(count("SELECT count(*) FROM figures"));
    Statement q(db_, sql);
    if (!q.ok()) return q.status();
    StoredFigure one;
    while (q.Step()) {
      StoredFigure& sf = options.each_figure ? (one = StoredFigure()) : g.figures.emplace_back();
      sf.id = q.Int(0);
      int64_t key = q.Int(1);
      sf.doc_id = doc_id(key);
      Figure& f = sf.figure;
      f.start = static_cast<size_t>(q.Int(2));
      f.end = static_cast<size_t>(q.Int(3));
      f.text = q.TextView(4);
      if (!q.IsNull(7)) {
        f.sentence = q.TextView(7);
      } else {
        auto t = doc_text(key);
        if (!t.ok()) return t.status();
        f.sentence = slice(*t, q.Int(5), q.Int(6));
      }
      f.value = q.Double(8);
      if (!q.IsNull(9)) f.value_max = q.Double(9);
      f.unit = q.TextView(10);
      f.qualifier = q.TextView(11);
      f.metric = q.TextView(12);
      f.subject = q.TextView(13);
      f.period = q.TextView(14);
      f.kind = q.TextView(15);
      f.policy = q.TextView(16);
      if (options.each_figure) options.each_figure(std::move(one));
    }
    if (!q.status().ok()) return q.status();
  }
  if (options.relations) {
    Statement q(db_, "SELECT id, doc, subject, predicate, object, sentence, start, end "
                     "FROM relations ORDER BY id");
    if (!q.ok()) return q.status();
    g.relations.reserve(count("SELECT count(*) FROM relations"));
    while (q.Step()) {
      StoredRelation& r = g.relations.emplace_back();
      r.id = q.Int(0);
      int64_t key = q.Int(1);
      r.doc_id = doc_id(key);
      int64_t start = q.Int(6), end = q.Int(7);
      std::string_view sentence = q.TextView(5);
      if (q.IsNull(5)) {
        auto t = doc_text(key);
        if (!t.ok()) return t.status();
        sentence = slice(*t, start, end);
      }
      r.relation = Relation{std::string(q.TextView(2)), std::string(q.TextView(3)),
                            std::string(q.TextView(4)), std::string(sentence),
                            static_cast<size_t>(start), static_cast<size_t>(end)};
    }
    if (!q.status().ok()) return q.status();
  }
  text_of.Reset();
  if (options.conflicts) {
    Statement q(db_, "SELECT figure_a, figure_b, severity, reason FROM conflicts");
    if (!q.ok()) return q.status();
    while (q.Step()) g.conflicts.push_back({q.Int(0), q.Int(1), q.Text(2), q.Text(3)});
    if (!q.status().ok()) return q.status();
  }
  return g;
}

Result<std::string> Store::FigureSentence(long long figure_id) {
  // Prepared once: a report or query asks for thousands, one by one. The
  // last document's text is kept: its figures come one after another (ids
  // follow the document), and a long document read once per figure was
  // most of the `conflicts` time at 8x.
  if (figure_sentence_ == nullptr) {
    figure_sentence_ = std::make_unique<Statement>(
        db_, "SELECT sentence, sentence_start, sentence_end, doc FROM figures WHERE id = ?1");
    document_text_ = std::make_unique<Statement>(db_, "SELECT text FROM documents WHERE key = ?1");
    cached_text_key_ = -1;
  }
  Statement& q = *figure_sentence_;
  if (!q.ok()) return q.status();
  q.Reset();
  q.Bind(1, static_cast<int64_t>(figure_id));
  if (!q.Step()) {
    Status s = q.status();
    q.Reset();
    if (!s.ok()) return s;
    return Status::Error("no figure " + std::to_string(figure_id));
  }
  // Stored as a copy only when it is not a slice of the document's text.
  // Reset as soon as read: a stepped statement holds its read transaction.
  if (!q.IsNull(0)) {
    std::string copy(q.TextView(0));
    q.Reset();
    return copy;
  }
  int64_t start = q.Int(1), end = q.Int(2), key = q.Int(3);
  q.Reset();
  if (key != cached_text_key_) {
    Statement& t = *document_text_;
    if (!t.ok()) return t.status();
    t.Reset();
    t.Bind(1, key);
    cached_text_ = t.Step() ? std::string(t.TextView(0)) : std::string();
    Status s = t.status();
    t.Reset();
    if (!s.ok()) return s;
    cached_text_key_ = key;
  }
  if (start < 0 || end < start || static_cast<size_t>(end) > cached_text_.size()) return std::string();
  return cached_text_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
}

Status Store::ReplaceConflicts(const std::vector<StoredConflict>& conflicts) {
  Transaction txn(db_);
  if (!txn.status().ok()) return txn.status();
  if (Status s = Exec(db_, "DELETE FROM conflicts"); !s.ok()) return s;
  Statement q(db_, "INSERT INTO conflicts(figure_a, figure_b, severity, reason) VALUES (?1,?2,?3,?4)");
  if (!q.ok()) return q.status();
  for (const StoredConflict& c : conflicts) {
    q.Bind(1, static_cast<int64_t>(c.figure_a)).Bind(2, static_cast<int64_t>(c.figure_b));
    q.Bind(3, c.severity).Bind(4, c.reason);
    if (Status s = q.Run(); !s.ok()) return s;
    q.Reset();
  }
  return txn.Commit();
}

Result<Store::Counts> Store::CountAll() {
  Counts c;
  struct Item {
    const char* sql;
    long long* out;
  } items[] = {{"SELECT count(*) FROM documents", &c.documents},
               {"SELECT count(*) FROM entities", &c.entities},
               {"SELECT count(*) FROM mentions", &c.mentions},
               {"SELECT count(*) FROM figures", &c.figures},
               {"SELECT count(*) FROM relations", &c.relations},
               {"SELECT count(*) FROM conflicts", &c.conflicts}};
  for (const Item& item : items) {
    Statement q(db_, item.sql);
    if (!q.ok()) return q.status();
    if (q.Step()) *item.out = q.Int(0);
    if (!q.status().ok()) return q.status();
  }
  return c;
}

}  // namespace newsgraph
