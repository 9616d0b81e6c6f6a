import { describe, expect, it } from 'vitest';
import { listProvinces, searchMunicipalities } from '../../electron/core/platform/reference/municipalities';

/** ISTAT's names as a clerk reads them: no escape sequences or quotes left over from the import. */
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
});
