// newsgraph path A B (fallback)
// How two nodes connect through any relationship (documents that mention
// both, shared metrics, ...): the shortest path, one row per hop, with the
// evidence sentence (or the mentioning document) and source of every hop.
// Used by `newsgraph path` when path.cypher finds no connection by facts.
// Parameters: $a, $b (node ids; the CLI resolves names and aliases).
MATCH (a {id: $a}), (b {id: $b}),
      p = shortestPath((a)-[*..6]-(b))
UNWIND range(0, length(p) - 1) AS i
WITH i, relationships(p)[i] AS r
WITH i, r, startNode(r) AS s, endNode(r) AS o
WITH i, r, s, o, coalesce(r.doc, s.doc, o.doc, [n IN [s, o] WHERE n:Document | n.id][0]) AS doc
OPTIONAL MATCH (d:Document {id: doc})
RETURN i + 1 AS hop,
       coalesce(s.name, s.title, s.text) AS subject,
       type(r) AS relation,
       coalesce(o.name, o.title, o.text) AS object,
       coalesce(r.sentence, s.sentence, o.sentence,
                'mentioned in: ' + coalesce(s.title, o.title, s.path, o.path)) AS evidence,
       doc AS source,
       coalesce(d.publisher + ', ' + d.published, d.publisher, d.published) AS published,
       coalesce(d.title, d.path) AS title
ORDER BY hop
