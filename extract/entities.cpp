// Entity extraction: lexicon matches (entity_lexicon.h) and rule candidates
// (entity_rules.h) per sentence, overlaps resolved longest-first, then
// document-level resolution:
//   - acronyms defined in the text ("Metal Industries Research & Development
//     Centre (MIRDC)") and short forms of company names ("Norsk Hydro" ->
//     "Hydro") become aliases and are found everywhere in the document;
//   - policy titles that name the same plan (same year range, fewer topic
//     words: "Action Plan (2025-2027)", "2025-2027 Aluminium Industry Action
//     Plan") take the id of the fullest title;
//   - "the plan" is the document's main policy, "the Association" the
//     nearest body before it ending in that word.
// Rule-found companies, bodies and persons in a title-case line (a headline)
// count only when the body text names them too.
// Page chrome (data/chrome.tsv `end` and `prefix` lines, contact lines)
// yields nothing.
#include "extract/entities.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <deque>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include "extract/entity_lexicon.h"
#include "extract/entity_rules.h"
#include "extract/lexicon.h"
#include "extract/normalize.h"

namespace newsgraph {

using namespace std::string_view_literals;  // key == "of"sv: no strlen, inlined compare
namespace {

// Token buffers reused from document to document, per thread: a sentence's
// tokens are built in memory that is allocated and warm already, not in a
// fresh allocation that lives until the document is done. A deque, so a
// buffer stays put while more are added.
std::vector<Token>& TokenBuffer(size_t i) {
  thread_local std::deque<std::vector<Token>> pool;
  while (pool.size() <= i) pool.emplace_back();
  pool[i].clear();
  return pool[i];
}

struct SentenceTokens {
  size_t start = 0;
  size_t end = 0;
  std::vector<Token>* buffer = nullptr;  // TokenBuffer(i): this call's alone
  const std::vector<Token>& tokens() const { return *buffer; }
  std::vector<EntityCandidate> accepted;
  bool title_case = false;  // a headline-style line
};

// No byte >= 0x80; eight bytes a step (blocks are long).
bool IsAscii(std::string_view s) {
  size_t i = 0;
  uint64_t any = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    any |= w;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & 0x8080808080808080ull) == 0;
}

bool Overlaps(const EntityCandidate& a, const EntityCandidate& b) {
  return a.start < b.end && b.start < a.end;
}

// Longest first; on equal spans the higher priority. A candidate may sit
// inside an accepted one only where that one allows a nested name.
std::vector<EntityCandidate> ResolveOverlaps(std::vector<EntityCandidate> cands) {
  if (cands.size() <= 1) return cands;  // most sentences
  auto before = [](const EntityCandidate& a, const EntityCandidate& b) {
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.start < b.start;
  };
  // The order is sorted as indexes: a candidate is large (strings, a
  // vector), and each is moved once, into `out`, instead of at every swap.
  // A sentence has a handful: then the indexes live on the stack.
  std::array<uint32_t, 16> few;
  std::vector<uint32_t> many;
  if (cands.size() > few.size()) many.resize(cands.size());
  const std::span<uint32_t> order(many.empty() ? few.data() : many.data(), cands.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  auto idx_before = [&](uint32_t a, uint32_t b) { return before(cands[a], cands[b]); };
  if (many.empty()) {
    // A stable insertion sort, without the temporary buffer std::stable_sort
    // allocates.
    for (size_t i = 1; i < order.size(); ++i)
      for (size_t k = i; k > 0 && idx_before(order[k], order[k - 1]); --k)
        std::swap(order[k], order[k - 1]);
  } else {
    std::stable_sort(order.begin(), order.end(), idx_before);
  }
  std::vector<EntityCandidate> out;
  out.reserve(cands.size());
  // Accepted spans by start; outer spans never overlap each other, so only
  // the neighbours of a new span can overlap it. A sorted vector: few spans.
  std::vector<std::pair<size_t, size_t>> by_start;  // (start, index in out), outer spans only
  for (uint32_t i : order) {
    EntityCandidate& c = cands[i];
    bool ok = true;
    bool nested = false;
    auto it = std::lower_bound(by_start.begin(), by_start.end(), c.end,
                               [](const auto& e, size_t v) { return e.first < v; });
    while (it != by_start.begin()) {
      --it;
      const EntityCandidate& a = out[it->second];
      if (a.end <= c.start) break;
      if (a.nest_start == c.start && a.end == c.end) {
        nested = true;
        continue;
      }
      ok = false;
      break;
    }
    if (!ok) continue;
    if (!nested) {
      auto at = std::lower_bound(by_start.begin(), by_start.end(), c.start,
                                 [](const auto& e, size_t v) { return e.first < v; });
      if (at != by_start.end() && at->first == c.start) at->second = out.size();
      else by_start.insert(at, {c.start, out.size()});
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.start < b.start; });
  return out;
}

class Entities : public EntityExtractor {
 public:
  Entities(EntityLexicon lex, EntityRules rules, std::vector<std::string> chrome_end,
           std::vector<std::string> chrome_prefix)
      : lex_(std::move(lex)),
        rules_(std::move(rules)),
        chrome_end_(std::move(chrome_end)),
        chrome_prefix_(std::move(chrome_prefix)),
        acronym_(R"(^ ?\(([A-Z][A-Za-z&.\-]*[A-Z](?: [A-Z][A-Za-z]+){0,2})\))") {
    for (const auto& c : chrome_end_) chrome_max_ = std::max(chrome_max_, c.size());
    for (const auto& c : chrome_prefix_) chrome_max_ = std::max(chrome_max_, c.size());
    for (const auto& c : chrome_end_) end_by_first_[First(c)].push_back(&c);
    for (const auto& c : chrome_prefix_) prefix_by_first_[First(c)].push_back(&c);
  }

  std::vector<Entity> Extract(const Document& doc,
                              const std::vector<Sentence>& sentences) const override;

 private:
  std::vector<char> ChromeBlocks(const Document& doc) const;
  // Upper-case letters of `acr` in order are initials of tokens [a, b].
  bool InitialsMatch(const std::string& acr, const std::vector<Token>& t, size_t a, size_t b) const;

  EntityLexicon lex_;
  EntityRules rules_;
  std::vector<std::string> chrome_end_, chrome_prefix_;
  size_t chrome_max_ = 0;  // longest chrome line or prefix
  // Chrome lines and prefixes by first byte (256: the empty string), so a
  // block is compared only with those that start as it does.
  static size_t First(std::string_view s) {
    return s.empty() ? 256 : static_cast<unsigned char>(s[0]);
  }
  std::array<std::vector<const std::string*>, 257> end_by_first_, prefix_by_first_;
  RE2 acronym_;
};

std::vector<char> Entities::ChromeBlocks(const Document& doc) const {
  std::vector<char> skip(doc.blocks.size(), 0);
  bool ended = false;
  std::string folded;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (ended) {
      skip[i] = 1;
      continue;
    }
    std::string_view raw = std::string_view(doc.text).substr(b.start, b.end - b.start);
    // The block folded, without trailing ". :". An ASCII block keeps its
    // length when folded, so only the bytes a chrome line could match are
    // folded (a block is usually far longer than any chrome line).
    std::string_view s;
    size_t n = raw.size();
    bool ascii = IsAscii(raw);
    if (ascii) {
      while (n > 0 && (raw[n - 1] == '.' || raw[n - 1] == ':' || raw[n - 1] == ' ')) --n;
      folded.assign(raw.substr(0, std::min(n, chrome_max_)));
      for (char& c : folded)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      s = folded;
    } else {
      folded = FoldCase(raw);
      while (!folded.empty() &&
             (folded.back() == '.' || folded.back() == ':' || folded.back() == ' '))
        folded.pop_back();
      n = folded.size();
      s = folded;
    }
    // s holds the first min(n, ...) bytes of the n-byte folded block.
    for (const std::string* e : end_by_first_[First(s)])
      if (n == e->size() && s == *e) ended = true;
    auto prefixes = [&](size_t bucket) {
      for (const std::string* p : prefix_by_first_[bucket])
        if (n >= p->size() && s.substr(0, p->size()) == *p) skip[i] = 1;
    };
    prefixes(256);  // an empty prefix starts every block
    if (!s.empty()) prefixes(First(s));
    std::string_view whole = ascii ? raw.substr(0, n) : s;
    if (n < 200 && whole.find('@') != std::string_view::npos) skip[i] = 1;
    if (ended) skip[i] = 1;
  }
  return skip;
}

bool Entities::InitialsMatch(const std::string& acr, const std::vector<Token>& t, size_t a,
                             size_t b) const {
  std::string letters;
  for (char c : acr)
    if (c >= 'A' && c <= 'Z') letters += c;
  if (letters.size() < 2) return false;
  std::string initials;
  for (size_t k = a; k <= b; ++k) {
    if (rules_.IsConnector(t[k]) || t[k].key == "&"sv || t[k].digit) continue;
    char c = t[k].key[0];
    initials += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  if (initials.empty() || initials[0] != letters[0]) return false;
  size_t p = 0;
  for (char c : initials)
    if (p < letters.size() && c == letters[p]) ++p;
  return p == letters.size();
}

std::vector<Entity> Entities::Extract(const Document& doc,
                                      const std::vector<Sentence>& sentences) const {
  const std::string_view text = doc.text;
  std::vector<char> chrome = ChromeBlocks(doc);
  std::vector<SentenceTokens> sents;
  for (const Sentence& s : sentences) {
    if (s.block < chrome.size() && chrome[s.block]) continue;
    SentenceTokens st;
    st.start = s.start;
    st.end = s.end;
    st.buffer = &TokenBuffer(sents.size());
    TokenizeInto(text, s.start, s.end, lex_.spelling(), st.buffer);
    std::vector<EntityCandidate> cands;
    const std::vector<LexMatch> matches = lex_.Match(text, st.tokens());
    for (const LexMatch& m : matches) {
      const LexEntry& e = lex_.entries()[static_cast<size_t>(m.entry)];
      // "ALUMINIUM Shanghai", "METEC India": a trade-fair name, not the place.
      if ((e.type == "region" || e.type == "country") && m.first > 0) {
        const Token& prev = st.tokens()[m.first - 1];
        if (prev.upper && prev.end - prev.start >= 5 && prev.end + 1 == st.tokens()[m.first].start)
          continue;
      }
      EntityCandidate c;
      c.start = st.tokens()[m.first].start;
      c.end = st.tokens()[m.last].end;
      c.id = e.id;
      c.type = e.type;
      c.priority = 4;
      c.from_lexicon = true;
      c.demonym = m.demonym;
      // "the Guinean government": that country's government.
      if (m.demonym && e.type == "country" && m.last + 1 < st.tokens().size() &&
          st.tokens()[m.last + 1].key == "government"sv &&
          NameGap(text, st.tokens()[m.last].end, st.tokens()[m.last + 1].start)) {
        EntityCandidate g;
        g.start = c.start;
        g.end = st.tokens()[m.last + 1].end;
        g.type = "government_body";
        g.id = "government_body:government-of-" + e.id.substr(e.id.find(':') + 1);
        g.priority = 3;
        cands.push_back(std::move(g));
      }
      cands.push_back(std::move(c));
    }
    rules_.Find(text, s.start, s.end, st.tokens(), lex_, &cands, &matches);
    st.accepted = ResolveOverlaps(std::move(cands));
    // A title-case line (a headline) capitalises every word, so a rule-found
    // company, body or person there counts only if the body text names it.
    // Most sentences end in "." and are not such a line: their words are
    // not counted.
    char last = s.end > s.start ? text[s.end - 1] : '.';
    if (last != '.' && last != '"') {
      size_t words = 0, caps = 0;
      for (const Token& t : st.tokens()) {
        if (t.digit || t.key.size() < 4 || rules_.IsConnector(t)) continue;
        ++words;
        if (t.cap) ++caps;
      }
      st.title_case = words >= 3 && caps == words;
    }
    sents.push_back(std::move(st));
  }
  if (std::any_of(sents.begin(), sents.end(), [](const auto& st) { return st.title_case; })) {
    std::set<std::string> body_ids;
    for (const auto& st : sents)
      if (!st.title_case)
        for (const auto& c : st.accepted) body_ids.insert(c.id);
    for (auto& st : sents) {
      if (!st.title_case) continue;
      std::erase_if(st.accepted, [&](const EntityCandidate& c) {
        return !c.from_lexicon && !c.keep && c.type != "policy" && c.anaphor.empty() &&
               !body_ids.count(c.id);
      });
    }
  }

  // Token index range of a candidate within its sentence.
  // Tokens are sorted and disjoint, so those inside [c.start, c.end) are a
  // contiguous run: from the first starting at or after c.start to the last
  // ending at or before c.end.
  auto token_range = [](const SentenceTokens& st, const EntityCandidate& c, size_t* a, size_t* b) {
    const std::vector<Token>& t = st.tokens();
    auto lo = std::lower_bound(t.begin(), t.end(), c.start,
                               [](const Token& x, size_t v) { return x.start < v; });
    auto hi = std::upper_bound(t.begin(), t.end(), c.end,
                               [](size_t v, const Token& x) { return v < x.end; });
    if (lo >= hi) return false;
    *a = static_cast<size_t>(lo - t.begin());
    *b = static_cast<size_t>(hi - t.begin()) - 1;
    return true;
  };

  // A rule-found company whose name begins another's ("Minye Metals",
  // "Minye Metals Group") is that company.
  {
    std::set<std::string> companies;
    for (const auto& st : sents)
      for (const auto& c : st.accepted)
        if (c.type == "company" && !c.from_lexicon) companies.insert(c.id);
    std::map<std::string, std::string> longer;  // id -> longer id ("" = ambiguous)
    for (const std::string& id : companies) {
      auto it = companies.upper_bound(id + "-");
      for (; it != companies.end() && it->rfind(id + "-", 0) == 0; ++it) {
        auto [slot, inserted] = longer.try_emplace(id, *it);
        if (!inserted && slot->second.size() != it->size()) slot->second = "";
      }
    }
    for (auto& st : sents)
      for (auto& c : st.accepted) {
        auto it = longer.find(c.id);
        if (c.type == "company" && !c.from_lexicon && it != longer.end() && !it->second.empty())
          c.id = it->second;
      }
  }

  // Acronyms defined in the text, and short forms of company names.
  std::map<std::string, std::string> aliases;  // surface -> id ("" = ambiguous)
  auto add_alias = [&aliases](const std::string& surface, const std::string& id) {
    auto it = aliases.find(surface);
    if (it == aliases.end()) aliases[surface] = id;
    else if (it->second != id) it->second = "";
  };
  for (auto& st : sents) {
    for (const auto& c : st.accepted) {
      if (!c.anaphor.empty() || c.type == "commodity" || c.type == "country" || c.demonym) continue;
      size_t a = 0, b = 0;
      if (!token_range(st, c, &a, &b)) continue;
      std::string_view rest = text.substr(c.end, std::min<size_t>(40, st.end - c.end));
      std::string acr;
      // acronym_ needs "(" or " (" right after the name.
      bool paren = rest.rfind("(", 0) == 0 || rest.rfind(" (", 0) == 0;
      if (paren && RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), acronym_, &acr)) {
        if (InitialsMatch(acr, st.tokens(), a, b)) {
          add_alias(acr, c.id);
        } else if (c.nest_start != static_cast<size_t>(-1)) {
          for (const auto& n : st.accepted)
            if (n.start == c.nest_start && n.end == c.end) {
              size_t na = 0, nb = 0;
              if (token_range(st, n, &na, &nb) && InitialsMatch(acr, st.tokens(), na, nb))
                add_alias(acr, n.id);
            }
        }
      }
      if (c.type == "company" && b > a) {
        const Token& last = st.tokens()[b];
        if (last.cap && !rules_.IsCompanySuffix(last) && !rules_.IsGeneric(last) &&
            !rules_.IsLegalSuffix(last))
          add_alias(std::string(text.substr(last.start, last.end - last.start)), c.id);
      }
      // A rule-found company is also named by its first word ("Dongfang
      // Minye Metals" -> "Dongfang") and without a prefix ("PT X Y" -> "X Y").
      if (c.type == "company" && !c.from_lexicon && b > a) {
        size_t f = a;
        if (rules_.IsCompanyPrefix(st.tokens()[f])) {
          ++f;
          add_alias(std::string(text.substr(st.tokens()[f].start, c.end - st.tokens()[f].start)), c.id);
        }
        const Token& first = st.tokens()[f];
        LexMatch m;
        bool place = lex_.MatchExact(text, st.tokens(), f, f, &m);
        if (f < b && first.cap && !first.upper && !first.digit && first.end - first.start >= 4 &&
            !place && !rules_.IsGeneric(first) && !rules_.IsCompanySuffix(first) &&
            !rules_.IsConnector(first) && rules_.IsCompanySuffix(st.tokens()[f + 1]))
          add_alias(std::string(text.substr(first.start, first.end - first.start)), c.id);
      }
    }
  }
  for (auto it = aliases.begin(); it != aliases.end();)
    it = it->second.empty() ? aliases.erase(it) : std::next(it);
  if (!aliases.empty()) {
    // First bytes of the aliases: most tokens start none, and skip the
    // comparison with each alias.
    std::array<bool, 256> starts{};
    for (const auto& [surface, id] : aliases)
      if (surface.empty()) starts.fill(true);
      else starts[static_cast<unsigned char>(surface[0])] = true;
    for (auto& st : sents) {
      std::vector<EntityCandidate> extra;
      for (size_t k = 0; k < st.tokens().size(); ++k) {
        if (!starts[static_cast<unsigned char>(text[st.tokens()[k].start])]) continue;
        for (const auto& [surface, id] : aliases) {
          size_t s = st.tokens()[k].start;
          if (text.compare(s, surface.size(), surface) != 0) continue;
          size_t e = s + surface.size();
          if (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])))) continue;
          EntityCandidate c;
          c.start = s;
          c.end = e;
          c.id = id;
          c.type = id.substr(0, id.find(':'));
          c.priority = 1;
          // accepted is sorted by start: look at the spans that start before c ends.
          bool free = true;
          auto it = std::lower_bound(st.accepted.begin(), st.accepted.end(), c.end,
                                     [](const EntityCandidate& a, size_t e) { return a.start < e; });
          for (int back = 0; back < 3 && it != st.accepted.begin(); ++back) {
            --it;
            if (Overlaps(*it, c)) free = false;
          }
          if (free) extra.push_back(std::move(c));
        }
      }
      for (auto& c : extra) st.accepted.push_back(std::move(c));
      std::sort(st.accepted.begin(), st.accepted.end(),
                [](const auto& a, const auto& b) { return a.start < b.start; });
    }
  }

  // Policies naming the same plan: map each to the fullest title.
  struct PolicyInfo {
    std::vector<std::string> topic;
    std::string years;
    size_t titled = 0;
    size_t first = 0;
    std::set<std::string> words;  // of its titles, folded
  };
  std::map<std::string, PolicyInfo> policies;
  for (const auto& st : sents)
    for (const auto& c : st.accepted) {
      if (c.type != "policy" || !c.anaphor.empty() || c.from_lexicon ||
          (c.topic.empty() && c.years.empty()))
        continue;
      auto [it, inserted] = policies.try_emplace(c.id);
      if (inserted) {
        it->second.topic = c.topic;
        it->second.years = c.years;
        it->second.first = c.start;
      }
      ++it->second.titled;
      for (const Token& t : Tokenize(text, c.start, c.end, lex_.spelling()))
        it->second.words.insert(t.key);
    }
  std::map<std::string, std::string> merged;  // policy id -> canonical id
  for (const auto& [id, p] : policies) {
    const std::string* best = nullptr;
    for (const auto& [id2, q] : policies) {
      if (id2 == id) continue;
      if (!p.years.empty() && p.years != q.years) continue;
      if (q.topic.size() < p.topic.size()) continue;
      if (q.topic.size() == p.topic.size() && !(p.years.empty() && !q.years.empty())) continue;
      if (!std::includes(q.topic.begin(), q.topic.end(), p.topic.begin(), p.topic.end())) continue;
      if (best == nullptr) {
        best = &id2;
        continue;
      }
      const PolicyInfo& bq = policies[*best];
      if (q.topic.size() > bq.topic.size() ||
          (q.topic.size() == bq.topic.size() && !q.years.empty() && bq.years.empty()))
        best = &id2;
    }
    if (best != nullptr) merged[id] = *best;
    else if (p.topic.empty()) merged[id] = "";  // "Action Plan (2025-2027)" with nothing to join
  }
  auto canonical = [&merged](std::string id) {
    for (int guard = 0; guard < 8; ++guard) {
      auto it = merged.find(id);
      if (it == merged.end()) break;
      id = it->second;
      if (id.empty()) break;
    }
    return id;
  };
  // Main policy for an anaphor head ("plan", "opinions"): the policy whose
  // titles contain that word with the most titled mentions, then the earliest.
  std::map<std::string, std::string> main_policy;
  auto main_for = [&](const std::string& head) {
    auto cached = main_policy.find(head);
    if (cached != main_policy.end()) return cached->second;
    std::map<std::string, std::pair<size_t, size_t>> score;  // id -> (mentions, first)
    for (const auto& [id, p] : policies) {
      std::string cid = canonical(id);
      if (cid.empty() || !p.words.count(head)) continue;
      auto& s = score.try_emplace(cid, std::make_pair(size_t{0}, p.first)).first->second;
      s.first += p.titled;
      s.second = std::min(s.second, p.first);
    }
    std::string best;
    size_t best_n = 0, best_first = 0;
    for (const auto& [id, s] : score)
      if (s.first > best_n || (s.first == best_n && s.second < best_first)) {
        best = id;
        best_n = s.first;
        best_first = s.second;
      }
    main_policy[head] = best;
    return best;
  };

  // Final mentions, with anaphors resolved in text order.
  struct Resolved {
    std::string id, type;
    bool from_lexicon;
    Mention m;
  };
  std::vector<Resolved> resolved;
  // "<type> <last word>" -> id of the latest multi-word body so named.
  std::unordered_map<std::string, std::string> last_body;
  for (const auto& st : sents)
    for (const auto& c : st.accepted) {
      std::string id = c.id;
      if (c.type == "policy" && !c.from_lexicon && c.anaphor.empty()) id = canonical(id);
      if (c.anaphor.rfind("policy:", 0) == 0) {
        id = main_for(c.anaphor.substr(7));
      } else if (!c.anaphor.empty()) {
        auto it = last_body.find(c.type + " " + c.anaphor);
        id = it == last_body.end() ? std::string() : it->second;
      }
      if (id.empty()) continue;
      std::string type = id.substr(0, id.find(':'));
      std::string_view written = text.substr(c.start, c.end - c.start);
      size_t sp = written.find_last_of(' ');
      if (c.anaphor.empty() && sp != std::string_view::npos) {
        std::string tail = lex_.spelling().Key(written.substr(sp + 1));
        if (rules_.IsBodyTail(tail)) last_body[type + " " + tail] = id;
      }
      resolved.push_back({id, type, c.from_lexicon, Mention{std::string(written), c.start, c.end}});
    }

  std::vector<Entity> out;
  std::unordered_map<std::string, size_t> index;
  for (auto& r : resolved) {
    auto [it, inserted] = index.try_emplace(r.id, out.size());
    if (inserted) {
      Entity e;
      e.id = r.id;
      e.type = r.type;
      if (const LexEntry* le = lex_.Find(r.id)) {
        e.name = le->name;
        e.aliases = le->aliases;
      }
      out.push_back(std::move(e));
    }
    Entity& e = out[it->second];
    if (!e.mentions.empty() && e.mentions.back().start == r.m.start) continue;
    e.mentions.push_back(std::move(r.m));  // resolved is not read again
  }
  for (auto& e : out) {
    if (!e.name.empty()) continue;
    // The longest written form names a rule-found entity.
    for (const auto& m : e.mentions)
      if (m.text.size() > e.name.size()) e.name = m.text;
  }
  for (const auto& [surface, id] : aliases) {
    auto it = index.find(id);
    if (it == index.end()) continue;
    auto& al = out[it->second].aliases;
    if (std::find(al.begin(), al.end(), surface) == al.end() && out[it->second].name != surface)
      al.push_back(surface);
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<EntityExtractor>> EntityExtractor::Create(const std::string& data_dir) {
  auto lex = EntityLexicon::Load(data_dir);
  if (!lex.ok()) return lex.status();
  auto rules = EntityRules::Load(data_dir, &lex.value());
  if (!rules.ok()) return rules.status();
  std::vector<std::string> chrome_end, chrome_prefix;
  auto chrome = ReadTsv(data_dir, "chrome.tsv", 2);
  if (chrome.ok()) {
    for (const TsvRow& r : *chrome) {
      if (r[0] == "end") chrome_end.push_back(FoldCase(r[1]));
      if (r[0] == "prefix") chrome_prefix.push_back(FoldCase(r[1]));
    }
  }
  return std::unique_ptr<EntityExtractor>(new Entities(std::move(lex).value(),
                                                       std::move(rules).value(),
                                                       std::move(chrome_end),
                                                       std::move(chrome_prefix)));
}

}  // namespace newsgraph
