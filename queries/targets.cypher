// newsgraph targets [POLICY]
// The targets and limits each policy sets: one row per target (policy,
// metric, kind, period), with how the sources state it (qualifiers, units,
// the value or range, the words used) and every source that states it.
// Statements that differ only in wording are one target here; where they
// cannot both be true, `newsgraph conflicts` says so.
// Parameters:
//   $policy      the policy as typed (part of its name), or null for all policies
//   $policy_ids  ids of the policies whose name or alias is exactly $policy
MATCH (p:Policy)-[:SETS]->(f:Figure)-[:MEASURES]->(m:Metric)
WHERE $policy IS NULL OR p.id IN $policy_ids OR toLower(p.name) CONTAINS toLower($policy)
OPTIONAL MATCH (d:Document)-[:REPORTS]->(f)
RETURN p.name AS policy, m.id AS metric, f.kind AS kind, f.period AS period,
       collect(DISTINCT f.qualifier) AS qualifier,
       min(f.value) AS value, max(f.value_max) AS value_max,
       collect(DISTINCT f.unit) AS unit,
       collect(DISTINCT coalesce(d.publisher, d.title, d.path, d.id)) AS sources,
       collect(DISTINCT f.text) AS stated_as
ORDER BY policy, metric, period
