// newsgraph path A B
// How two nodes connect through stated facts (issued by, invests in, operates
// in, acquired, located in, and the figures a policy sets about an entity):
// the shortest path, one row per hop, with the evidence sentence and source
// of every hop. The CLI falls back to path-any.cypher (any relationship,
// e.g. two entities mentioned by the same document) when this finds nothing.
// Parameters: $a, $b (node ids; the CLI resolves names and aliases).
MATCH (a {id: $a}), (b {id: $b}),
      p = shortestPath((a)-[:ISSUED_BY|INVESTS_IN|OPERATES_IN|ACQUIRED|LOCATED_IN|SETS|ABOUT*..6]-(b))
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
