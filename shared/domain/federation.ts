/** Federation of hubs: provincial hubs reporting to a regional hub (docs/federation.md). */
import { z } from 'zod';
import type { BundleImportResult, DownloadCounts, Peer } from './bundles';
import { HubId, IstatCode } from './ids';
import { localPath } from './local-path';
import { MemberPageFields, type PageInfo } from './member-page';
import type { Measure } from './unit-measure';

/** The regional hub (on a provincial hub) or a provincial hub (on a regional one). */
export type FederationHub = { relation: 'regional' | 'province' } & Pick<
  Peer,
  'id' | 'name' | 'keyId' | 'signingKey' | 'ageRecipient' | 'fingerprint' | 'status' | 'importedAt' | 'confirmedAt'
>;

export const FederationIdentityInput = z
  .object({ contentBase64: z.string().min(1).max(200_000), fileName: z.string().max(260).optional() })
  .strict();

export const RegionalConfirmInput = z.object({ fingerprint: z.string().max(100) }).strict();

export const ProvinceConfirmInput = z.object({ id: HubId, fingerprint: z.string().max(100) }).strict();

/** CLI only: the folder the forwarded files and the signed roster are written to. */
export const ForwardInput = z.object({ dir: localPath(), all: z.boolean().default(false) }).strict();

export interface ForwardResult {
  dir: string;
  region: string;
  rosterSerial: number;
  /** The members the roster vouches for. */
  members: number;
  /** Member bundles written (the very bytes received). */
  files: number;
  bytes: number;
  /** Member bundles found encrypted to this hub alone (sent before the member knew the regional hub): not forwarded, the regional hub could not open them. */
  notForRegion: number;
}

/** CLI only: a folder written by `federation.forward`. */
export const RegionalImportInput = z.object({ dir: localPath() }).strict();

/** A municipality a provincial hub vouches for, as the regional operator sees it. */
export interface VouchedMember {
  istat: string;
  name: string;
  keyId: string;
  fingerprint: string;
  /** Still on the province's latest roster. */
  vouched: boolean;
  eventsReceived: number;
  lastReceivedAt: string | null;
}

export interface RosterTaken {
  province: string;
  serial: number;
  /** false: a roster with this serial or a later one was already taken (the old one changes nothing). */
  taken: boolean;
  vouched: number;
  added: string[];
  removed: string[];
  /** Members this roster names that the regional hub refuses, each with the reason. */
  refused: { istat: string; reason: string }[];
}

export type ForwardedImportResult = BundleImportResult & { forwardedBy: { id: string; name: string } };

export interface RegionalImportResult {
  province: { id: string; name: string };
  roster: RosterTaken;
  results: ForwardedImportResult[];
  /** Bundles kept earlier that a roster now vouching for their sender let apply. */
  alsoApplied: BundleImportResult[];
}

/** What the regional hub's last collection from a province's mailbox did (docs/federation.md, "Through the mailbox"). */
/** What a collection from a province's mailbox did; `received` counts its rosters too. */
export interface ProvinceCollection extends DownloadCounts {
  at: string;
  /** Our own bundles for the province now complete at its mailbox (absent in collections recorded before it was counted). */
  sent?: number;
  /** The latest roster serial taken from the mailbox in this collection, if any. */
  rosterSerial: number | null;
  /** Why the collection stopped (a catalogue key and its params), null when it ended well. */
  error: { key: string; params: Record<string, string | number> } | null;
}

export interface ProvinceSummary extends FederationHub {
  rosterSerial: number;
  rosterAt: string | null;
  /** The province's mailbox, where this hub collects what it forwards (null: by folder only). */
  mailbox: string | null;
  lastCollection: ProvinceCollection | null;
  members: number;
  membersWithData: number;
  eventsReceived: number;
  /** The last bundle received from one of its members, null before the first. */
  lastReceivedAt: string | null;
}

export const RosterInput = z.object({ province: HubId }).strict();

/** Regional hub: the address of a province's mailbox (given by the provincial office); null removes it. */
export const ProvinceMailboxInput = z.object({ id: HubId, url: z.string().trim().max(300).nullable() }).strict();

/**
 * Paging and search of a province's municipalities (issue 12), as the hub's other paged views:
 * the search by name or ISTAT code, the page and its size of `MemberPageFields`.
 */
const MunicipalityPageFields = { search: MemberPageFields.search, page: MemberPageFields.page, pageSize: MemberPageFields.pageSize };

