import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listProvinces, searchMunicipalities } from '../../electron/core/platform/reference/municipalities';
import italy from '../../data/comuni-it.json';
import pesaroUrbino from '../../data/comuni-pu.json';

/**
 * ISTAT's names as a clerk reads them in the setup wizard and the hub's member list (Fonte:
 * ISTAT): no escape sequences ("Forl\u{ec}-Cesena") or quotes left over from the import, and no
 * UTF-8 text decoded twice ("ForlÃ¬").
 */

interface Row { istat: string; name: string; province: string; province_name: string; region: string }

/** Artefacts of a broken conversion: backslash escapes, quotes, mojibake, U+FFFD. */
const BROKEN = /\\|"|Ã|Â|\uFFFD/;

describe('reference: province and region names', () => {
  it('are plain text with their accents', () => {
    const garbled = listProvinces().filter((p) => /\\u\{|^"|"$/.test(p.name) || /\\u\{|^"|"$/.test(p.region));
    expect(garbled).toEqual([]);
    const names = new Map(listProvinces().map((p) => [p.code, p]));
    expect(names.get('FC')?.name).toBe('Forlì-Cesena');
    expect(names.get('AO')?.name).toBe("Valle d'Aosta/Vallée d'Aoste");
    expect(names.get('BZ')?.region).toBe('Trentino-Alto Adige/Südtirol');
    expect(searchMunicipalities('forli', 1)[0]?.provinceName).toBe('Forlì-Cesena');
  });

  it('no row of the shipped files carries an escape, a quote or mojibake in a name, province or region', () => {
    const rows = [...(italy as Row[]), ...(pesaroUrbino as Row[])];
    const broken = rows
      .flatMap((r) => [r.name, r.province_name, r.region].map((text) => ({ istat: r.istat, text })))
      .filter(({ text }) => BROKEN.test(text));
    expect(broken).toEqual([]);
  });

  it('every province has one name and one region', () => {
    const names = new Map<string, Set<string>>();
    for (const r of italy as Row[]) names.set(r.province, (names.get(r.province) ?? new Set<string>()).add(`${r.province_name} | ${r.region}`));
    expect([...names].filter(([, set]) => set.size > 1)).toEqual([]);
  });

  it('the data folder credits ISTAT', () => {
    expect(readFileSync(new URL('../../data/README.md', import.meta.url), 'utf8')).toContain('Fonte: ISTAT');
  });
});
