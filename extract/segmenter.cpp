#include "extract/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <array>
#include <cctype>
#include <memory>
#include <string>

#include "common/ascii.h"

namespace newsgraph {

namespace {

// Words after which a period does not end a sentence.
constexpr std::array<std::string_view, 40> kAbbreviations = {
    "u.s", "u.k", "u.n", "e.u", "no", "nos", "approx", "mt", "co", "corp", "inc", "ltd", "dr",
    "mr", "mrs", "ms", "prof", "st", "jr", "sr", "e.g", "i.e", "etc.,", "vs", "fig", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov",
    "dept", "est"};

std::unique_ptr<icu::BreakIterator> NewSentenceIterator() {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" makes ICU itself skip common abbreviations ("Mr.", "U.S.").
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    bi.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  }
  if (U_FAILURE(status)) bi.reset();
  return bi;
}

// What one thread reuses from block to block, so that a block costs no
// allocation: the iterator, the UText handed to it, and a UTF-16 copy of
// ASCII text. ICU reads UTF-16 in place but converts UTF-8 in small chunks
// as it goes, and ASCII widens to UTF-16 with offsets unchanged.
struct ThreadSegmenter {
  std::u16string wide;  // declared first: the iterator may point into it
  UText text = UTEXT_INITIALIZER;
  std::unique_ptr<icu::BreakIterator> iterator = NewSentenceIterator();

  ThreadSegmenter() = default;
  ThreadSegmenter(const ThreadSegmenter&) = delete;
  ThreadSegmenter& operator=(const ThreadSegmenter&) = delete;
  ~ThreadSegmenter() {
    iterator.reset();
    utext_close(&text);
  }

  // Points the iterator at `s`; false if ICU is unavailable.
  bool SetText(std::string_view s) {
    if (!iterator) return false;
    UErrorCode status = U_ZERO_ERROR;
    if (ascii::IsAscii(s)) {
      wide.assign(s.begin(), s.end());
      utext_openUChars(&text, wide.data(), static_cast<int64_t>(wide.size()), &status);
    } else {
      utext_openUTF8(&text, s.data(), static_cast<int64_t>(s.size()), &status);
    }
    if (U_FAILURE(status)) return false;
    iterator->setText(&text, status);
    return U_SUCCESS(status);
  }

  // Leaves the iterator on text of its own, so it holds no pointer into the
  // caller's string once SplitText returns.
  void Detach() {
    if (!iterator) return;
    UErrorCode status = U_ZERO_ERROR;
    wide.clear();
    utext_openUChars(&text, wide.data(), 0, &status);
    iterator->setText(&text, status);
  }
};

ThreadSegmenter& ThisThreadSegmenter() {
  thread_local ThreadSegmenter segmenter;
  return segmenter;
}

bool IsTerminatorOrClose(char c) {
  switch (c) {
    case '.': case '!': case '?': case '"': case '\'': case '(': case ')': case '[': case ']':
    case '{': case '}':
      return true;
    default:
      return false;
  }
}

// True if the sentence rules of UAX #29, which ICU implements, allow no
// break in `s` before its end: then ICU need not read it. Most paragraphs
// of news are one sentence. In ASCII text a break can only follow '.', '!',
// '?' (SB11) or CR/LF (SB4); a '.' right before a digit never breaks (SB6,
// "42.75"); and a final run of terminators and closing punctuation ('."',
// "?)") ending in spaces breaks only at the end (SB8a, SB9, SB10). Any other
// text goes to ICU. Checked against ICU over millions of generated strings.
bool IsOneSentence(std::string_view s) {
  constexpr size_t npos = std::string_view::npos;
  if (!ascii::IsAscii(s) || s.find('\n') != npos || s.find('\r') != npos) return false;
  // The first terminator that could break (memchr is the fastest search).
  size_t i = std::min(s.find('!'), s.find('?'));
  for (size_t dot = s.find('.'); dot < i; dot = s.find('.', dot + 1)) {
    if (dot + 1 < s.size() && s[dot + 1] >= '0' && s[dot + 1] <= '9') continue;
    i = dot;
    break;
  }
  if (i == npos) return true;
  while (i < s.size() && IsTerminatorOrClose(s[i])) ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\v' || s[i] == '\f')) ++i;
  return i == s.size();
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

using Spans = std::vector<std::pair<size_t, size_t>>;

// SplitText, appending to `out`: SplitSentences reuses one vector for all
// blocks of a document.
void AppendSentenceSpans(std::string_view text, Spans& out) {
  if (text.empty()) return;
  if (IsOneSentence(text)) {
    // The one break ICU would report is at the end.
    size_t end = text.size();
    while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    if (end > 0) out.emplace_back(0, end);
    return;
  }
  ThreadSegmenter& segmenter = ThisThreadSegmenter();
  if (!segmenter.SetText(text)) {
    out.emplace_back(0, text.size());
    return;
  }
  icu::BreakIterator* bi = segmenter.iterator.get();
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
  segmenter.Detach();
}

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

std::vector<std::pair<size_t, size_t>> SplitText(std::string_view text) {
  Spans out;
  AppendSentenceSpans(text, out);
  return out;
}

std::vector<Sentence> SplitSentences(const Document& doc) {
  std::vector<Sentence> out;
  out.reserve(doc.blocks.size());
  std::string_view text(doc.text);
  Spans spans;
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    spans.clear();
    AppendSentenceSpans(text.substr(block.start, block.end - block.start), spans);
    for (auto [s, e] : spans) {
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
