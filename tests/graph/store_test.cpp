#include "graph/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

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

}  // namespace
}  // namespace newsgraph
