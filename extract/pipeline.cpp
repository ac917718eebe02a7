#include "extract/pipeline.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/hash.h"
#include "extract/cleaner.h"
#include "extract/encoding.h"
#include "extract/lexicon.h"
#include "extract/reader.h"
#include "extract/segmenter.h"

namespace newsgraph {

const char* const kExtractorVersion = "0.1.0";

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const ExtractOptions& options) {
  std::string data_dir = ResolveDataDir(options.data_dir);
  std::unique_ptr<Pipeline> p(new Pipeline());
  auto entities = EntityExtractor::Create(data_dir);
  if (!entities.ok()) return entities.status();
  auto figures = FigureExtractor::Create(data_dir);
  if (!figures.ok()) return figures.status();
  auto relations = RelationExtractor::Create(data_dir);
  if (!relations.ok()) return relations.status();
  p->entities_ = std::move(entities).value();
  p->figures_ = std::move(figures).value();
  p->relations_ = std::move(relations).value();
  return p;
}

Extraction Pipeline::ExtractDocument(Document doc) const {
  Extraction x;
  std::vector<Sentence> sentences = SplitSentences(doc);
  x.entities = entities_->Extract(doc, sentences);
  x.figures = figures_->Extract(doc, sentences, x.entities);
  x.relations = relations_->Extract(doc, sentences, x.entities);
  x.doc = std::move(doc);
  return x;
}

Result<std::vector<Extraction>> Pipeline::ExtractBytes(const std::string& path,
                                                       std::string_view bytes,
                                                       std::vector<std::string>* warnings) const {
  auto utf8 = ToUtf8(bytes);
  if (!utf8.ok()) return utf8.status();
  auto articles = ReadArticles(*utf8, warnings);
  if (!articles.ok()) return articles.status();
  std::vector<Extraction> out;
  CleanOptions options;
  options.path = path;
  for (const RawArticle& raw : *articles) {
    Document doc = CleanArticle(raw, options);
    // A WordPress array holds several posts: each is its own document.
    doc.content_hash = articles->size() == 1 ? Fnv1a64(bytes)
                                             : Fnv1a64(doc.text, Fnv1a64(doc.title));
    out.push_back(ExtractDocument(std::move(doc)));
  }
  return out;
}

Result<std::string> ReadFileBytes(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return Status::Error(errno == ENOENT ? "no such file or directory" : std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status::Error("is a directory");
  if (!S_ISREG(st.st_mode)) return Status::Error("not a regular file");
  if (static_cast<size_t>(st.st_size) > kMaxInputBytes)
    return Status::Error("file is " + std::to_string(st.st_size >> 20) +
                         " MiB, larger than the " + std::to_string(kMaxInputBytes >> 20) +
                         " MiB limit for one article file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(std::strerror(errno));
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return Status::Error("read error");
  return bytes;
}

}  // namespace newsgraph
