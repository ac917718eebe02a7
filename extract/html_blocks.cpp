#include "extract/html_blocks.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "extract/lexicon.h"

namespace newsgraph {

namespace {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// Parser options: recover from bad markup, never touch the network, keep
// quiet, and do not build text nodes for inter-element white space. No
// HTML_PARSE_HUGE: libxml2's default depth and size limits stay on.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS;

DocPtr Parse(std::string_view html) {
  if (html.size() > static_cast<size_t>(INT32_MAX)) return DocPtr(nullptr, xmlFreeDoc);
  return DocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                               kParseOptions),
                xmlFreeDoc);
}

std::string_view Name(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsNeverRead(std::string_view tag) {
  static const std::unordered_set<std::string_view> kTags = {
      "script", "style", "noscript", "template", "svg",    "math",   "iframe", "button",
      "select", "nav",   "header",   "footer",   "aside",  "object", "embed",  "canvas",
      "video",  "audio", "head",     "input",    "textarea", "dialog", "form"};
  return kTags.count(tag) > 0;
}

enum class BlockTag { kNone, kParagraph, kHeading, kListItem, kTableCell, kContainer, kBreak };

BlockTag Classify(std::string_view tag) {
  static const std::unordered_map<std::string_view, BlockTag> kTags = {
      {"p", BlockTag::kParagraph},        {"blockquote", BlockTag::kParagraph},
      {"pre", BlockTag::kParagraph},      {"dt", BlockTag::kParagraph},
      {"dd", BlockTag::kParagraph},       {"figcaption", BlockTag::kParagraph},
      {"caption", BlockTag::kParagraph},  {"address", BlockTag::kParagraph},
      {"h1", BlockTag::kHeading},         {"h2", BlockTag::kHeading},
      {"h3", BlockTag::kHeading},         {"h4", BlockTag::kHeading},
      {"h5", BlockTag::kHeading},         {"h6", BlockTag::kHeading},
      {"li", BlockTag::kListItem},        {"td", BlockTag::kTableCell},
      {"th", BlockTag::kTableCell},       {"div", BlockTag::kContainer},
      {"section", BlockTag::kContainer},  {"article", BlockTag::kContainer},
      {"main", BlockTag::kContainer},     {"body", BlockTag::kContainer},
      {"ul", BlockTag::kContainer},       {"ol", BlockTag::kContainer},
      {"dl", BlockTag::kContainer},       {"table", BlockTag::kContainer},
      {"tr", BlockTag::kContainer},       {"tbody", BlockTag::kContainer},
      {"thead", BlockTag::kContainer},    {"figure", BlockTag::kContainer},
      {"center", BlockTag::kContainer},   {"br", BlockTag::kBreak},
      {"hr", BlockTag::kBreak},           {"html", BlockTag::kContainer}};
  auto it = kTags.find(tag);
  return it == kTags.end() ? BlockTag::kNone : it->second;
}

BlockKind KindOf(BlockTag t) {
  switch (t) {
    case BlockTag::kHeading: return BlockKind::kHeading;
    case BlockTag::kListItem: return BlockKind::kListItem;
    case BlockTag::kTableCell: return BlockKind::kTableCell;
    default: return BlockKind::kParagraph;
  }
}

// Splits class/id values into lowercase words: "post-share_bar" -> post,
// share, bar. Chrome words must match a whole word, so "shareholder" and
// "has-sidebar-layout"'s "layout" are not chrome.
void ClassWords(const std::string& value, std::vector<std::string>* out) {
  std::string word;
  for (char c : value) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      out->push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out->push_back(std::move(word));
}

class Walker {
 public:
  Walker(std::string_view source, const HtmlChromeRules& rules) : rules_(rules) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < source.size(); ++i)
      if (source[i] == '\n') line_starts_.push_back(i + 1);
  }

  HtmlContent Run(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root) {
      MeasureText(root);
      ReadMeta(root);
      Walk(root);
    }
    Flush();
    return std::move(out_);
  }

 private:
  // Bytes of readable text under each element (post-order, iterative), so a
  // chrome-looking wrapper that holds most of the page is still read.
  void MeasureText(xmlNode* root) {
    std::vector<std::pair<xmlNode*, bool>> stack{{root, false}};
    while (!stack.empty()) {
      auto [n, done] = stack.back();
      stack.pop_back();
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        text_size_[n] = n->content ? std::strlen(reinterpret_cast<const char*>(n->content)) : 0;
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      if (done) {
        size_t total = 0;
        if (!IsNeverRead(Name(n)) || Name(n) == "form" || Name(n) == "header")
          for (xmlNode* c = n->children; c; c = c->next) {
            auto it = text_size_.find(c);
            if (it != text_size_.end()) total += it->second;
          }
        text_size_[n] = total;
        if (Name(n) == "article" || Name(n) == "main") has_article_.insert(n);
        for (xmlNode* c = n->children; c; c = c->next)
          if (has_article_.count(c)) has_article_.insert(n);
        continue;
      }
      stack.push_back({n, true});
      for (xmlNode* c = n->children; c; c = c->next) stack.push_back({c, false});
    }
    page_text_ = text_size_[root];
  }

  bool WrapsArticle(xmlNode* n) const {
    if (has_article_.count(n)) return true;
    auto it = text_size_.find(n);
    return it != text_size_.end() && page_text_ > 0 && it->second * 2 > page_text_;
  }

  bool IsChrome(xmlNode* n) const {
    std::string_view tag = Name(n);
    if (IsNeverRead(tag)) {
      // Some sites wrap the whole page in a <form> or the article in a
      // <header>-less layout; a wrapper that holds the article is read.
      if ((tag == "form" || tag == "header") && WrapsArticle(n)) return false;
      return true;
    }
    std::string role = Lower(Attr(n, "role"));
    if (!role.empty() &&
        std::find(rules_.roles.begin(), rules_.roles.end(), role) != rules_.roles.end())
      return !WrapsArticle(n);
    if (Attr(n, "aria-hidden") == "true" || xmlHasProp(n, BAD_CAST "hidden")) return true;
    std::vector<std::string> words;
    ClassWords(Attr(n, "class"), &words);
    ClassWords(Attr(n, "id"), &words);
    for (const std::string& w : words)
      if (std::find(rules_.class_words.begin(), rules_.class_words.end(), w) !=
          rules_.class_words.end())
        return !WrapsArticle(n);
    return false;
  }

  void ReadMeta(xmlNode* root) {
    std::vector<xmlNode*> stack{root};
    std::string og_title, title, og_url, canonical, site, published, time_dt;
    while (!stack.empty()) {
      xmlNode* n = stack.back();
      stack.pop_back();
      if (n->type != XML_ELEMENT_NODE) continue;
      std::string_view tag = Name(n);
      if (tag == "title" && title.empty()) {
        xmlChar* c = xmlNodeGetContent(n);
        if (c) title = reinterpret_cast<const char*>(c);
        xmlFree(c);
      } else if (tag == "meta") {
        std::string key = Lower(Attr(n, "property"));
        if (key.empty()) key = Lower(Attr(n, "name"));
        if (key.empty()) key = Lower(Attr(n, "itemprop"));
        std::string content = Attr(n, "content");
        if (content.empty()) {
        } else if (key == "og:title" || key == "twitter:title") {
          if (og_title.empty()) og_title = content;
        } else if (key == "og:url") {
          og_url = content;
        } else if (key == "og:site_name" || key == "publisher" || key == "application-name" ||
                   key == "article:publisher") {
          if (site.empty() && content.find("://") == std::string::npos) site = content;
        } else if (key == "article:published_time" || key == "datepublished" ||
                   key == "pubdate" || key == "publishdate" || key == "date" ||
                   key == "dc.date" || key == "dc.date.issued" || key == "sailthru.date" ||
                   key == "parsely-pub-date") {
          if (published.empty()) published = content;
        }
      } else if (tag == "link" && Lower(Attr(n, "rel")) == "canonical") {
        canonical = Attr(n, "href");
      } else if (tag == "time" && time_dt.empty()) {
        time_dt = Attr(n, "datetime");
        if (time_dt.empty()) {
          xmlChar* c = xmlNodeGetContent(n);
          if (c) time_dt = reinterpret_cast<const char*>(c);
          xmlFree(c);
        }
      }
      for (xmlNode* c = n->last; c; c = c->prev) stack.push_back(c);
    }
    out_.meta.title = !og_title.empty() ? og_title : title;
    out_.meta.url = !canonical.empty() ? canonical : og_url;
    out_.meta.publisher = site;
    out_.meta.published = !published.empty() ? published : time_dt;
  }

  // Depth-first, iterative: a 100,000-deep page cannot overflow the stack.
  void Walk(xmlNode* root) {
    struct Frame {
      xmlNode* node;
      bool leaving;
    };
    std::vector<Frame> stack{{root, false}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      xmlNode* n = f.node;
      if (f.leaving) {
        BlockTag t = Classify(Name(n));
        if (t != BlockTag::kNone) {
          Flush();
          if (t != BlockTag::kContainer && t != BlockTag::kBreak && !open_.empty()) open_.pop_back();
        }
        if (Name(n) == "pre") --in_pre_;
        continue;
      }
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        AddText(n);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      if (IsChrome(n)) {
        Flush();
        continue;
      }
      BlockTag t = Classify(Name(n));
      if (t == BlockTag::kBreak) {
        Flush();
        continue;
      }
      if (t != BlockTag::kNone) {
        Flush();
        if (t != BlockTag::kContainer) open_.push_back(t);
      }
      if (Name(n) == "pre") ++in_pre_;
      stack.push_back({n, true});
      for (xmlNode* c = n->last; c; c = c->prev) stack.push_back({c, false});
    }
  }

  void AddText(xmlNode* n) {
    if (!n->content) return;
    const char* s = reinterpret_cast<const char*>(n->content);
    if (buffer_.empty()) {
      // The block's source anchor: the start of the line its first text is on.
      long line = xmlGetLineNo(n);
      if (line < 1 && n->parent) line = xmlGetLineNo(n->parent);
      size_t idx = line >= 1 ? static_cast<size_t>(line - 1) : 0;
      buffer_offset_ = line_starts_[std::min(idx, line_starts_.size() - 1)];
    }
    if (in_pre_ > 0) {
      // Preformatted text keeps its lines: each becomes its own block.
      for (const char* p = s; *p; ++p) {
        if (*p == '\n') {
          Flush();
        } else {
          buffer_ += *p;
        }
      }
      return;
    }
    buffer_ += s;
  }

  void Flush() {
    bool blank = std::all_of(buffer_.begin(), buffer_.end(),
                             [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (!blank) {
      RawBlock b;
      b.kind = open_.empty() ? BlockKind::kParagraph : KindOf(open_.back());
      b.text = std::move(buffer_);
      b.source_offset = buffer_offset_;
      out_.blocks.push_back(std::move(b));
    }
    buffer_.clear();
  }

  const HtmlChromeRules& rules_;
  std::vector<size_t> line_starts_;
  std::unordered_map<const xmlNode*, size_t> text_size_;
  std::unordered_set<const xmlNode*> has_article_;
  size_t page_text_ = 0;
  std::vector<BlockTag> open_;
  int in_pre_ = 0;
  std::string buffer_;
  size_t buffer_offset_ = 0;
  HtmlContent out_;
};

}  // namespace

