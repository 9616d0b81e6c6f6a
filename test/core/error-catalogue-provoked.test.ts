import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallerDispatch } from '../../electron/core/platform/api/dispatcher';
import { AppError } from '../../electron/core/platform/errors';
import { requireExistingStore } from '../../electron/core/platform/store/data-dir-problems';
import type { ApiError } from '../../shared/api/errors';
import { apiErrorText, codeOf, isMessageKey, type MessageKey } from '../../shared/errors/catalogue';
import { openMunicipality } from '../helpers/municipality';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { ITALIAN_WORDS } from '../helpers/italian-words';
import { tempDir } from '../helpers/temp-dir';

/**
 * Each refusal provoked for real through the handler table (openBackend, the same dispatch the
 * window and the CLI use): it carries its catalogue key, its code is the key's, its Italian
 * `message` is the catalogue's sentence, and the English one is a different sentence with no
 * Italian left in it.
 */
type Case = [method: string, input: unknown, key: MessageKey];

async function refusal(t: TestBackend, method: string, input: unknown): Promise<ApiError> {
  const r = await t.backend.dispatch(method, input);
  if (r.ok) throw new Error(`${method} was accepted: ${JSON.stringify(input)}`);
  return r.error;
}

function expectCatalogued(error: ApiError, key: MessageKey): void {
  expect({ key: error.key, message: error.message }).toEqual({ key, message: error.message });
  expect(isMessageKey(error.key)).toBe(true);
  expect(error.code).toBe(codeOf(key));
  expect(error.message).toBe(apiErrorText(error, 'it'));
  const english = apiErrorText(error, 'en');
  expect(english).not.toBe(error.message);
  expect(english).not.toMatch(ITALIAN_WORDS);
  expect(`${error.message} ${english}`).not.toMatch(/\{[A-Za-z]+\}/); // every param filled in
}

const future = '2099-01-10';
const planCsv = (...rows: string[]) => Buffer.from(['codice;descrizione;costo;parti uguali;popolazione;utilizzo;esenti', ...rows].join('\r\n')).toString('base64');
const uuid = '00000000-0000-4000-8000-000000000099';