/** One page of the municipalities a province vouches for, by name, among those the search selects. */
export const RosterPageInput = z.object({ province: HubId, ...MunicipalityPageFields }).strict();

export interface RosterPage {
  province: ProvinceSummary;
  members: VouchedMember[];
  page: PageInfo;
}

export const RegionUsageInput = z
  .object({
    year: z.number().int().min(2000).max(2999).optional(),
    /** One province: `provinces` holds it alone (the region's totals stay whole). */
    province: HubId.optional(),
    /** The region's and the provinces' totals alone, no municipality listed (the window's first screen). */
    totalsOnly: z.boolean().optional(),
    /** One municipality: its totals by service and by month (`municipality`); without `page` no list beside. */
    municipality: IstatCode.optional(),
    /**
     * With `page`: the municipalities listed are one page, by name, of those of the province(s)
     * selected that the search finds, with data or not; the totals always cover them all.
     */
    ...MunicipalityPageFields,
  })
  .strict();

/** Usage totals by service code: entries and quantity in thousandths of the unit. */
/**
 * Usage over a period. Per service, `quantityMilli` is a count's sum or, for a level (`measure`
 * 'level': mailboxes held, GB), each municipality's average of its months with a figure, added
 * up over the municipalities (shared/domain/unit-measure.ts).
 */
export interface UsageTotals {
  entries: number;
  byService: { service: string; measure: Measure; entries: number; quantityMilli: number }[];
}

/** Region → province → municipality (docs/federation.md, "What the regional hub shows"). */
export interface RegionUsage {
  year: number | null;
  region: UsageTotals;
  provinces: { id: string; name: string; totals: UsageTotals; municipalities: { istat: string; name: string; totals: UsageTotals }[] }[];
  /** With `page` only: the page of municipalities the provinces' lists hold. */
  page?: PageInfo;
  /** With `municipality` only. */
  municipality?: MunicipalityUsage;
}

/** One municipality's usage on the regional hub: by service, and by month and service. */
export interface MunicipalityUsage {
  istat: string;
  name: string;
  province: { id: string; name: string };
  totals: UsageTotals;
  byMonth: { month: string; service: string; entries: number; quantityMilli: number }[];
}

/** On a provincial hub: the regional hub it reports to and what it forwarded so far. */
export interface RegionalStatus {
  regional: FederationHub | null;
  /** Member bundles forwarded to the regional hub, and when the last one was. */
  forwarded: { files: number; lastAt: string | null; notForRegion: number };
}

/** CLI only: the folder a provincial hub writes the regional hub's files into, one subfolder per member. */
export const ForwardDownInput = ForwardInput;

export interface ForwardDownResult {
  dir: string;
  region: string;
  /** Each member that got files (`<dir>/<istat>/<sha256>.cstb`). */
  members: { istat: string; name: string; files: number; bytes: number }[];
  files: number;
  bytes: number;
}

export const ReportPublishInput = z.object({ year: z.number().int().min(2000).max(2999) }).strict();

export interface ReportPublished {
  /** The record's id (the same when a year is published again). */
  id: string;
  year: number;
  provinces: number;
  members: number;
  entries: number;
}

/** A course of another hub, as received (read-only). */
export interface FederatedCourse {
  id: string;
  title: string;
  area: string;
  startDate: string;
  endDate: string;
  hoursMilli: number;
  mode: string;
  provider: string;
  description: string;
}

/** The regional hub's report of a year, as received (read-only). */
export interface FederatedReport {
  id: string;
  year: number;
  title: string;
  publishedAt: string;
  provinces: { id: string; name: string; members: number; entries: number; byService: { service: string; entries: number; quantityMilli: number }[] }[];
  totals: { members: number; entries: number; byService: { service: string; entries: number; quantityMilli: number }[] };
}

/** Provincial hub or member: what the regional hub above published (nothing before its first file arrived). */
export interface RegionalRecords {
  regional: { id: string; name: string } | null;
  courses: FederatedCourse[];
  reports: FederatedReport[];
}

export const ProvinceRecordsInput = z.object({ province: HubId }).strict();

/** Regional hub: a province's own records as received, read-only (its catalogue, courses, …). */
export interface ProvinceRecords {
  province: { id: string; name: string };
  eventsReceived: number;
  courses: FederatedCourse[];
  /** Every record held, by kind (a count): what its stream carried. */
  kinds: { kind: string; records: number }[];
}
