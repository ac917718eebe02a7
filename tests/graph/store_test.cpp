#include "graph/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsgraph-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "g.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Extraction Sample(const std::string& identity, uint64_t hash, double value) {
    Extraction x;
    x.doc.id = "doc-" + identity;
    x.doc.identity = identity;
    x.doc.path = identity + ".txt";
    x.doc.title = "Plan released";
    x.doc.published = "2025-03-28";
    x.doc.text = "MIIT released the plan. Output to exceed 15 Mt.";
    x.doc.content_hash = hash;
    Entity miit{"government_body:miit", "government_body", "MIIT", {"Ministry of Industry"},
                {{"MIIT", 0, 4}}};
    x.entities.push_back(miit);
    Figure f;
    f.text = "exceed 15 Mt";
    f.sentence = "Output to exceed 15 Mt.";
    f.value = value;
    f.unit = "t";
    f.qualifier = "gt";
    f.metric = "output";
    f.kind = "target";
    x.figures.push_back(f);
    x.relations.push_back({"policy:plan", "issued_by", "government_body:miit",
                           "MIIT released the plan.", 0, 23});
    return x;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, PutThenLoadRoundTrips) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto put = (*store)->Put(Sample("a", 1, 15e6), "v1");
  ASSERT_TRUE(put.ok()) << put.status().message();
  EXPECT_EQ(*put, PutOutcome::kAdded);
  auto g = (*store)->Load();
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->documents.size(), 1u);
  EXPECT_EQ(g->documents[0].published, "2025-03-28");
  ASSERT_EQ(g->figures.size(), 1u);
  EXPECT_DOUBLE_EQ(g->figures[0].figure.value, 15e6);
  EXPECT_FALSE(g->figures[0].figure.value_max.has_value());
  ASSERT_EQ(g->entities.size(), 1u);
  EXPECT_EQ(g->entities[0].aliases, std::vector<std::string>{"Ministry of Industry"});
  EXPECT_EQ(g->relations.size(), 1u);
}

TEST_F(StoreTest, UnchangedDocumentIsLeftAlone) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_EQ(*(*store)->Put(Sample("a", 1, 15e6), "v1"), PutOutcome::kAdded);
  EXPECT_EQ(*(*store)->Put(Sample("a", 1, 15e6), "v1"), PutOutcome::kUnchanged);
  EXPECT_EQ((*store)->CountAll()->figures, 1);
}

TEST_F(StoreTest, ChangedDocumentReplacesItsFacts) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_EQ(*(*store)->Put(Sample("a", 1, 15e6), "v1"), PutOutcome::kAdded);
  ASSERT_EQ(*(*store)->Put(Sample("b", 7, 1), "v1"), PutOutcome::kAdded);
  EXPECT_EQ(*(*store)->Put(Sample("a", 2, 16e6), "v1"), PutOutcome::kReplaced);
  auto counts = (*store)->CountAll();
  EXPECT_EQ(counts->documents, 2);
  EXPECT_EQ(counts->figures, 2);
  EXPECT_EQ(counts->relations, 2);
  auto g = (*store)->Load();
  bool found_new = false;
  for (const auto& f : g->figures) found_new |= f.doc_id == "doc-a" && f.figure.value == 16e6;
  EXPECT_TRUE(found_new);
  // A new extractor version redoes an unchanged document too.
  EXPECT_EQ(*(*store)->Put(Sample("a", 2, 16e6), "v2"), PutOutcome::kReplaced);
}

TEST_F(StoreTest, SourcesRememberWhatWasIngested) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  EXPECT_FALSE((*store)->SourceUnchanged("x.txt", 5, "v1"));
  ASSERT_TRUE((*store)->MarkSource("x.txt", 5, "v1").ok());
  EXPECT_TRUE((*store)->SourceUnchanged("x.txt", 5, "v1"));
  EXPECT_FALSE((*store)->SourceUnchanged("x.txt", 6, "v1"));
  EXPECT_FALSE((*store)->SourceUnchanged("x.txt", 5, "v2"));
}

