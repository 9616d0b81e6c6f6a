import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS_FILE } from '../../electron/core/sync/identity/keys';
import { openTestBackend } from '../helpers/backend';

describe('first-run setup through the handler table', () => {
  it('sets up a municipality from its ISTAT code, with keys and a fingerprint', async () => {
    const t = openTestBackend();
    const status0 = await t.must('app.status', {});
    expect(status0.installation).toBeNull();
    const inst = await t.must('setup.municipality', { istat: '041067', operator: '  Maria Rossi ' });
    expect(inst).toMatchObject({ role: 'municipality', id: '041067', name: 'Urbino', operator: 'Maria Rossi', province: 'PU' });
    const identity = await t.must('identity.show', {});
    expect(identity.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(identity.signingKey).toMatch(/^RW/);
    expect(identity.ageRecipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(identity.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    const keyFile = join(t.dataDir, KEYS_FILE);
    expect(existsSync(keyFile)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect((await t.must('app.status', {})).installation?.name).toBe('Urbino');
  });

  it('sets up a hub and pre-fills the members of a province with their population', async () => {
    const t = openTestBackend();
    await t.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
    const members = await t.must('members.list', {});
    expect(members).toHaveLength(50);
    const urbino = members.find((m) => m.istat === '041067');
    expect(urbino).toMatchObject({ name: 'Urbino', status: 'pending', populationYear: 2021 });
    expect(urbino?.population).toBeGreaterThan(10_000);
  });

  it('refuses a second setup and changes nothing', async () => {
    const t = openTestBackend();
    await t.must('setup.municipality', { istat: '041067', operator: 'Maria' });
    const before = await t.must('identity.show', {});
    const again = await t.call('setup.hub', { id: 'CST-PU', name: 'Altro' });
    expect(again).toMatchObject({ ok: false, error: { code: 'E_ALREADY_INITIALIZED' } });
    const same = await t.call('setup.municipality', { istat: '041001', operator: 'Luca' });
    expect(same).toMatchObject({ ok: false, error: { code: 'E_ALREADY_INITIALIZED' } });
    expect(await t.must('identity.show', {})).toEqual(before);
  });

  it('refuses an unknown ISTAT code, naming the field', async () => {
    const t = openTestBackend();
    const r = await t.call('setup.municipality', { istat: '999999', operator: 'Maria' });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field: 'istat' } });
    if (!r.ok) expect(r.error.message).toMatch(/999999/);
    expect((await t.must('app.status', {})).installation).toBeNull();
  });

  it.each([
    ['an empty operator', { istat: '041067', operator: '' }, 'operator'],
    ['a whitespace operator', { istat: '041067', operator: '   ' }, 'operator'],
    ['a malformed code', { istat: '41067', operator: 'Maria' }, 'istat'],
    ['control characters', { istat: '041067', operator: 'Ma\u0007ria' }, 'operator'],
  ])('refuses %s with a validation error naming the field', async (_what, input, field) => {
    const t = openTestBackend();
    const r = await t.call('setup.municipality', input);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field } });
    expect((await t.must('app.status', {})).installation).toBeNull();
  });

  it.each([
    [{ id: 'cst-pu', name: 'CST' }, 'id'],
    [{ id: 'CST-PU', name: '  ' }, 'name'],
    [{ id: 'CST-PU', name: 'CST', province: 'ZZ' }, 'province'],
    [{ id: 'CST-PU', name: 'CST', extra: 1 }, ''],
  ])('refuses a bad hub setup %j', async (input, field) => {
    const t = openTestBackend();
    const r = await t.call('setup.hub', input as never);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('E_VALIDATION');
      if (field) expect(r.error.field).toBe(field);
    }
    expect((await t.must('app.status', {})).installation).toBeNull();
  });

  it('answers an unknown method and a non-object input as values, not throws', async () => {
    const t = openTestBackend();
    expect(await t.backend.dispatch('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_METHOD' } });
    expect(await t.backend.dispatch('app.status', 'x')).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(await t.backend.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_METHOD' } });
  });

  it('asks for setup before showing an identity', async () => {
    const t = openTestBackend();
    expect(await t.call('identity.show', {})).toMatchObject({ ok: false, error: { code: 'E_NOT_INITIALIZED' } });
  });

  it('keeps the language setting', async () => {
    const t = openTestBackend();
    expect((await t.must('app.status', {})).locale).toBe('it');
    await t.must('settings.setLocale', { locale: 'en' });
    expect((await t.must('app.status', {})).locale).toBe('en');
    expect(await t.call('settings.setLocale', { locale: 'fr' } as never)).toMatchObject({ ok: false, error: { field: 'locale' } });
  });

  it('reports a sound store and keys with app.check', async () => {
    const t = openTestBackend();
    await t.must('setup.municipality', { istat: '041067', operator: 'Maria' });
    expect(await t.must('app.check', {})).toMatchObject({ ok: true, integrity: ['ok'], keys: 'ok' });
  });
});

describe('reference.searchMunicipalities', () => {
  it('is accent- and case-insensitive and ranks names that start with the query first', async () => {
    const t = openTestBackend();
    const forli = await t.must('reference.searchMunicipalities', { query: 'forli' });
    expect(forli[0]?.name).toBe('Forlì');
    const sa = await t.must('reference.searchMunicipalities', { query: "sant'angelo" });
    expect(sa.map((m) => m.name)).toContain("Sant'Angelo in Vado");
    const curly = await t.must('reference.searchMunicipalities', { query: 'SANT’ANGELO IN V' });
    expect(curly[0]?.name).toBe("Sant'Angelo in Vado");
    const code = await t.must('reference.searchMunicipalities', { query: '041067' });
    expect(code[0]?.name).toBe('Urbino');
    expect(await t.must('reference.searchMunicipalities', { query: '   ' })).toEqual([]);
  });

  it('lists provinces with their number of municipalities', async () => {
    const t = openTestBackend();
    const provinces = await t.must('reference.provinces', {});
    expect(provinces.find((p) => p.code === 'PU')).toEqual({ code: 'PU', name: 'Pesaro e Urbino', region: 'Marche', municipalities: 50 });
    expect(provinces.reduce((n, p) => n + p.municipalities, 0)).toBe(7896);
  });
});

describe('reference.municipalities', () => {
  it('returns the municipalities of the given codes and leaves unknown codes out', async () => {
    const t = openTestBackend();
    const found = await t.must('reference.municipalities', { istat: ['041067', '999999', '040012'] });
    expect(found.map((m) => m.name)).toEqual(['Urbino', 'Forlì']);
  });
});

describe('app.status', () => {
  it('shows the operator changed in Settings, not the name given at setup', async () => {
    const t = openTestBackend();
    await t.must('setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
    expect((await t.must('app.status', {})).installation?.operator).toBe('Maria Rossi');
    await t.must('settings.update', { operator: 'Luca Bianchi' });
    expect((await t.must('app.status', {})).installation?.operator).toBe('Luca Bianchi');
  });
});
