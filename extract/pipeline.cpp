#include "extract/pipeline.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

namespace {

// Why a file cannot be read as an article, from its metadata; OK for a
// regular file within the size limit.
Status CheckInputFile(const struct stat& st) {
  if (S_ISDIR(st.st_mode)) return Status::Error("is a directory");
  if (!S_ISREG(st.st_mode)) return Status::Error("not a regular file");
  if (static_cast<size_t>(st.st_size) > kMaxInputBytes)
    return Status::Error("file is " + std::to_string(st.st_size >> 20) +
                         " MiB, larger than the " + std::to_string(kMaxInputBytes >> 20) +
                         " MiB limit for one article file");
  return Status::OK();
}

// Closes the descriptor on every return path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

// open + fstat + read: one path lookup and no stream buffer, which with many
// small articles is a visible share of the whole run. O_NONBLOCK keeps a FIFO
// from blocking the open; fstat then rejects it like any non-regular file.
Result<std::string> ReadFileBytes(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    // Report what stat says first ("is a directory" rather than "Permission
    // denied" for an unreadable directory), as before.
    int open_errno = errno;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0)
      return Status::Error(errno == ENOENT ? "no such file or directory" : std::strerror(errno));
    if (Status s = CheckInputFile(st); !s.ok()) return s;
    return Status::Error(std::strerror(open_errno));
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return Status::Error(std::strerror(errno));
  if (Status s = CheckInputFile(st); !s.ok()) return s;
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t got = 0;
  while (got < bytes.size()) {
    ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Error("read error");
    if (n == 0) break;  // the file shrank since fstat
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

}  // namespace newsgraph
