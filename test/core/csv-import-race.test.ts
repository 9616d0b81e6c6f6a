/**
 * Issue 11, item 6: the same CSV imported twice at the same time (two clicks, two windows) is
 * recorded once. The preview's "already recorded" check runs between turns of the event loop;
 * it is asked again inside the write transaction, so the second import is refused whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMunicipality, outboxEvents } from '../helpers/municipality';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'csv', name)).toString('base64');

describe('the same CSV imported twice at once', () => {
  it.each([
    ['usage', 'utilizzi-utf8-bom.csv', 7],
    ['staff', 'personale-utf8-bom.csv', 4],
  ] as const)('%s: one import lands, the other is refused and writes nothing', async (kind, file, rows) => {
    const t = await openMunicipality();
    const input = { kind, contentBase64: fixture(file) };
    const [a, b] = await Promise.all([t.call('csv.import', input), t.call('csv.import', input)]);
    const landed = [a, b].filter((r) => r.ok);
    const refused = [a, b].filter((r) => !r.ok);
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const error = (refused[0] as { error: { code: string; message: string; params?: Record<string, unknown> } }).error;
    expect(error.code).toBe('E_VALIDATION');
    expect(error.params).toMatchObject({ csvProblem: 'CSV_IMPORT_BLOCKED', invalidRows: rows, firstRow: 2 });
    expect(error.message).toMatch(/^Nessuna riga importata/);
    expect(outboxEvents(t)).toHaveLength(rows);
    expect(await t.must('log.verify', {})).toMatchObject({ ok: true, events: rows });
  });
});
