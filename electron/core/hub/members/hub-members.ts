/**
 * The member registry (*anagrafe dei soci*), public part: each member is a `member` record of
 * the hub, so members receive the registry (beneficiaries of proposals) and the plan reads the
 * population ISTAT updates yearly. Also the hub's first events: at setup it publishes its
 * catalogue and its registry, so a member's first hub bundle carries them.
 */
import type { ParsedInput } from '../../../../shared/api/contract';
import type { RegistryMember } from '../../../../shared/domain/hub-views';
import { PROVISIONAL_CATALOGUE } from '../../../../shared/records/catalogue';
import { hubServiceKind } from '../../../../shared/records/hub-catalogue';
import { memberKind, type MemberData } from '../../../../shared/records/hub-members';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { outboxHead } from '../../sync/outbox/outbox';
import { deleteRecord, notFound, operatorName, putRecord } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { findMunicipality } from '../../platform/reference/municipalities';
import type { InstallationRecord } from '../../platform/installation/installation-store';
import { requireHub } from '../records/hub-guard';
import { derivedRecordId } from '../records/hub-ids';
import { dropProvisionalServices, removeMember, writeMember, writeService } from '../records/hub-store';

interface MemberRow {
  istat: string;
  name: string;
  province: string;
  population: number | null;
  population_year: number | null;
  status: 'pending' | 'confirmed';
  membership: 'active' | 'withdrawn';
  member_since: string | null;
}

const SELECT = 'SELECT istat, name, province, population, population_year, status, membership, member_since FROM members';

function toMember(r: MemberRow): RegistryMember {
  return {
    istat: r.istat,
    name: r.name,
    province: r.province,
    population: r.population,
    populationYear: r.population_year,
    status: r.status,
    membership: r.membership,
    memberSince: r.member_since,
  };
}

function memberData(ctx: AppContext, r: MemberRow): MemberData {
  return {
    istat: r.istat,
    name: r.name,
    province: r.province,
    population: r.population,
    population_year: r.population_year,
    status: r.membership,
    member_since: r.member_since,
    updated_by: operatorName(ctx),
  };
}

function getRow(ctx: AppContext, istat: string): MemberRow | undefined {
  return stmt(ctx.db, `${SELECT} WHERE istat = ?`).get(istat) as MemberRow | undefined;
}

/** Writes the member's row from its record and appends the record's event (inside the caller's transaction). */
function putMember(ctx: AppContext, hubId: string, r: MemberRow): RegistryMember {
  const id = derivedRecordId(hubId, 'member', r.istat);
  writeMember(ctx.db, id, putRecord(ctx, memberKind, id, memberData(ctx, r)), ctx.clock.now());
  return toMember(getRow(ctx, r.istat) as MemberRow);
}

/**
 * The hub about to write one of its records. A hub set up before its first events were
 * published at setup (or whose publication failed after setup) publishes them now, first, so
 * that every member's first hub bundle still carries the catalogue and the registry.
 */
export function requireHubWriter(ctx: AppContext): InstallationRecord {
  const hub = requireHub(ctx);
  publishInitialHubRecords(ctx);
  return hub;
}

export function updateMember(ctx: AppContext, input: ParsedInput<'members.update'>): RegistryMember {
  const hub = requireHubWriter(ctx);
  return ctx.db.transaction(() => {
    const r = getRow(ctx, input.istat);
    if (!r) throw notFound('member', input.istat);
    const next: MemberRow = {
      ...r,
      population: input.population === undefined ? r.population : input.population,
      population_year: input.populationYear === undefined ? r.population_year : input.populationYear,
      membership: input.status ?? r.membership,
      member_since: input.memberSince === undefined ? r.member_since : input.memberSince,
    };
    if (next.population !== null && next.population_year === null) {
      throw appError('hub.populationYearMissing', {}, { field: 'populationYear' });
    }
    const nextYear = Number(ctx.clock.now().slice(0, 4)) + 1;
    if (next.population_year !== null && next.population_year > nextYear) {
      throw appError('hub.populationYearFuture', { year: next.population_year }, { field: 'populationYear' });
    }
    return putMember(ctx, hub.id, next);
  })();
}

/** A municipality of ISTAT's list joins: its name, province and population come from the list. */
export function addMember(ctx: AppContext, input: ParsedInput<'members.add'>): RegistryMember {
  const hub = requireHubWriter(ctx);
  const m = findMunicipality(input.istat);
  if (!m) throw appError('hub.istatUnknown', { istat: input.istat }, { field: 'istat' });
  return ctx.db.transaction(() => {
    if (getRow(ctx, m.istat)) throw appError('hub.alreadyMember', { name: m.name, istat: m.istat }, { field: 'istat' });
    const at = ctx.clock.now();
    stmt(ctx.db, "INSERT INTO members (istat, name, province, population, population_year, status, added_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)").run(
      m.istat,
      m.name,
      m.province,
      m.population,
      m.populationYear,
      at,
    );
    return putMember(ctx, hub.id, { ...(getRow(ctx, m.istat) as MemberRow), member_since: input.memberSince });
  })();
}

/**
 * Only a member never enrolled (no identity imported) can be removed: one that exchanged
 * bundles stays in the registry, as 'withdrawn', so its history keeps its name.
 */
export function removeRegistryMember(ctx: AppContext, input: ParsedInput<'members.remove'>): { istat: string } {
  const hub = requireHubWriter(ctx);
  return ctx.db.transaction(() => {
    if (!getRow(ctx, input.istat)) throw notFound('member', input.istat);
    if (stmt(ctx.db, "SELECT 1 FROM peers WHERE kind = 'municipality' AND id = ?").get(input.istat)) {
      throw appError('hub.memberHasIdentity', {}, { field: 'istat' });
    }
    deleteRecord(ctx, memberKind, derivedRecordId(hub.id, 'member', input.istat));
    removeMember(ctx.db, derivedRecordId(hub.id, 'member', input.istat));
    stmt(ctx.db, 'DELETE FROM members WHERE istat = ?').run(input.istat);
    return { istat: input.istat };
  })();
}

export function listRegistry(ctx: AppContext): RegistryMember[] {
  return (stmt(ctx.db, `${SELECT} ORDER BY name COLLATE NOCASE`).all() as MemberRow[]).map(toMember);
}

/**
 * The hub's first events, right after setup: the provisional catalogue becomes the hub's own
 * (same codes, so entries members recorded against it keep their service), and every member
 * of the registry gets its record. Idempotent: runs only while the hub's stream is empty.
 */
export function publishInitialHubRecords(ctx: AppContext): number {
  const hub = requireHub(ctx);
  return ctx.db.transaction(() => {
    if (outboxHead(ctx.db).seq > 0) return 0;
    let n = 0;
    PROVISIONAL_CATALOGUE.forEach((s, i) => {
      const id = derivedRecordId(hub.id, 'service', s.code);
      const data = putRecord(ctx, hubServiceKind, id, {
        ...s,
        active: true,
        position: i + 1,
        fixed_yearly_cents: null,
        unit_cost_cents: null,
        updated_by: operatorName(ctx),
      });
      writeService(ctx.db, id, data, ctx.clock.now());
      n += 1;
    });
    dropProvisionalServices(ctx.db);
    for (const r of stmt(ctx.db, `${SELECT} ORDER BY istat`).all() as MemberRow[]) {
      putMember(ctx, hub.id, r);
      n += 1;
    }
    return n;
  })();
}
