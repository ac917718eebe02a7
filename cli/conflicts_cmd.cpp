// `newsgraph conflicts`: the cross-source consistency report (SPEC), as text
// an analyst reads at a glance or as JSON.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "extract/lexicon.h"
#include "graph/conflicts.h"
#include "graph/store.h"

namespace newsgraph::cli {

namespace {

constexpr const char* kUsage =
    "usage: newsgraph conflicts [--format text|json] [--metric M] [--entity E]\n"
    "                           [--severity conflict|warning] [--approx-band PCT]\n";

bool Contains(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return true;
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  return lower(hay).find(lower(needle)) != std::string::npos;
}

std::string Shorten(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "...";
}

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

int RunConflicts(const GlobalOptions& g, const Args& args) {
  std::string format = "text", metric, entity, severity;
  ConflictOptions options;
  options.bare_measures = LoadBareMeasures(ResolveDataDir(g.data_dir));
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string band;
    bool ok = true;
    if (a == "--format") ok = value(&format);
    else if (a == "--metric") ok = value(&metric);
    else if (a == "--entity") ok = value(&entity);
    else if (a == "--severity") ok = value(&severity);
    else if (a == "--approx-band") {
      ok = value(&band);
      char* end = nullptr;
      double pct = ok ? std::strtod(band.c_str(), &end) : 0;
      if (!ok || end == band.c_str() || pct < 0 || pct > 100) {
        std::fprintf(stderr, "newsgraph conflicts: --approx-band takes a percentage 0-100\n");
        return kExitUsage;
      }
      options.approx_band = pct / 100;
    } else if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else {
      std::fprintf(stderr, "newsgraph conflicts: unknown argument '%s'\n%s", a.c_str(), kUsage);
      return kExitUsage;
    }
    if (!ok) {
      std::fprintf(stderr, "newsgraph conflicts: %s needs a value\n%s", a.c_str(), kUsage);
      return kExitUsage;
    }
  }
  if (format != "text" && format != "json") {
    std::fprintf(stderr, "newsgraph conflicts: --format must be text or json\n");
    return kExitUsage;
  }
  if (!severity.empty() && severity != "conflict" && severity != "warning") {
    std::fprintf(stderr, "newsgraph conflicts: --severity must be conflict or warning\n");
    return kExitUsage;
  }
  auto store = Store::Open(g.db_path, /*read_only=*/true);
  if (!store.ok()) {
    std::fprintf(stderr, "newsgraph conflicts: %s\n", store.status().message().c_str());
    return kExitUsage;
  }
  // The report reads documents and figures only: entities, mentions and
  // relations were most of this command's load, and the stored conflicts
  // are this report's own earlier result.
  // Sentences are read for the figures shown only, and JSON names a
  // document by its path: every figure's sentence and the documents sorted
  // by date and title were most of the rest on a large store.
  Store::LoadOptions load;
  load.entities = load.mentions = load.relations = load.conflicts = false;
  load.figure_sentences = false;
  load.document_details = format == "text";
  auto data = (*store)->Load(load);
  if (!data.ok()) {
    std::fprintf(stderr, "newsgraph conflicts: %s\n", data.status().message().c_str());
    return kExitUsage;
  }
  ConsistencyReport report = CheckConsistency(*data, options);
  std::unordered_map<std::string_view, const Document*> docs;
  docs.reserve(data->documents.size());
  for (const Document& d : data->documents) docs.emplace(d.id, &d);

  std::unordered_map<long long, std::string> sentences;  // figure id -> sentence
  auto sentence_of = [&](const StoredFigure* f) -> const std::string& {
    auto [it, fresh] = sentences.try_emplace(f->id);
    if (fresh) {
      auto s = (*store)->FigureSentence(f->id);
      if (s.ok()) it->second = std::move(*s);
    }
    return it->second;
  };

  std::vector<const Disagreement*> shown;
  for (const Disagreement& d : report.disagreements) {
    if (!severity.empty() && d.severity != severity) continue;
    if (!Contains(d.metric, metric)) continue;
    if (!entity.empty() && !Contains(d.subject, entity)) {
      bool any = false;
      for (const auto& side : d.sides)
        for (const StoredFigure* f : side)
          any = any || Contains(f->figure.subject, entity) || Contains(f->figure.policy, entity);
      if (!any) continue;
    }
    shown.push_back(&d);
  }

