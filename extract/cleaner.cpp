// STUB: minimal cleaning; replaced by the chrome-removal implementation.
#include "extract/cleaner.h"

#include "common/hash.h"
#include "extract/normalize.h"

namespace newsgraph {

Document CleanArticle(const RawArticle& raw, const CleanOptions& options) {
  Document doc;
  doc.format = raw.format;
  doc.path = options.path;
  doc.title = NormalizeText(raw.meta.title);
  doc.url = raw.meta.url;
  doc.publisher = raw.meta.publisher;
  doc.identity = !raw.meta.identity.empty() ? raw.meta.identity
                 : !raw.meta.url.empty()    ? raw.meta.url
                                            : "path:" + options.path;
  doc.id = "doc-" + HexHash(Fnv1a64(doc.identity)).substr(0, 12);
  for (const RawBlock& b : raw.blocks) {
    std::string t = NormalizeText(b.text);
    if (t.empty()) continue;
    if (!doc.text.empty()) doc.text += '\n';
    doc.source_map.push_back({doc.text.size(), b.source_offset});
    doc.blocks.push_back({b.kind, doc.text.size(), doc.text.size() + t.size()});
    doc.text += t;
  }
  return doc;
}

}  // namespace newsgraph
