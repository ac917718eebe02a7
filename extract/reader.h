// Readers: bytes of one input file -> RawArticles (one per article; a
// WordPress array gives one per post). The format is detected from the
// content, never from the file extension.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/raw_article.h"

namespace newsgraph {

// Text unless the content (after a BOM and white space) is a JSON object or
// array (-> WordPress) or starts with markup (<!DOCTYPE, <html, <head, <body,
// <div, <p, <article, or any tag among the first bytes) (-> HTML).
Format DetectFormat(std::string_view bytes);

// Decodes `bytes` (already checked to be UTF-8) into articles. Errors name the
// reason (e.g. "JSON is not a WordPress post: no content.rendered"); the
// caller prefixes the file name. A WordPress array whose posts are partly
// broken yields the good posts and reports the broken ones in `warnings`.
Result<std::vector<RawArticle>> ReadArticles(std::string_view bytes,
                                             std::vector<std::string>* warnings);

// The individual readers, exposed for tests.
RawArticle ReadText(std::string_view text);
Result<RawArticle> ReadHtml(std::string_view html);
Result<std::vector<RawArticle>> ReadWordPress(std::string_view json,
                                              std::vector<std::string>* warnings);

}  // namespace newsgraph
