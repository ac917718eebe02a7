#include "extract/reader.h"

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

RawArticle ReadText(std::string_view text) {
  RawArticle article;
  article.format = Format::kText;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    size_t a = 0;
    while (a < line.size() && std::isspace(static_cast<unsigned char>(line[a]))) ++a;
    size_t b = line.size();
    while (b > a && std::isspace(static_cast<unsigned char>(line[b - 1]))) --b;
    if (b > a) {
      RawBlock block;
      block.text = std::string(line.substr(a, b - a));
      block.source_offset = pos + a;
      std::string_view t = block.text;
      if (t.substr(0, 3) == "\xE2\x80\xA2" || t.substr(0, 2) == "\xC2\xB7" ||
          ((t[0] == '-' || t[0] == '*') && t.size() > 1 && t[1] == ' '))
        block.kind = BlockKind::kListItem;
      article.blocks.push_back(std::move(block));
    }
    pos = nl + 1;
  }
  return article;
}

Result<std::vector<RawArticle>> ReadArticles(std::string_view bytes,
                                             std::vector<std::string>* warnings) {
  switch (DetectFormat(bytes)) {
    case Format::kText:
      return std::vector<RawArticle>{ReadText(bytes)};
    case Format::kHtml: {
      auto html = ReadHtml(bytes);
      if (!html.ok()) return html.status();
      return std::vector<RawArticle>{std::move(html).value()};
    }
    case Format::kWordPress:
      return ReadWordPress(bytes, warnings);
  }
  return Status::Error("unknown format");
}

}  // namespace newsgraph