Result<const HtmlChromeRules*> LoadHtmlChromeRules(const std::string& data_dir) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<HtmlChromeRules>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(data_dir);
  if (it != cache.end()) return static_cast<const HtmlChromeRules*>(it->second.get());
  auto rows = ReadTsv(data_dir, "chrome.tsv", 2);
  if (!rows.ok()) return rows.status();
  auto rules = std::make_unique<HtmlChromeRules>();
  for (const TsvRow& row : *rows) {
    if (row[0] == "class") rules->class_words.push_back(Lower(row[1]));
    else if (row[0] == "role") rules->roles.push_back(Lower(row[1]));
  }
  const HtmlChromeRules* result = rules.get();
  cache.emplace(data_dir, std::move(rules));
  return result;
}

Result<HtmlContent> ParseHtml(std::string_view html, const HtmlChromeRules& rules) {
  DocPtr doc = Parse(html);
  if (!doc) return Status::Error("HTML could not be parsed (no document)");
  Walker walker(html, rules);
  return walker.Run(doc.get());
}

std::string HtmlFragmentText(std::string_view html) {
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos)
    return std::string(html);
  std::string wrapped = "<html><body><div>" + std::string(html) + "</div></body></html>";
  DocPtr doc = Parse(wrapped);
  if (!doc) return std::string(html);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return {};
  xmlChar* c = xmlNodeGetContent(root);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return s;
}

}  // namespace newsgraph
