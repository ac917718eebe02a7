// Cleaning: general rules over blocks, driven by data/chrome.tsv. The rules
// look at a block's whole text and its place on the page (chrome sits at
// the top and the bottom), never at one site's wording.
#include "extract/cleaner.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "common/ascii.h"
#include "common/hash.h"
#include "extract/dates.h"
#include "extract/lexicon.h"
#include "extract/normalize.h"

namespace newsgraph {

namespace {

struct TextChromeRules {
  std::unordered_set<std::string> end_markers;
  std::vector<std::string> prefixes;
  std::array<bool, 256> prefix_first_byte{};  // in either case: most blocks start otherwise
  std::unordered_set<std::string> contact_words;
  std::unordered_set<std::string> share_words;
  std::array<bool, 256> share_first_byte{};  // of share words and the words allowed with them
  std::unordered_set<std::string> relative_time_units;
  std::vector<std::string> cookie_cues;
  std::unordered_set<std::string> breadcrumb_roots;
};

// ASCII case and classes, spelled out: the program runs in the "C" locale,
// where std::tolower and std::isalnum mean exactly this, and these inline
// where the library calls do not.
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnumAscii(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

// `s` starts with `lower` (lower-case ASCII), ignoring ASCII case.
bool StartsWithLower(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i)
    if (LowerAscii(s[i]) != lower[i]) return false;
  return true;
}

// Rules are loaded once per data directory; a missing or broken chrome.tsv
// leaves cleaning to the markup rules only (the reader reports the error).
const TextChromeRules& LoadRules(const std::string& data_dir) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<TextChromeRules>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = cache[data_dir];
  if (slot) return *slot;
  slot = std::make_unique<TextChromeRules>();
  auto rows = ReadTsv(data_dir, "chrome.tsv", 2);
  if (!rows.ok()) return *slot;
  for (const TsvRow& row : *rows) {
    std::string v = AsciiLower(row[1]);
    const std::string& kind = row[0];
    if (kind == "end") slot->end_markers.insert(v);
    else if (kind == "prefix") slot->prefixes.push_back(v);
    else if (kind == "contact") slot->contact_words.insert(v);
    else if (kind == "share") slot->share_words.insert(v);
    else if (kind == "relative_time") slot->relative_time_units.insert(v);
    else if (kind == "cookie") slot->cookie_cues.push_back(v);
    else if (kind == "breadcrumb") slot->breadcrumb_roots.insert(v);
  }
  for (std::string_view w : {"on", "this", "article", "via", "to"})
    slot->share_first_byte[static_cast<unsigned char>(w[0])] = true;
  for (const std::string& w : slot->share_words)
    if (!w.empty()) slot->share_first_byte[static_cast<unsigned char>(w[0])] = true;
  for (const std::string& p : slot->prefixes) {
    if (p.empty()) {
      slot->prefix_first_byte.fill(true);  // an empty prefix matches every block
      continue;
    }
    auto c = static_cast<unsigned char>(p[0]);
    slot->prefix_first_byte[c] = true;
    if (c >= 'a' && c <= 'z') slot->prefix_first_byte[c - 'a' + 'A'] = true;
  }
  return *slot;
}

// Every article asks for the rules: each thread remembers the last data
// directory it saw, so the shared cache's lock is taken once per thread, not
// once per article. Loaded rules are never changed or freed.
const TextChromeRules& RulesFor(const std::string& data_dir) {
  thread_local std::string last_dir;
  thread_local const TextChromeRules* last_rules = nullptr;
  if (last_rules == nullptr || data_dir != last_dir) {
    last_rules = &LoadRules(data_dir);
    last_dir = data_dir;
  }
  return *last_rules;
}

struct Item {
  BlockKind kind;
  std::string_view text;  // the raw block's text, or `normalized`
  size_t source_offset;
  std::string normalized;  // only when normalising changed the text
  bool drop = false;
};

// The blocks' normalised texts. Most blocks are normalised already: their
// items view the raw text (which outlives the cleaning) instead of a copy.
std::vector<Item> NormalizedItems(const RawArticle& raw) {
  std::vector<Item> items;
  items.reserve(raw.blocks.size());
  for (const RawBlock& b : raw.blocks) {
    if (IsNormalized(b.text)) {
      if (!b.text.empty()) items.push_back({b.kind, b.text, b.source_offset, {}});
      continue;
    }
    std::string t = NormalizeText(b.text);
    if (!t.empty()) items.push_back({b.kind, {}, b.source_offset, std::move(t)});
  }
  // Views of owned text are taken once the vector no longer moves its items.
  for (Item& it : items)
    if (!it.normalized.empty()) it.text = it.normalized;
  return items;
}

// A word: a run of ASCII letters and digits, '-' and non-ASCII bytes.
bool IsWordByte(char c) {
  return IsAlnumAscii(c) || static_cast<unsigned char>(c) >= 0x80 || c == '-';
}

// The words of a block one at a time, lower-cased into a reused buffer: most
// rules give up after a word or two, so building the whole list is waste.
class WordReader {
 public:
  explicit WordReader(std::string_view s) : s_(s) {}
  bool Next(std::string& word) {
    while (pos_ < s_.size() && !IsWordByte(s_[pos_])) ++pos_;
    if (pos_ == s_.size()) return false;
    word.clear();
    while (pos_ < s_.size() && IsWordByte(s_[pos_])) word += LowerAscii(s_[pos_++]);
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  WordReader reader(s);
  for (std::string w; reader.Next(w);) out.push_back(w);
  return out;
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (IsWordByte(s[i]) && (i == 0 || !IsWordByte(s[i - 1]))) ++n;
  return n;
}

// Folded text without trailing punctuation, for whole-block comparisons.
// Into `k`, reusing its buffer: callers comparing many blocks keep one. For
// ASCII, full case folding is lower-casing A-Z and needs no ICU.
void KeyInto(std::string_view s, std::string& k) {
  if (ascii::IsAscii(s)) {
    k.assign(s);
    for (char& c : k) c = LowerAscii(c);
  } else {
    k = FoldCase(s);
  }
  while (!k.empty() && std::string_view(":.-|>»").find(k.back()) != std::string_view::npos)
    k.pop_back();
  while (!k.empty() && k.back() == ' ') k.pop_back();
}

std::string Key(std::string_view s) {
  std::string k;
  KeyInto(s, k);
  return k;
}

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ';');
}

