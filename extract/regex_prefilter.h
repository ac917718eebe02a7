// Which of many RE2 patterns could match a text, found in one pass.
//
// The figure extractor scans every sentence that holds a number with some
// twenty cue patterns (commodities, measures, months, halves, ...), and most
// of those scans find nothing. RE2's FilteredRE2 reduces each pattern to the
// literal strings ("atoms") any match must contain; one RE2::Set pass finds
// the atoms present in a sentence, and only the patterns whose atoms are all
// there are run. A pattern with no usable atom always runs. The filter only
// ever skips a pattern that cannot match, so results are unchanged.
//
// Build once (Add..., then Compile); Test is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "common/status.h"

namespace newsgraph {

class RegexPrefilter {
 public:
  // Slots of the patterns that may match one text.
  class Result {
   public:
    bool May(int slot) const { return slot < 0 || may_[static_cast<size_t>(slot)]; }

   private:
    friend class RegexPrefilter;
    std::vector<bool> may_;
  };

  RegexPrefilter();
  ~RegexPrefilter();

  // Registers `re` (its pattern and options); returns its slot, or -1 when
  // the pattern cannot be analysed (then it is always run).
  int Add(const RE2& re);
  // Call once after the last Add.
  Status Compile();
  // Which registered patterns may match `text`.
  Result Test(std::string_view text) const;

 private:
  re2::FilteredRE2 filter_;
  std::unique_ptr<RE2::Set> atoms_;  // null when there are no atoms
  int size_ = 0;
  bool compiled_ = false;
};

}  // namespace newsgraph
