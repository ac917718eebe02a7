// newsgraph figures [--metric M] [--entity E] [--period P] [--kind K]
// Every figure on a metric across sources and years, with the sentence that
// states it.
// Parameters (null = any):
//   $metric      metric id ('primary-aluminium-production') or part of its name
//   $entity      the entity name as typed; $entity_ids its ids (name or alias)
//   $period      period prefix: '2025' matches 2025, 2025H1, 2025-03, ...
//   $kind        target | limit | actual | forecast
MATCH (d:Document)-[:REPORTS]->(f:Figure)-[:MEASURES]->(m:Metric)
WHERE ($metric IS NULL OR m.id = $metric OR m.id CONTAINS toLower($metric)
       OR toLower(m.name) CONTAINS toLower($metric))
  AND ($entity IS NULL OR f.subject IN $entity_ids OR f.policy IN $entity_ids)
  AND ($period IS NULL OR f.period STARTS WITH $period)
  AND ($kind IS NULL OR f.kind = $kind)
RETURN m.id AS metric, f.subject AS subject, f.period AS period, f.kind AS kind,
       f.qualifier AS qualifier, f.value AS value, f.value_max AS value_max, f.unit AS unit,
       f.text AS text, coalesce(d.publisher, d.title, d.path, d.id) AS source, d.published AS published,
       f.sentence AS sentence
ORDER BY metric, subject, period, published, value