TEST_F(StoreTest, PersistsAcrossOpens) {
  {
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put(Sample("a", 1, 15e6), "v1").ok());
  }
  auto store = Store::Open(path_, /*read_only=*/true);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->CountAll()->documents, 1);
  EXPECT_FALSE((*store)->Put(Sample("b", 1, 1), "v1").ok());
}

TEST_F(StoreTest, ClearErrorsForUnusablePaths) {
  auto missing_dir = Store::Open((dir_ / "nope" / "g.db").string());
  ASSERT_FALSE(missing_dir.ok());
  EXPECT_NE(missing_dir.status().message().find("does not exist"), std::string::npos);

  auto missing_ro = Store::Open(path_, /*read_only=*/true);
  ASSERT_FALSE(missing_ro.ok());
  EXPECT_NE(missing_ro.status().message().find("ingest"), std::string::npos);

  auto is_dir = Store::Open(dir_.string());
  ASSERT_FALSE(is_dir.ok());
  EXPECT_NE(is_dir.status().message().find("directory"), std::string::npos);

  std::ofstream(path_) << "this is not a database, just some text that is long enough";
  auto not_db = Store::Open(path_);
  ASSERT_FALSE(not_db.ok());
  EXPECT_NE(not_db.status().message().find("not a newsgraph store"), std::string::npos);
}

TEST_F(StoreTest, ReadOnlyDirectoryIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  fs::path ro = dir_ / "ro";
  fs::create_directories(ro);
  ::chmod(ro.c_str(), 0555);
  auto store = Store::Open((ro / "g.db").string());
  ::chmod(ro.c_str(), 0755);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not writable"), std::string::npos);
}

TEST_F(StoreTest, ConflictsAreReplacedWholesale) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(Sample("a", 1, 15e6), "v1").ok());
  ASSERT_TRUE((*store)->Put(Sample("b", 2, 9), "v1").ok());
  auto g = (*store)->Load();
  ASSERT_EQ(g->figures.size(), 2u);
  StoredConflict c{g->figures[0].id, g->figures[1].id, "conflict", "15 Mt vs 9 t"};
  ASSERT_TRUE((*store)->ReplaceConflicts({c, c}).ok());
  EXPECT_EQ((*store)->CountAll()->conflicts, 2);
  ASSERT_TRUE((*store)->ReplaceConflicts({c}).ok());
  EXPECT_EQ((*store)->CountAll()->conflicts, 1);
}