bool HasEmail(std::string_view s) {
  if (s.find('@') == std::string_view::npos) return false;
  static const RE2 kEmail("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kEmail);
}

// The phone pattern matches 2 + 3 + 3 digits or more joined only by ' ',
// '-' and ')': a block without such a stretch (most; numbers in news are
// written "1,075,000") is spared the search.
bool HasPhoneLikeDigits(std::string_view s) {
  if (ascii::CountDigits(s) < 8) return false;
  size_t digits = 0;
  for (char c : s) {
    if (IsDigit(c)) {
      if (++digits >= 8) return true;
    } else if (c != ' ' && c != '-' && c != ')') {
      digits = 0;
    }
  }
  return false;
}

bool HasPhone(std::string_view s) {
  if (!HasPhoneLikeDigits(s)) return false;
  static const RE2 kPhone("\\+?\\(?\\d{2,4}\\)?[ -]?\\d{3,4}[ -]?\\d{3,4}");
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kPhone);
}

// The block ends with an e-mail address or a phone number ("... please
// contact: desk@example.com", "Tel: +86 21 5555 0123").
bool EndsWithEmailOrPhone(std::string_view s) {
  static const RE2 kAtEnd(
      "(?:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|"
      "\\+?\\(?\\d{2,4}\\)?[ -]?\\d{3,4}[ -]?\\d{3,4})[\\s.,;:)]*$");
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kAtEnd);
}

bool IsRelativeTime(std::string_view s, const TextChromeRules& r) {
  // "11 mins ago", "2 hours ago", "yesterday", "just now".
  if (s.size() > 32) return false;
  // Up to four words: enough to tell two or three from more.
  std::array<std::string, 4> w;
  size_t n = 0;
  for (WordReader reader(s); n < w.size() && reader.Next(w[n]);) ++n;
  if (n == 3 && w[2] == "ago" && std::all_of(w[0].begin(), w[0].end(), ::isdigit) &&
      r.relative_time_units.count(w[1]))
    return true;
  if (n == 2 && w[1] == "ago" && w[0].size() > 1) {
    // "11mins ago"
    size_t d = 0;
    while (d < w[0].size() && std::isdigit(static_cast<unsigned char>(w[0][d]))) ++d;
    return d > 0 && r.relative_time_units.count(w[0].substr(d));
  }
  // The key of ASCII text is its lower-cased start: skip building it when
  // that cannot be either phrase.
  if (ascii::IsAscii(s) && !StartsWithLower(s, "just now") && !StartsWithLower(s, "yesterday"))
    return false;
  std::string k = Key(s);
  return k == "just now" || k == "yesterday";
}

