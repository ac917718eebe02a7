#include "extract/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <array>
#include <cctype>
#include <memory>
#include <string>

namespace newsgraph {

namespace {

// Words after which a period does not end a sentence.
constexpr std::array<std::string_view, 40> kAbbreviations = {
    "u.s", "u.k", "u.n", "e.u", "no", "nos", "approx", "mt", "co", "corp", "inc", "ltd", "dr",
    "mr", "mrs", "ms", "prof", "st", "jr", "sr", "e.g", "i.e", "etc.,", "vs", "fig", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov",
    "dept", "est"};

icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" makes ICU itself skip common abbreviations ("Mr.", "U.S.").
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      bi.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    }
    return bi;
  }();
  return it.get();
}

// True if the sentence break at `pos` (just after ". ") should be undone.
bool FalseBreak(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  if (end == 0 || text[end - 1] != '.') return false;
  size_t word_start = end - 1;
  while (word_start > 0 && !std::isspace(static_cast<unsigned char>(text[word_start - 1])) &&
         text[word_start - 1] != '(')
    --word_start;
  std::string word(text.substr(word_start, end - 1 - word_start));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Next visible character.
  size_t next = pos;
  while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next]))) ++next;
  if (next >= text.size()) return false;
  unsigned char nc = static_cast<unsigned char>(text[next]);
  if (std::islower(nc) || std::isdigit(nc)) return true;  // "approx. 5", "U.S. government"
  if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) return true;  // "J. Smith"
  for (auto abbr : kAbbreviations)
    if (word == abbr) return word != "no" || std::isdigit(nc);
  // "U.S." style: letters separated by periods.
  if (word.size() >= 3 && word.find('.') != std::string::npos) {
    bool dotted = true;
    for (char c : word) dotted &= (std::isalpha(static_cast<unsigned char>(c)) || c == '.');
    if (dotted) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> SplitText(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  if (text.empty()) return out;
  icu::BreakIterator* bi = ThreadIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (bi == nullptr || U_FAILURE(status)) {
    if (ut) utext_close(ut);
    out.emplace_back(0, text.size());
    return out;
  }
  bi->setText(ut, status);
  size_t start = 0;
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
    size_t pos = static_cast<size_t>(b);
    if (pos < text.size() && FalseBreak(text, pos)) continue;
    size_t end = pos;
    while (end > start && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    if (end > start) out.emplace_back(start, end);
    start = pos;
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  }
  if (start < text.size()) out.emplace_back(start, text.size());
  // Detach the iterator from the UText before closing it.
  bi->setText(icu::UnicodeString());
  utext_close(ut);
  return out;
}

namespace {

// Where to cut an over-long sentence at or before `limit`: after "; " or
// ", " if one is in the last half, else at a space, else at a UTF-8
// boundary.
size_t CutPoint(std::string_view s, size_t limit) {
  for (std::string_view sep : {"; ", ", "}) {
    size_t p = s.rfind(sep, limit - sep.size());
    if (p != std::string_view::npos && p >= limit / 2) return p + sep.size();
  }
  size_t p = s.rfind(' ', limit - 1);
  if (p != std::string_view::npos && p >= limit / 2) return p + 1;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return cut > 0 ? cut : limit;
}

}  // namespace

std::vector<Sentence> SplitSentences(const Document& doc) {
  std::vector<Sentence> out;
  std::string_view text(doc.text);
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    for (auto [s, e] : SplitText(text.substr(block.start, block.end - block.start))) {
      size_t start = block.start + s, end = block.start + e;
      // Run-on text (tables flattened to one line, hostile input) is cut
      // into pieces of at most kMaxSentenceBytes, so work per sentence
      // stays bounded whatever the input.
      while (end - start > kMaxSentenceBytes) {
        size_t cut = start + CutPoint(text.substr(start, end - start), kMaxSentenceBytes);
        size_t piece_end = cut;
        while (piece_end > start && text[piece_end - 1] == ' ') --piece_end;
        out.push_back(Sentence{start, piece_end, b});
        start = cut;
      }
      if (end > start) out.push_back(Sentence{start, end, b});
    }
  }
  return out;
}

}  // namespace newsgraph