// Entities and aliases only a replaced document's old version had are
// collected; shared ones stay. Inside a batch too, where the store skips
// rows it knows it has: an entity collected mid-batch must come back when
// a later document names it again.
TEST_F(StoreTest, ReplacingCollectsEntitiesOnlyTheOldVersionHad) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  for (bool batch : {false, true}) {
    SCOPED_TRACE(batch ? "in a batch" : "one transaction per document");
    fs::remove(path_);
    store = Store::Open(path_);
    ASSERT_TRUE(store.ok());
    if (batch) {
      ASSERT_TRUE((*store)->BeginBatch().ok());
    }
    Extraction a = Sample("a", 1, 15e6);
    a.entities.push_back({"company:chalco", "company", "Chalco", {"Aluminum Corp"},
                          {{"Chalco", 30, 36}, {"CHALCO", 40, 46}, {"Chalco", 50, 56}}});
    ASSERT_EQ(*(*store)->Put(a, "v1"), PutOutcome::kAdded);
    ASSERT_EQ(*(*store)->Put(Sample("b", 2, 1), "v1"), PutOutcome::kAdded);
    auto g = (*store)->Load();
    ASSERT_EQ(g->entities.size(), 2u);
    EXPECT_EQ(g->entities[0].id, "company:chalco");
    // Mentions' written forms become aliases, once each, sorted; the name is not one.
    EXPECT_EQ(g->entities[0].aliases, (std::vector<std::string>{"Aluminum Corp", "CHALCO"}));
    EXPECT_EQ((*store)->CountAll()->mentions, 5);

    // a without Chalco: Chalco and its aliases go, MIIT (also in b) stays.
    ASSERT_EQ(*(*store)->Put(Sample("a", 3, 15e6), "v1"), PutOutcome::kReplaced);
    g = (*store)->Load();
    ASSERT_EQ(g->entities.size(), 1u);
    EXPECT_EQ(g->entities[0].id, "government_body:miit");
    EXPECT_EQ((*store)->CountAll()->mentions, 2);

    // Named again later (same batch): stored again, with its aliases.
    Extraction c = Sample("c", 4, 2);
    c.entities.push_back({"company:chalco", "company", "Chalco", {}, {{"CHALCO", 0, 6}}});
    ASSERT_EQ(*(*store)->Put(c, "v1"), PutOutcome::kAdded);
    if (batch) {
      ASSERT_TRUE((*store)->CommitBatch().ok());
    }
    g = (*store)->Load();
    ASSERT_EQ(g->entities.size(), 2u);
    EXPECT_EQ(g->entities[0].id, "company:chalco");
    EXPECT_EQ(g->entities[0].aliases, std::vector<std::string>{"CHALCO"});
    std::vector<std::pair<std::string, std::string>> want = {
        {"doc-a", "government_body:miit"}, {"doc-b", "government_body:miit"},
        {"doc-c", "company:chalco"}, {"doc-c", "government_body:miit"}};
    EXPECT_EQ(g->mentions, want);
  }
}

// Each document counts once for each entity it mentions, however often it
// is replaced: the entity goes when the last document mentioning it does.
TEST_F(StoreTest, AnEntityGoesWithTheLastDocumentMentioningIt) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  auto without_miit = [](const std::string& identity, uint64_t hash) {
    Extraction x = Sample(identity, hash, 1);
    x.entities.clear();
    return x;
  };
  ASSERT_EQ(*(*store)->Put(Sample("a", 1, 1), "v1"), PutOutcome::kAdded);
  ASSERT_EQ(*(*store)->Put(Sample("b", 2, 1), "v1"), PutOutcome::kAdded);
  // Replaced twice, still mentioning MIIT: still two documents' worth.
  Extraction twice = Sample("a", 3, 1);
  twice.entities.push_back(twice.entities[0]);  // the same entity listed twice
  ASSERT_EQ(*(*store)->Put(twice, "v1"), PutOutcome::kReplaced);
  ASSERT_EQ(*(*store)->Put(Sample("a", 4, 1), "v1"), PutOutcome::kReplaced);
  ASSERT_EQ(*(*store)->Put(without_miit("a", 5), "v1"), PutOutcome::kReplaced);
  EXPECT_EQ((*store)->CountAll()->entities, 1);
  ASSERT_EQ(*(*store)->Put(without_miit("b", 6), "v1"), PutOutcome::kReplaced);
  EXPECT_EQ((*store)->CountAll()->entities, 0);
  ASSERT_EQ(*(*store)->Put(Sample("b", 7, 1), "v1"), PutOutcome::kReplaced);
  auto g = (*store)->Load();
  ASSERT_EQ(g->entities.size(), 1u);
  EXPECT_EQ(g->entities[0].aliases, std::vector<std::string>{"Ministry of Industry"});
}

