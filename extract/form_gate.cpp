#include "extract/form_gate.h"

namespace newsgraph {

void FormGate::AllowBoth(std::bitset<256>* set, unsigned char c, bool case_insensitive) {
  set->set(c);
  // FormPattern turns a space into \s+: any white space byte.
  if (c == ' ')
    for (unsigned char w : {'\t', '\n', '\v', '\f', '\r', ' '}) set->set(w);
  if (!case_insensitive) return;
  if (c >= 'a' && c <= 'z') set->set(c - 'a' + 'A');
  if (c >= 'A' && c <= 'Z') set->set(c - 'A' + 'a');
  for (int b = 0x80; b < 0x100; ++b) set->set(static_cast<size_t>(b));
}

void FormGate::Add(std::string_view form, bool case_insensitive) {
  if (form.empty()) return;
  AllowBoth(&first_, static_cast<unsigned char>(form.front()), case_insensitive);
  AllowBoth(&last_, static_cast<unsigned char>(form.back()), case_insensitive);
}

void FormGate::AddAll(const std::vector<std::string>& forms, bool case_insensitive) {
  for (const std::string& f : forms) Add(f, case_insensitive);
}

void FormGate::AllowFirst(unsigned char lo, unsigned char hi) {
  for (int c = lo; c <= hi; ++c) first_.set(static_cast<size_t>(c));
}

size_t SkipBlanks(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

size_t TrimBlanksBefore(std::string_view s, size_t end) {
  while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  return end;
}

}  // namespace newsgraph
