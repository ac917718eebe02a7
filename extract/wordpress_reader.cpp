// The WordPress reader: a REST post (`/wp-json/wp/v2/posts/<id>`) or an
// array of them (`/wp-json/wp/v2/posts`) -> one RawArticle per post. The
// post's HTML (`content.rendered`) goes through the HTML block reader, so
// source offsets of a post point into its decoded content.rendered.
#include <nlohmann/json.hpp>

#include "extract/html_blocks.h"
#include "extract/lexicon.h"
#include "extract/reader.h"

namespace newsgraph {

namespace {

using Json = nlohmann::json;

// "rendered" text of a WordPress field that is either {"rendered": "..."} or
// a plain string; empty when absent.
std::string Rendered(const Json& post, const char* field) {
  auto it = post.find(field);
  if (it == post.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {
    auto r = it->find("rendered");
    if (r != it->end() && r->is_string()) return r->get<std::string>();
  }
  return {};
}

// Publisher from the post's link: "https://www.example.com/en/..." ->
// "example.com".
std::string HostOf(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  size_t start = scheme + 3;
  size_t end = url.find_first_of("/:?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

Result<RawArticle> ReadPost(const Json& post, const HtmlChromeRules& rules) {
  if (!post.is_object()) return Status::Error("not a JSON object");
  auto content = post.find("content");
  if (content == post.end())
    return Status::Error("JSON is not a WordPress post: no content.rendered");
  std::string html = Rendered(post, "content");
  if (html.empty() && !(content->is_object() && content->contains("rendered")))
    return Status::Error("JSON is not a WordPress post: no content.rendered");
  RawArticle a;
  a.format = Format::kWordPress;
  if (!html.empty()) {
    auto parsed = ParseHtml(html, rules);
    if (!parsed.ok()) return parsed.status();
    a.blocks = std::move(parsed->blocks);
  }
  if (a.blocks.empty()) return Status::Error("WordPress post has no text in content.rendered");
  a.meta.title = HtmlFragmentText(Rendered(post, "title"));
  if (auto link = post.find("link"); link != post.end() && link->is_string())
    a.meta.url = link->get<std::string>();
  if (auto date = post.find("date"); date != post.end() && date->is_string())
    a.meta.published = date->get<std::string>();
  else if (auto gmt = post.find("date_gmt"); gmt != post.end() && gmt->is_string())
    a.meta.published = gmt->get<std::string>();
  a.meta.publisher = HostOf(a.meta.url);
  if (!a.meta.url.empty()) {
    a.meta.identity = a.meta.url;
  } else if (auto id = post.find("id"); id != post.end() && id->is_number_integer()) {
    a.meta.identity = "wordpress:" + std::to_string(id->get<long long>());
  }
  return a;
}

}  // namespace

Result<std::vector<RawArticle>> ReadWordPress(std::string_view json,
                                              std::vector<std::string>* warnings) {
  Json doc;
  try {
    doc = Json::parse(json.begin(), json.end());
  } catch (const Json::exception& e) {
    // e.what() says where it broke: "parse error at line 1, column 812: ...".
    std::string what = e.what();
    size_t tag = what.find("] ");
    return Status::Error("invalid JSON: " + (tag == std::string::npos ? what : what.substr(tag + 2)));
  }
  auto rules = LoadHtmlChromeRules(ResolveDataDir(""));
  if (!rules.ok()) return rules.status();
  std::vector<RawArticle> out;
  if (doc.is_object()) {
    auto post = ReadPost(doc, **rules);
    if (!post.ok()) return post.status();
    out.push_back(std::move(post).value());
    return out;
  }
  if (!doc.is_array()) return Status::Error("JSON is not a WordPress post or array of posts");
  if (doc.empty()) return Status::Error("JSON array holds no WordPress posts");
  std::string first_error;
  for (size_t i = 0; i < doc.size(); ++i) {
    auto post = ReadPost(doc[i], **rules);
    if (!post.ok()) {
      std::string msg = "post " + std::to_string(i + 1) + " of " + std::to_string(doc.size()) +
                        ": " + post.status().message();
      if (first_error.empty()) first_error = msg;
      if (warnings) warnings->push_back(msg + " (skipped)");
      continue;
    }
    out.push_back(std::move(post).value());
  }
  if (out.empty()) return Status::Error("no readable WordPress post: " + first_error);
  return out;
}

}  // namespace newsgraph