// A short block with an e-mail address or a phone number and a contact
// word ("please contact: x@y.com", "Tel: +86 21 5166 6711"); a block that is
// little more than an address is chrome too.
bool IsContactLine(std::string_view s, const TextChromeRules& r) {
  if (s.size() > 400) return false;
  bool email = HasEmail(s);
  if (!email && !HasPhone(s)) return false;
  std::vector<std::string> w = Words(s);
  if (w.size() > 40) return false;
  // A contact line gives the address last or is short; a sentence that
  // mentions one mid-way ("complaints sent to its e-mail inbox at x@y.org
  // had doubled") is reporting, not chrome.
  if (w.size() > 12 && !EndsWithEmailOrPhone(s)) return false;
  for (const std::string& x : w)
    if (r.contact_words.count(x)) return true;
  return email && w.size() <= 4;
}

bool IsShareLine(std::string_view s, const TextChromeRules& r) {
  if (s.size() > 100) return false;
  // The first word decides for most blocks, by its first byte.
  size_t first = 0;
  while (first < s.size() && !IsWordByte(s[first])) ++first;
  if (first == s.size() || !r.share_first_byte[static_cast<unsigned char>(LowerAscii(s[first]))])
    return false;
  WordReader words(s);
  size_t n = 0;
  for (std::string x; words.Next(x);) {
    bool share = r.share_words.count(x) > 0 || x == "on" || x == "this" || x == "article" ||
                 x == "via" || x == "to";
    if (!share || ++n > 8) return false;
  }
  return n > 0;
}

// "ookie" or "OOKIE" in `s`. Searched from the rare 'k' rather than the
// common 'o', which string_view::find would stop at again and again.
bool HasOokie(std::string_view s) {
  for (size_t k = s.find('k', 2); k != std::string_view::npos; k = s.find('k', k + 1))
    if (s.substr(k - 2, 5) == "ookie") return true;
  for (size_t k = s.find('K', 2); k != std::string_view::npos; k = s.find('K', k + 1))
    if (s.substr(k - 2, 5) == "OOKIE") return true;
  return false;
}

bool IsCookieBanner(std::string_view s, const TextChromeRules& r) {
  if (s.size() > 600 || !HasOokie(s)) return false;
  std::string k = AsciiLower(s);
  if (k.find("cookie") == std::string::npos) return false;
  return std::any_of(r.cookie_cues.begin(), r.cookie_cues.end(),
                     [&](const std::string& c) { return k.find(c) != std::string::npos; });
}

// Prefixes are matched within the first 64 bytes.
bool HasChromePrefix(std::string_view s, const TextChromeRules& r) {
  if (!s.empty() && !r.prefix_first_byte[static_cast<unsigned char>(s[0])]) return false;
  std::string_view head = s.substr(0, 64);
  return std::any_of(r.prefixes.begin(), r.prefixes.end(),
                     [&](const std::string& p) { return StartsWithLower(head, p); });
}

// Breadcrumb separators, each of which must stand between spaces.
size_t CrumbSeparatorAt(std::string_view s, size_t i) {
  if (s[i] == '/' || s[i] == '>' || s[i] == '|') return 1;
  if (s.substr(i, 2) == "\xC2\xBB") return 2;      // »
  if (s.substr(i, 3) == "\xE2\x80\xBA") return 3;  // ›
  return 0;
}

bool HasSpacedCrumbSeparator(std::string_view s) {
  for (std::string_view sep : {"/", ">", "|", "\xC2\xBB", "\xE2\x80\xBA"}) {
    for (size_t i = s.find(sep, 1); i != std::string_view::npos; i = s.find(sep, i + 1))
      if (s[i - 1] == ' ' && i + sep.size() < s.size() && s[i + sep.size()] == ' ') return true;
  }
  return false;
}