TEST_F(StoreTest, ReplacingDropsConflictsOnTheOldFigures) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(Sample("a", 1, 15e6), "v1").ok());
  ASSERT_TRUE((*store)->Put(Sample("b", 2, 9), "v1").ok());
  ASSERT_TRUE((*store)->Put(Sample("c", 3, 7), "v1").ok());
  auto g = (*store)->Load();
  ASSERT_EQ(g->figures.size(), 3u);
  long long fa = g->figures[0].id, fb = g->figures[1].id, fc = g->figures[2].id;
  ASSERT_TRUE((*store)
                  ->ReplaceConflicts({{fa, fb, "conflict", "a vs b"},
                                      {fc, fa, "conflict", "c vs a"},
                                      {fb, fc, "warning", "b vs c"}})
                  .ok());
  ASSERT_EQ(*(*store)->Put(Sample("a", 9, 16e6), "v1"), PutOutcome::kReplaced);
  g = (*store)->Load();
  ASSERT_EQ(g->conflicts.size(), 1u);
  EXPECT_EQ(g->conflicts[0].reason, "b vs c");
  EXPECT_EQ((*store)->CountAll()->figures, 3);
}

// A document that cannot be stored fails alone: nothing of it lands, the
// batch goes on, and the next documents store fine.
TEST_F(StoreTest, AFailedDocumentLeavesNoRowsAndTheBatchGoesOn) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->BeginBatch().ok());
  ASSERT_EQ(*(*store)->Put(Sample("a", 1, 15e6), "v1"), PutOutcome::kAdded);
  Extraction bad = Sample("b", 2, std::nan(""));
  bad.entities.push_back({"company:only-in-b", "company", "Only", {}, {{"Only", 0, 4}}});
  auto put = (*store)->Put(bad, "v1");
  ASSERT_FALSE(put.ok());
  EXPECT_NE(put.status().message().find("no numeric value"), std::string::npos);
  // Another document whose id is taken by a third one.
  Extraction clash = Sample("a2", 3, 1);
  clash.doc.id = "doc-a";
  EXPECT_FALSE((*store)->Put(clash, "v1").ok());
  ASSERT_EQ(*(*store)->Put(Sample("c", 4, 2), "v1"), PutOutcome::kAdded);
  ASSERT_TRUE((*store)->CommitBatch().ok());
  auto counts = (*store)->CountAll();
  EXPECT_EQ(counts->documents, 2);
  EXPECT_EQ(counts->figures, 2);
  EXPECT_EQ(counts->mentions, 2);
  EXPECT_EQ(counts->entities, 1);
  // Replacing with a clashing id is refused before the old version goes.
  Extraction moved = Sample("c", 5, 2);
  moved.doc.id = "doc-a";
  EXPECT_FALSE((*store)->Put(moved, "v1").ok());
  EXPECT_EQ((*store)->CountAll()->documents, 2);
}

TEST_F(StoreTest, OlderSchemaAsksForANewStore) {
  {
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE meta SET value = '1' WHERE key = 'schema'", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("re-ingest into a new store"), std::string::npos);
}

// What the consistency check loads: ids and dates of documents, figures
// without sentences.
TEST_F(StoreTest, LoadCanSkipDocumentDetailsAndSentences) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(Sample("a", 1, 15e6), "v1").ok());
  Store::LoadOptions options;
  options.document_details = options.figure_sentences = false;
  options.entities = options.mentions = options.relations = false;
  auto g = (*store)->Load(options);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->documents.size(), 1u);
  EXPECT_EQ(g->documents[0].id, "doc-a");
  EXPECT_EQ(g->documents[0].published, "2025-03-28");
  EXPECT_EQ(g->documents[0].title, "");
  ASSERT_EQ(g->figures.size(), 1u);
  EXPECT_EQ(g->figures[0].figure.sentence, "");
  EXPECT_EQ(g->figures[0].figure.text, "exceed 15 Mt");
  EXPECT_TRUE(g->entities.empty());
  EXPECT_TRUE(g->mentions.empty());
  EXPECT_TRUE(g->relations.empty());
  auto full = (*store)->Load();
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->documents[0].title, "Plan released");
  EXPECT_EQ(full->documents[0].content_hash, 1u);
  EXPECT_EQ(full->figures[0].figure.sentence, "Output to exceed 15 Mt.");
}

}  // namespace
}  // namespace newsgraph
