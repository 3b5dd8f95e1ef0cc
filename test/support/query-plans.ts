import type { DataSource } from 'typeorm';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

const scansOf = (table: string, node: PlanNode): string[] => [
  ...(node['Relation Name'] === table ? [node['Node Type']] : []),
  ...(node.Plans ?? []).flatMap((child) => scansOf(table, child)),
];

/**
 * How PostgreSQL would read `table` to run `sql` over a large table: planned with sequential
 * and bitmap scans off, as a plan over a few test rows otherwise says nothing of one over a
 * million. The node types of every scan of `table`, in plan order ('Index Only Scan', …).
 */
export async function tableScansOf(db: DataSource, table: string, sql: string, values: unknown[]): Promise<string[]> {
  const runner = db.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SET LOCAL enable_seqscan = off');
    await runner.query('SET LOCAL enable_bitmapscan = off');
    const [{ 'QUERY PLAN': [plan] }] = await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, values);
    return scansOf(table, plan.Plan as PlanNode);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