// "Home / Metal News / Title" or "Home > News > Markets".
bool IsBreadcrumb(std::string_view s, const TextChromeRules& r) {
  // One crumb is no trail: most blocks are done with after this scan.
  if (!HasSpacedCrumbSeparator(s)) return false;
  std::vector<std::string> crumbs;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool sep = i == s.size();
    size_t len = 1;
    if (!sep) {
      len = CrumbSeparatorAt(s, i);
      sep = len > 0;
      if (!sep) len = 1;
    }
    if (!sep) continue;
    // A separator must stand between spaces ("and/or" is not a trail).
    if (i < s.size() && !(i > 0 && s[i - 1] == ' ' && i + len < s.size() && s[i + len] == ' '))
      continue;
    std::string_view c = s.substr(start, i - start);
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
    crumbs.emplace_back(c);
    start = i + len;
    i += len - 1;
  }
  if (crumbs.size() < 2) return false;
  if (r.breadcrumb_roots.count(Key(crumbs[0]))) return true;
  if (crumbs.size() < 3) return false;
  for (size_t i = 0; i + 1 < crumbs.size(); ++i)
    if (crumbs[i].empty() || CountWords(crumbs[i]) > 4) return false;
  return true;
}

// A first line that reads as a headline: short, several words, no closing
// sentence punctuation.
bool LooksLikeTitle(std::string_view s) {
  size_t words = CountWords(s);
  return s.size() <= 200 && words >= 3 && !EndsSentence(s) && s.back() != ':' &&
         !ParseDate(s).has_value();
}

// "Shanghai, March 28 (SMM) -" -> "SMM"; also "Beijing (MetalsWire) -".
std::string DatelinePublisher(std::string_view s) {
  // The pattern opens with a capital and holds "(...)": most blocks fail this
  // check, which costs far less than the regex.
  if (s.empty() || s[0] < 'A' || s[0] > 'Z') return {};
  // After the place name ([A-Za-z.' ]) comes a comma, white space or "(".
  auto is_name_char = [](char c) {
    return (IsAlnumAscii(c) && !IsDigit(c)) || c == '.' || c == '\'' || c == ' ';
  };
  // The name is at most 41 characters: scan no further (prose would run on
  // to its first comma). If it could go on, a longer name can only be
  // followed by spaces.
  size_t after_name = 1;
  while (after_name < s.size() && after_name <= 41 && is_name_char(s[after_name])) ++after_name;
  if (after_name == 42) {
    if (s[41] != ' ') return {};
    while (after_name < s.size() && s[after_name] == ' ') ++after_name;
  }
  if (after_name == s.size() ||
      std::string_view(",(\t\n\f\r").find(s[after_name]) == std::string_view::npos ||
      s.find('(') == std::string_view::npos || s.find(')') == std::string_view::npos)
    return {};
  static const RE2 kDateline(
      "^[A-Z][A-Za-z.' ]{1,40}(?:,\\s*[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?)?\\s*"
      "\\(([A-Za-z][A-Za-z0-9 &.'-]{0,30})\\)\\s*(?:-|\xE2\x80\x94|:)");
  std::string publisher;
  if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kDateline, &publisher))
    return publisher;
  return {};
}

