import type { Municipality, Province } from '../../../../shared/domain/installation';
import { foldForSearch } from '../../../../shared/domain/search-fold';
import italy from '../../../../data/comuni-it.json';
import pesaroUrbino from '../../../../data/comuni-pu.json';

interface RawMunicipality {
  istat: string;
  name: string;
  province: string;
  province_name: string;
  region: string;
  population: number | null;
  population_year: number | null;
}

interface Indexed {
  municipality: Municipality;
  /** The name folded for search: lower case, no accents, one kind of apostrophe, single spaces. */
  key: string;
}

export { foldForSearch };

let index: { byCode: Map<string, Indexed>; all: Indexed[] } | null = null;

/** Built on first use: ISTAT's list (Fonte: ISTAT), with the newer population where we have it. */
function getIndex() {
  if (index) return index;
  const newer = new Map((pesaroUrbino as RawMunicipality[]).map((m) => [m.istat, m]));
  const all = (italy as RawMunicipality[]).map((raw): Indexed => {
    const pop = newer.get(raw.istat) ?? raw;
    return {
      municipality: {
        istat: raw.istat,
        name: raw.name,
        province: raw.province,
        provinceName: raw.province_name,
        region: raw.region,
        population: pop.population,
        populationYear: pop.population_year,
      },
      key: foldForSearch(raw.name),
    };
  });
  all.sort((a, b) => a.key.localeCompare(b.key, 'it'));
  index = { byCode: new Map(all.map((e) => [e.municipality.istat, e])), all };
  return index;
}

export function findMunicipality(istat: string): Municipality | undefined {
  return getIndex().byCode.get(istat)?.municipality;
}

/**
 * Names that start with the query first, then names with a word that starts with it, then any
 * other match; a query of digits matches ISTAT codes.
 */
export function searchMunicipalities(query: string, limit: number): Municipality[] {
  const q = foldForSearch(query);
  if (q === '') return [];
  const { all } = getIndex();
  if (/^[0-9]+$/.test(q)) {
    return all.filter((e) => e.municipality.istat.startsWith(q)).slice(0, limit).map((e) => e.municipality);
  }
  const ranked: [number, Indexed][] = [];
  for (const e of all) {
    const at = e.key.indexOf(q);
    if (at < 0) continue;
    const rank = at === 0 ? 0 : e.key[at - 1] === ' ' || e.key[at - 1] === "'" ? 1 : 2;
    ranked.push([rank, e]);
  }
  ranked.sort((a, b) => a[0] - b[0]);
  return ranked.slice(0, limit).map(([, e]) => e.municipality);
}

export function municipalitiesOfProvince(province: string): Municipality[] {
  return getIndex().all.filter((e) => e.municipality.province === province).map((e) => e.municipality);
}

export function listProvinces(): Province[] {
  const byCode = new Map<string, Province>();
  for (const { municipality: m } of getIndex().all) {
    const p = byCode.get(m.province);
    if (p) p.municipalities += 1;
    else byCode.set(m.province, { code: m.province, name: m.provinceName, region: m.region, municipalities: 1 });
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}
