#include "extract/reader.h"

#include <algorithm>
#include <cctype>

namespace newsgraph {

namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

Format DetectFormat(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  std::string_view s = bytes.substr(i);
  if (!s.empty() && (s[0] == '{' || s[0] == '[')) return Format::kWordPress;
  if (!s.empty() && s[0] == '<') {
    for (std::string_view tag : {"<!doctype", "<html", "<head", "<body", "<div", "<p", "<article",
                                 "<section", "<main", "<meta", "<title", "<!--", "<?xml", "<h1",
                                 "<h2", "<span", "<table", "<ul", "<header", "<nav", "<link"})
      if (StartsWithNoCase(s, tag)) return Format::kHtml;
    // Any tag-like start: "<name" followed by space, '>' or '/'.
    // A tag name starts with a letter: "<100 smelters" is text.
    size_t j = 1;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j > 1 && std::isalpha(static_cast<unsigned char>(s[1])) && j < s.size() && (s[j] == '>' || s[j] == ' ' || s[j] == '/')) return Format::kHtml;
  }
  return Format::kText;
}

namespace {

struct Line {
  std::string_view text;  // trimmed
  size_t offset = 0;      // of the trimmed text in the source
  bool indented = false;  // started with 2+ spaces or a tab
};

bool IsBullet(std::string_view t) {
  return t.substr(0, 3) == "\xE2\x80\xA2" || t.substr(0, 2) == "\xC2\xB7" ||
         ((t[0] == '-' || t[0] == '*') && t.size() > 1 && t[1] == ' ');
}

// Hard-wrapped text (newswire, e-mail, plain-text archives) breaks
// paragraphs into lines of about the same width; text copied from a web
// page has one paragraph per line. Wrapped: most lines are 45-100 bytes and
// none is much longer.
bool EndsSentence(std::string_view t) {
  return std::string_view(".:!?;\"')").find(t.back()) != std::string_view::npos;
}

bool LooksHardWrapped(const std::vector<Line>& lines) {
  size_t counted = 0, in_band = 0, longest = 0, open_ends = 0;
  for (const Line& l : lines) {
    if (l.text.empty()) continue;
    ++counted;
    longest = std::max(longest, l.text.size());
    if (l.text.size() >= 45 && l.text.size() <= 100) ++in_band;
    if (!EndsSentence(l.text)) ++open_ends;
  }
  return counted >= 6 && longest <= 110 && in_band * 2 >= counted && open_ends * 4 >= counted;
}

// White space as std::isspace has it in the "C" locale the program runs in;
// inline, where the library call is not.
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 64 + 1);  // a guess: counting would cost a pass
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    size_t a = 0;
    while (a < line.size() && IsSpace(line[a])) ++a;
    size_t b = line.size();
    while (b > a && IsSpace(line[b - 1])) --b;
    bool indented = (a >= 2 && line[0] == ' ') || (a >= 1 && line[0] == '\t');
    lines.push_back({line.substr(a, b - a), pos + a, indented});
    pos = nl + 1;
  }
  return lines;
}

// Index of the last line of the paragraph that starts at lines[first].
// A wrapped paragraph goes on while lines run to about the full width and
// the next line neither is indented, blank nor a bullet. A short line goes
// on too when it ends mid-sentence and the next line starts in lower case.
// A line that ends a sentence may end the paragraph: splitting there never
// cuts a sentence.
size_t ParagraphEnd(const std::vector<Line>& lines, size_t first, size_t width) {
  size_t i = first;
  while (i + 1 < lines.size() && !EndsSentence(lines[i].text)) {
    const Line& next = lines[i + 1];
    if (next.text.empty() || next.indented || IsBullet(next.text)) break;
    bool full = lines[i].text.size() * 10 >= width * 6;
    bool mid_sentence = next.text[0] >= 'a' && next.text[0] <= 'z';
    if (!full && !mid_sentence) break;
    ++i;
  }
  return i;
}

}  // namespace

RawArticle ReadText(std::string_view text) {
  RawArticle article;
  article.format = Format::kText;
  const std::vector<Line> lines = SplitLines(text);
  const bool wrapped = LooksHardWrapped(lines);
  // At most one block per non-empty line.
  article.blocks.reserve(static_cast<size_t>(
      std::count_if(lines.begin(), lines.end(), [](const Line& l) { return !l.text.empty(); })));
  size_t width = 0;
  for (const Line& l : lines) width = std::max(width, l.text.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.text.empty()) continue;
    RawBlock block;
    block.source_offset = l.offset;
    if (IsBullet(l.text)) block.kind = BlockKind::kListItem;
    size_t last = wrapped ? ParagraphEnd(lines, i, width) : i;
    // The paragraph's lines joined by single spaces, sized once.
    size_t size = last - i;
    for (size_t k = i; k <= last; ++k) size += lines[k].text.size();
    block.text.reserve(size);
    block.text = l.text;
    for (size_t k = i + 1; k <= last; ++k) {
      block.text += ' ';
      block.text += lines[k].text;
    }
    i = last;
    article.blocks.push_back(std::move(block));
  }
  return article;
}

namespace {

// A vector of one article, moved in: a braced initializer list would copy
// every block.
std::vector<RawArticle> One(RawArticle article) {
  std::vector<RawArticle> out;
  out.push_back(std::move(article));
  return out;
}

}  // namespace

Result<std::vector<RawArticle>> ReadArticles(std::string_view bytes,
                                             std::vector<std::string>* warnings) {
  switch (DetectFormat(bytes)) {
    case Format::kText:
      return One(ReadText(bytes));
    case Format::kHtml: {
      auto html = ReadHtml(bytes);
      if (!html.ok()) return html.status();
      return One(std::move(html).value());
    }
    case Format::kWordPress:
      return ReadWordPress(bytes, warnings);
  }
  return Status::Error("unknown format");
}

}  // namespace newsgraph