std::optional<Date> DateInPath(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (base.find('-') == std::string_view::npos) return std::nullopt;  // no "YYYY-MM-DD"
  static const RE2 kIso("(?:^|[^0-9])((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?:[^0-9]|$)");
  int y = 0, m = 0, d = 0;
  if (!RE2::PartialMatch(re2::StringPiece(base.data(), base.size()), kIso, &y, &m, &d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return Date{y, m, d};
}

// Text pasted without its headline still needs a name in listings: its
// opening words, cut at a word boundary, marked as cut.
std::string TitleFromText(std::string_view text) {
  constexpr size_t kMax = 90;
  text = text.substr(0, text.find('\n'));
  if (text.size() <= kMax) return std::string(text);
  size_t cut = text.rfind(' ', kMax);
  if (cut == std::string_view::npos || cut < kMax / 2) cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string title(text.substr(0, cut));
  while (!title.empty() && (title.back() == ',' || title.back() == ' ')) title.pop_back();
  return title + "...";
}

}  // namespace

Document CleanArticle(const RawArticle& raw, const CleanOptions& options) {
  const TextChromeRules& rules = RulesFor(ResolveDataDir(""));
  Document doc;
  doc.format = raw.format;
  doc.path = options.path;
  doc.url = raw.meta.url;
  doc.publisher = NormalizeText(raw.meta.publisher);
  doc.title = NormalizeText(raw.meta.title);
  doc.identity = !raw.meta.identity.empty() ? raw.meta.identity
                 : !raw.meta.url.empty()    ? raw.meta.url
                                            : "path:" + options.path;
  doc.id = "doc-" + HexHash(Fnv1a64(doc.identity)).substr(0, 12);

  std::vector<Item> items = NormalizedItems(raw);

  // Top of the page: breadcrumbs, then the headline (stated by the format,
  // or for plain text the first line when it reads as one), repeated.
  constexpr size_t kHead = 6;
  for (size_t i = 0; i < items.size() && i < kHead; ++i)
    if (IsBreadcrumb(items[i].text, rules)) items[i].drop = true;
  if (doc.title.empty()) {
    for (Item& it : items) {
      if (it.drop) continue;
      if (LooksLikeTitle(it.text) && !HasChromePrefix(it.text, rules)) {
        doc.title = std::string(it.text);
        it.drop = true;
      }
      break;
    }
  }
  if (!doc.title.empty()) {
    std::string title_key = Key(doc.title), key;
    for (size_t i = 0; i < items.size() && i < kHead; ++i) {
      if (items[i].drop || items[i].text.size() > doc.title.size() + 8) continue;
      KeyInto(items[i].text, key);
      if (key == title_key) items[i].drop = true;
    }
  }

  // Publication date: stated by the format, else a publication line near
  // the top or the bottom (removed: it is page furniture), else a
  // dateline, else a date in the file name.
  std::optional<Date> published;
  if (!raw.meta.published.empty()) published = ParseDate(raw.meta.published);
  std::optional<Date> path_date = DateInPath(options.path);
  int fallback_year = path_date ? path_date->year : 0;
  constexpr size_t kEdge = 12;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i >= kEdge && i + kEdge < items.size()) continue;
    Item& it = items[i];
    if (it.drop) continue;
    auto d = ParsePublicationLine(it.text, fallback_year);
    if (!d) continue;
    if (it.text.size() <= 80) {
      it.drop = true;  // a date line, not a dateline opening a paragraph
      if (!published) published = d;
    } else if (!published && d->year > 0) {
      published = d;
    }
  }
  if (!published) published = path_date;
  if (published && published->year > 0) doc.published = published->Iso();

  // Lines that are chrome wherever they stand.
  for (Item& it : items) {
    if (it.drop) continue;
    if (HasChromePrefix(it.text, rules)) {
      // "Source: SMM" names the publisher when nothing else did.
      std::string k = AsciiLower(it.text.substr(0, 7));
      if (doc.publisher.empty() && k == "source:") {
        std::string p(it.text.substr(7));
        p.erase(0, p.find_first_not_of(' '));
        if (!p.empty() && CountWords(p) <= 4) doc.publisher = p;
      }
      it.drop = true;
    } else if (IsRelativeTime(it.text, rules) || IsContactLine(it.text, rules) ||
               IsShareLine(it.text, rules) || IsCookieBanner(it.text, rules)) {
      it.drop = true;
    }
  }

  // The end of the article: a "Related News" style heading, past the
  // article's opening, starts page furniture that runs to the end.
  size_t body_seen = 0;
  std::string key;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].drop) continue;
    if (body_seen >= 2 && items[i].text.size() <= 40) {
      KeyInto(items[i].text, key);
      if (rules.end_markers.count(key)) {
        for (size_t j = i; j < items.size(); ++j) items[j].drop = true;
        break;
      }
    }
    ++body_seen;
  }
  // Tag lines and leftovers between the last paragraph and the chrome
  // removed above ("Alumina" before a disclaimer): short, unpunctuated
  // blocks at the very end.
  for (size_t i = items.size(); i-- > 0;) {
    if (items[i].drop) continue;
    if (items[i].text.size() <= 60 && CountWords(items[i].text) <= 3 &&
        !EndsSentence(items[i].text)) {
      items[i].drop = true;
      continue;
    }
    break;
  }

  size_t kept = 0, text_size = 0;
  for (const Item& it : items)
    if (!it.drop) ++kept, text_size += it.text.size() + 1;
  doc.text.reserve(text_size);
  doc.blocks.reserve(kept);
  doc.source_map.reserve(kept);
  for (const Item& it : items) {
    if (it.drop) continue;
    if (doc.publisher.empty()) doc.publisher = DatelinePublisher(it.text);
    if (!doc.text.empty()) doc.text += '\n';
    doc.source_map.push_back({doc.text.size(), it.source_offset});
    doc.blocks.push_back({it.kind, doc.text.size(), doc.text.size() + it.text.size()});
    doc.text += it.text;
  }
  if (doc.title.empty() && !doc.blocks.empty()) doc.title = TitleFromText(doc.text);
  return doc;
}

}  // namespace newsgraph
