/** The services a usage view names: the consortium's catalogue (names, units, count or level). */
import type { HubUsageTable } from '../../../../shared/domain/hub-views';
import { measureOf } from '../../../../shared/domain/unit-measure';
import { UNITS, type UnitCode } from '../../../../shared/records/catalogue';
import type { HubServiceData } from '../../../../shared/records/hub-catalogue';
import type { AppContext } from '../../platform/context';
import { stmt } from '../../platform/store/statements';

/** The consortium's catalogue by code (the units and names of the services). */
export function hubCatalogue(ctx: AppContext): Map<string, HubServiceData> {
  return new Map(
    (stmt(ctx.db, 'SELECT data FROM hub_services').pluck().all() as string[]).map((s) => {
      const d = JSON.parse(s) as HubServiceData;
      return [d.code, d] as const;
    }),
  );
}

export function serviceInfo(catalogue: Map<string, HubServiceData>, code: string): HubUsageTable['services'][number] {
  const d = catalogue.get(code);
  // A unit from a newer catalogue than this app has no names here; it counts (measureOf).
  const known = d ? (UNITS as Record<string, (typeof UNITS)[UnitCode] | undefined>)[d.unit] : undefined;
  return { code, nameIt: d?.name_it ?? code, nameEn: d?.name_en ?? code, unit: d ? d.unit : '', unitIt: known?.it ?? d?.unit ?? '', unitEn: known?.en ?? d?.unit ?? '', measure: measureOf(d?.unit ?? '') };
}

export const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