  // Read in figure id order, so each document's text is read once.
  {
    std::vector<const StoredFigure*> wanted;
    for (const Disagreement* d : shown)
      for (const auto& side : d->sides) wanted.insert(wanted.end(), side.begin(), side.end());
    std::sort(wanted.begin(), wanted.end(),
              [](const StoredFigure* a, const StoredFigure* b) { return a->id < b->id; });
    for (const StoredFigure* f : wanted) sentence_of(f);
  }

  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const Disagreement* d : shown) {
      nlohmann::json sides = nlohmann::json::array();
      for (const auto& side : d->sides) {
        nlohmann::json s = nlohmann::json::array();
        for (const StoredFigure* f : side) {
          auto it = docs.find(f->doc_id);
          s.push_back({{"doc", it == docs.end() ? f->doc_id : it->second->path},
                       {"text", f->figure.text},
                       {"sentence", sentence_of(f)},
                       {"value", f->figure.value},
                       {"value_max", f->figure.value_max ? nlohmann::json(*f->figure.value_max)
                                                         : nlohmann::json(nullptr)},
                       {"unit", f->figure.unit},
                       {"qualifier", f->figure.qualifier}});
        }
        sides.push_back(std::move(s));
      }
      out.push_back({{"metric", d->metric},
                     {"subject", d->subject},
                     {"period", d->period.empty() ? nlohmann::json(nullptr) : nlohmann::json(d->period)},
                     {"kind", d->kind},
                     {"severity", d->severity},
                     {"reason", d->reason},
                     {"sides", std::move(sides)}});
    }
    std::puts(out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }

  size_t n_conflicts = 0, n_warnings = 0;
  for (const Disagreement* d : shown) (d->severity == "conflict" ? n_conflicts : n_warnings)++;
  std::printf("%zu conflict%s, %zu warning%s across %zu documents\n", n_conflicts,
              n_conflicts == 1 ? "" : "s", n_warnings, n_warnings == 1 ? "" : "s",
              data->documents.size());
  std::string last_subject;
  for (const Disagreement* d : shown) {
    std::string subject = d->subject.empty() ? "(no subject)" : d->subject;
    if (subject != last_subject) {
      std::printf("\n== %s\n", subject.c_str());
      last_subject = subject;
    }
    std::printf("\n%s  %s  [period %s, %s]\n", d->severity == "conflict" ? "CONFLICT" : "warning ",
                d->metric.c_str(), d->period.empty() ? "-" : d->period.c_str(), d->kind.c_str());
    std::printf("  why: %s\n", d->reason.c_str());
    char label = 'A';
    for (const auto& side : d->sides) {
      for (const StoredFigure* f : side) {
        auto it = docs.find(f->doc_id);
        const Document* doc = it == docs.end() ? nullptr : it->second;
        std::string normalised = Num(f->figure.value);
        if (f->figure.value_max) normalised += ".." + Num(*f->figure.value_max);
        std::printf("  [%c] \"%s\" = %s %s (%s)\n", label, f->figure.text.c_str(),
                    normalised.c_str(), f->figure.unit.c_str(), f->figure.qualifier.c_str());
        if (doc)
          std::printf("      %s, %s, \"%s\"\n",
                      doc->publisher.empty() ? "(publisher unknown)" : doc->publisher.c_str(),
                      doc->published.empty() ? "undated" : doc->published.c_str(),
                      doc->title.empty() ? doc->path.c_str() : Shorten(doc->title, 90).c_str());
        std::printf("      > %s\n", Shorten(sentence_of(f), 220).c_str());
      }
      if (label < 'Z') ++label;
    }
  }
  if (!report.progress.empty() && severity.empty()) {
    std::printf("\nProgress to target (latest actual against each target):\n");
    for (const TargetProgress& p : report.progress) {
      const Figure& t = p.target->figure;
      const Figure& a = p.latest_actual->figure;
      if (!Contains(t.metric, metric)) continue;
      std::printf("  %s: target \"%s\" (%s) — latest actual \"%s\" (%s)\n", t.metric.c_str(),
                  t.text.c_str(), t.period.empty() ? "-" : t.period.c_str(), a.text.c_str(),
                  a.period.empty() ? "-" : a.period.c_str());
    }
  }
  if (shown.empty()) std::printf("\nNo disagreements between sources.\n");
  return kExitOk;
}

}  // namespace newsgraph::cli
