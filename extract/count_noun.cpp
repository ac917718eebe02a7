#include "extract/count_noun.h"

#include <algorithm>
#include <string_view>

#include "extract/form_pattern.h"

namespace newsgraph {

std::string CountNounPattern(const std::vector<std::string>& other_forms,
                             const std::vector<std::string>& noun_forms) {
  return "^[ \\t]*-?[ \\t]*((?:" + Alternation(other_forms, true) +
         ")\\s+)?((?:[A-Za-z][\\w'-]*,?\\s+(?:and\\s+|or\\s+)?){0,4}?)(" +
         Alternation(noun_forms, true) + ")";
}

int ConfigureCountNounWindow(const std::vector<std::string>& other_forms, CueWindow* w) {
  w->IndexForms();
  w->Allow('0', '9');
  w->Allow('A', 'Z');
  w->Allow('a', 'z');
  for (unsigned char c : std::string_view("_'-,\t\n\f\r ")) w->Allow(c, c);
  w->AllowWordStart('A', 'Z');  // modifier words: [A-Za-z][\w'-]*
  w->AllowWordStart('a', 'z');
  w->AllowLead('-');
  // White-space runs: two around "-", one after the "other" word plus its
  // inner spaces, two per modifier word ("word, and ").
  size_t other_spaces = 0;
  for (const std::string& f : other_forms) {
    w->AllowForm(f, true);
    other_spaces = std::max<size_t>(other_spaces, static_cast<size_t>(std::count(f.begin(), f.end(), ' ')));
  }
  return 2 + 1 + static_cast<int>(other_spaces) + 4 * 2;
}

}  // namespace newsgraph
