#include "extract/regex_prefilter.h"

namespace newsgraph {

namespace {
// Atoms shorter than this ("t", "of") are in almost every sentence: a
// pattern whose only atoms are that short is simply always run.
constexpr int kMinAtomLength = 3;
}  // namespace

RegexPrefilter::RegexPrefilter() : filter_(kMinAtomLength) {}
RegexPrefilter::~RegexPrefilter() = default;

int RegexPrefilter::Add(const RE2& re) {
  int id = -1;
  if (compiled_ || filter_.Add(re.pattern(), re.options(), &id) != RE2::NoError) return -1;
  size_ = id + 1;
  return id;
}

Status RegexPrefilter::Compile() {
  compiled_ = true;
  if (size_ == 0) return Status();
  std::vector<std::string> atoms;
  filter_.Compile(&atoms);
  if (atoms.empty()) return Status();
  // Atoms are lowercase; matching them case-insensitively also covers the
  // case-sensitive patterns (a superset is what a filter needs).
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  atoms_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (const std::string& a : atoms) {
    std::string error;
    if (atoms_->Add(RE2::QuoteMeta(a), &error) < 0)
      return Status::Error("prefilter atom '" + a + "': " + error);
  }
  if (!atoms_->Compile()) return Status::Error("prefilter: cannot compile the atom set");
  return Status();
}

RegexPrefilter::Result RegexPrefilter::Test(std::string_view text) const {
  Result r;
  if (!compiled_) {
    r.may_.assign(static_cast<size_t>(size_), true);
    return r;
  }
  r.may_.assign(static_cast<size_t>(size_), false);
  if (size_ == 0) return r;
  std::vector<int> matched, potential;
  if (atoms_) {
    RE2::Set::ErrorInfo error;
    if (!atoms_->Match(re2::StringPiece(text.data(), text.size()), &matched, &error) &&
        error.kind != RE2::Set::kNoError) {
      // The DFA ran out of memory: no filtering for this text.
      r.may_.assign(static_cast<size_t>(size_), true);
      return r;
    }
  }
  filter_.AllPotentials(matched, &potential);
  for (int i : potential) r.may_[static_cast<size_t>(i)] = true;
  return r;
}

}  // namespace newsgraph