describe('refusals provoked through the handler table', () => {
  it('on a data folder not set up yet', async () => {
    const t = openTestBackend();
    const cases: Case[] = [
      ['staff.create', { displayName: 'Anna Verdi' }, 'installation.notInitialized'],
      ['setup.municipality', { istat: '999999', operator: 'Maria' }, 'setup.istatUnknown'],
      ['no.such.method', {}, 'api.unknownMethod'],
    ];
    for (const [method, input, key] of cases) expectCatalogued(await refusal(t, method, input), key);
  });

  it('on a municipality', async () => {
    const t = await openMunicipality();
    await t.must('staff.create', { displayName: 'Anna Verdi', code: 'P-001' });
    const cases: Case[] = [
      ['setup.municipality', { istat: '041067', operator: 'Maria' }, 'setup.alreadyMunicipality'],
      ['usage.record', { service: 'NOPE', date: '2026-01-10', quantity: '1' }, 'usage.serviceUnknown'],
      ['usage.record', { service: 'PEC', date: '2026-01-10', quantity: 'abc' }, 'schema.quantity'],
      ['usage.record', { service: 'PEC', date: '2026-01-10', quantity: '0' }, 'usage.quantityZero'],
      ['usage.record', { service: 'PEC', date: '2026-01-10', quantity: '1,5' }, 'usage.quantityDecimals'],
      ['usage.record', { service: 'PEC', date: '1999-12-31', quantity: '1' }, 'records.dateBefore2000'],
      ['usage.record', { service: 'PEC', date: future, quantity: '1' }, 'records.dateInFuture'],
      ['usage.record', {}, 'validation.required'],
      ['usage.record', { service: 'PEC', date: '2026-01-10', quantity: '1', colour: 'red' }, 'validation.unknownFields'],
      ['usage.record', { service: 'PEC', date: '2026-02-31', quantity: '1' }, 'validation.badDate'],
      ['usage.list', { cursor: 'bad' }, 'usage.badCursor'],
      ['usage.list', { limit: 5000 }, 'validation.numberTooLarge'],
      ['usage.get', { id: uuid }, 'records.notFound'],
      ['staff.create', { displayName: 'Bruno Neri', code: 'P-001' }, 'staff.codeTaken'],
      ['courses.create', { title: 'GDPR', startDate: '2026-01-10', endDate: '2026-01-09', hours: '6' }, 'training.endBeforeStart'],
      ['courses.create', { title: 'GDPR', startDate: '2026-01-10', endDate: '2026-01-10', hours: '9999' }, 'training.hoursTooMany'],
      ['proposals.create', { title: 'Rete', beneficiaries: ['999999'] }, 'proposals.beneficiaryUnknown'],
      ['members.add', { istat: '041044' }, 'hub.municipalityInstallation'],
      ['gov.proposals.list', {}, 'gov.hubOnly'],
      ['identity.confirm', { id: 'CST-XX', fingerprint: 'AAAA-BBBB' }, 'identity.notImported'],
      ['bundle.export', {}, 'schema.exportTarget'],
      ['bundle.export', { dir: '/tmp' }, 'export.noHubIdentity'],
      ['csv.preview', { kind: 'usage', contentBase64: '' }, 'csvFile.empty'],
      ['csv.preview', { kind: 'usage', contentBase64: Buffer.from('PK\u0003\u0004 foglio').toString('base64') }, 'csvFile.xlsx'],
    ];
    for (const [method, input, key] of cases) {
      const error = await refusal(t, method, input);
      expect({ method, key: error.key, message: error.message }).toEqual({ method, key, message: error.message });
      expectCatalogued(error, key);
    }
  });

  it('on the consortium', async () => {
    const t = openTestBackend();
    await t.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
    const cases: Case[] = [
      ['setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' }, 'setup.alreadyHub'],
      ['usage.record', { service: 'PEC', date: '2026-01-10', quantity: '1' }, 'records.hubInstallation'],
      ['members.add', { istat: '999999' }, 'hub.istatUnknown'],
      ['members.add', { istat: '041067' }, 'hub.alreadyMember'],
      ['plan.get', { year: 2030 }, 'plan.notFound'],
      ['bundle.export', { allMembers: true, dir: '/tmp' }, 'export.noConfirmedMember'],
      // Governance rules of shared/governance, with their rule code in params.rule.
      ['plan.import', { year: 2027, contentBase64: planCsv('X;X;10;50;50;0;099999') }, 'rule.allocExemptUnknown'],
      ['plan.import', { year: 2027, contentBase64: planCsv('X;X;10;50;50;0;', 'X;Y;10;50;50;0;') }, 'rule.allocItemTwice'],
    ];
    for (const [method, input, key] of cases) {
      const error = await refusal(t, method, input);
      expect({ method, key: error.key, message: error.message }).toEqual({ method, key, message: error.message });
      expectCatalogued(error, key);
    }
  });

  it('on paths: sent by the window, an identity file that is not there, a file in place of the backups', async () => {
    const t = await openMunicipality();
    const fromWindow = t.backend.dispatch as CallerDispatch;
    const windowPath = await fromWindow('bundle.export', { dir: '/tmp' }, 'window');
    expect(windowPath.ok).toBe(false);
    if (!windowPath.ok) expectCatalogued(windowPath.error, 'api.localPathRefused');

    const bundle = join(tempDir(), 'pacchetto.cstb');
    writeFileSync(bundle, 'non un pacchetto');
    const identity = await refusal(t, 'bundle.inspect', { path: bundle, identityPath: join(tempDir(), 'absent.cstid') });
    expectCatalogued(identity, 'inspect.identityUnreadableAt');

    writeFileSync(join(t.dataDir, 'backups'), 'un file al posto della cartella');
    const backup = await refusal(t, 'backup.now', {});
    expectCatalogued(backup, 'backup.fileInTheWay');
    expect(backup.params).toMatchObject({ folder: join(t.dataDir, 'backups') });
  });
});

describe('refusals of the data folder itself (before any handler)', () => {
  function thrown(run: () => unknown): AppError {
    try {
      run();
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('nothing was thrown');
  }

  it('names the folder and keeps params.reason for the window', () => {
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, 'x');
    const cases: [run: () => unknown, key: MessageKey, reason: string][] = [
      [() => openTestBackend({ dataDir: join(file, 'store') }), 'dataDir.notAFolder', 'not_a_folder'],
      [() => requireExistingStore(join(tempDir(), 'absent')), 'dataDir.missing', 'missing'],
      [() => requireExistingStore(tempDir()), 'dataDir.noDatabase', 'no_database'],
    ];
    for (const [run, key, reason] of cases) {
      const error = thrown(run).toValue();
      expectCatalogued(error, key);
      expect(error.params).toMatchObject({ reason });
    }
  });
});
