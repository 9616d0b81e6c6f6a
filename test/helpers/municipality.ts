import { openTestBackend, type TestBackend } from './backend';

/** A backend set up as the municipality of Urbino, clock on 2026-11-26, operator Maria Rossi. */
export async function openMunicipality(options: { dataDir?: string; start?: string } = {}): Promise<TestBackend> {
  const t = openTestBackend(options);
  await t.must('setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
  return t;
}

/** The outbox's lines as parsed objects, oldest first. */
export function outboxEvents(t: TestBackend): { seq: number; at: string; kind: string; op: string; id: string; data?: Record<string, unknown> }[] {
  const rows = t.backend.ctx.db.prepare('SELECT line FROM outbox ORDER BY seq').all() as { line: Buffer }[];
  return rows.map((r) => JSON.parse(r.line.toString('utf8')));
}
