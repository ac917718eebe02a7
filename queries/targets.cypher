// newsgraph targets [POLICY]
// The targets and limits each policy sets: one row per distinct target
// (metric, kind, value, unit, qualifier, period), with every source stating it.
// Parameters:
//   $policy      the policy as typed (part of its name), or null for all policies
//   $policy_ids  ids of the policies whose name or alias is exactly $policy
MATCH (p:Policy)-[:SETS]->(f:Figure)-[:MEASURES]->(m:Metric)
WHERE $policy IS NULL OR p.id IN $policy_ids OR toLower(p.name) CONTAINS toLower($policy)
OPTIONAL MATCH (d:Document)-[:REPORTS]->(f)
RETURN p.name AS policy, m.id AS metric, f.kind AS kind, f.qualifier AS qualifier,
       f.value AS value, f.value_max AS value_max, f.unit AS unit, f.period AS period,
       collect(DISTINCT coalesce(d.publisher, d.title, d.path, d.id)) AS sources,
       collect(DISTINCT f.text) AS stated_as
ORDER BY policy, metric, period, value
