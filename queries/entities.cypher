// newsgraph entities [--type T] [NAME]
// Entities (companies, bodies, policies, places, ...) with how many documents
// mention them, most mentioned first.
// Parameters:
//   $type  entity type ('company', 'government_body', ...) or label ('Company'), or null
//   $name  text to look for in names and aliases (case-insensitive), or null
//   $ids   ids of the entities whose name or alias is exactly $name (case-folded)
MATCH (e)
WHERE e.type IS NOT NULL
  AND ($type IS NULL OR e.type = $type OR labels(e)[0] = $type)
  AND ($name IS NULL OR e.id IN $ids OR toLower(e.name) CONTAINS toLower($name)
       OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS toLower($name)))
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(e)
RETURN e.id AS id, labels(e)[0] AS label, e.name AS name, e.aliases AS aliases,
       count(DISTINCT d) AS documents
ORDER BY documents DESC, name
