import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBackendHost } from './built-backend-host';

const host = builtBackendHost('shell-bundle');

describe('the bundled backend host (dist/electron/backend-host.cjs)', () => {
  it('opens a data dir and answers calls over the parent-port protocol', async () => {
    const dataDir = host.dataDir();
    const replies = await host.drive([
      { init: { dataDir, appVersion: '9.9.9' } },
      { id: 1, method: 'app.status', input: {} },
      { id: 2, method: 'reference.searchMunicipalities', input: { query: 'urbino', limit: 1 } },
      { id: 3, method: 'no.such', input: {} },
      { shutdown: true },
    ]);
    expect(replies[0]).toEqual({ ready: true });
    expect(replies.find((r) => r.id === 1)).toMatchObject({ result: { ok: true, value: { version: '9.9.9', dataDir } } });
    // The ISTAT list is a JSON import inlined by esbuild.
    expect(replies.find((r) => r.id === 2)).toMatchObject({ result: { ok: true, value: [{ istat: '041067', name: 'Urbino' }] } });
    expect(replies.find((r) => r.id === 3)).toMatchObject({ result: { ok: false, error: { code: 'E_UNKNOWN_METHOD' } } });
  });

  it('reports a data dir it cannot open as fatal, with the core’s code and Italian message', async () => {
    const replies = await host.drive([{ init: { dataDir: path.join(host.outfile, 'not-a-dir'), appVersion: '1' } }]);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ fatal: { code: 'E_DATA_DIR' } });
    expect((replies[0]!.fatal as { message: string }).message.length).toBeGreaterThan(10);
  });
});
