/**
 * The stages and index names anywhere in an explain answer, from this engine or a
 * MongoDB server (find or aggregate; classic or slot-based plan shapes), so a test
 * can assert "this query is an index scan" the same way against either.
 */
export function planOf(explain: Record<string, unknown>): { stages: string[]; indexes: string[]; docsExamined?: number } {
  const stages: string[] = [];
  const indexes: string[] = [];
  let docsExamined: number | undefined;
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v));
    if (value === null || typeof value !== 'object') return;
    const doc = value as Record<string, unknown>;
    if (key === 'rejectedPlans') return;
    if (typeof doc.stage === 'string') stages.push(doc.stage);
    if (typeof doc.indexName === 'string') indexes.push(doc.indexName);
    if (typeof doc.totalDocsExamined === 'number') docsExamined = Math.max(docsExamined ?? 0, doc.totalDocsExamined);
    for (const [k, v] of Object.entries(doc)) if (k !== 'command') visit(v, k);
  };
  visit(explain);
  // The winning plan appears twice with executionStats (queryPlanner and executionStages).
  return { stages: [...new Set(stages)], indexes: [...new Set(indexes)], docsExamined };
}
