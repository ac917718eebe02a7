// newsgraph neighbors NAME [--depth N]
// Everything within N hops of a node (either direction), nearest first, with
// the relationship types that lead to it.
// Parameters:
//   $id     the node's id (the CLI resolves NAME by name or alias)
//   $depth  how many hops (1 by default; the engine caps at 10)
MATCH (a {id: $id})-[r*1..$depth]-(b)
WHERE b <> a
WITH b, min(size(r)) AS hops, collect(DISTINCT type(last(r))) AS via
RETURN hops, labels(b)[0] AS label, b.id AS id, coalesce(b.name, b.title, b.text) AS name, via
ORDER BY hops, label, name
