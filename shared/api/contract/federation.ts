/** Federation of hubs: provincial hubs report to a regional hub (docs/federation.md). */
import { method } from '../define';
import {
  FederationIdentityInput,
  ForwardDownInput,
  ProvinceRecordsInput,
  ReportPublishInput,
  type ForwardDownResult,
  type ProvinceRecords,
  type RegionalRecords,
  type ReportPublished,
  ForwardInput,
  ProvinceConfirmInput,
  ProvinceMailboxInput,
  RegionalConfirmInput,
  RegionalImportInput,
  RegionUsageInput,
  RosterInput,
  RosterPageInput,
  type FederationHub,
  type RegionalStatus,
  type RosterPage,
  type ForwardResult,
  type ProvinceSummary,
  type RegionalImportResult,
  type RegionUsage,
  type VouchedMember,
} from '../../domain/federation';
import { NoInput } from './inputs';

export const federationMethods = {
  /** Provincial hub: imports the regional hub's identity file (pending until its fingerprint is confirmed). */
  'federation.regional.import': method(FederationIdentityInput)<FederationHub>(),
  /** Provincial hub: confirms the regional hub's fingerprint and announces it to the members (`regional_hub`). */
  'federation.regional.confirm': method(RegionalConfirmInput)<FederationHub>(),
  /** Provincial hub: stops reporting (deletes the announcement). */
  'federation.regional.remove': method(NoInput)<{ removed: boolean }>(),
  /** Provincial hub: the regional hub, or null, and what was forwarded to it. */
  'federation.regional.show': method(NoInput)<RegionalStatus>(),
  /** Provincial hub (CLI): writes the signed roster and the received member bundles, byte for byte, to a folder. */
  'federation.forward': method(ForwardInput)<ForwardResult>(),
  /** Regional hub: imports a provincial hub's identity file (pending). */
  'federation.province.import': method(FederationIdentityInput)<FederationHub>(),
  /** Regional hub: confirms a provincial hub's fingerprint. */
  'federation.province.confirm': method(ProvinceConfirmInput)<FederationHub>(),
  /** Regional hub: the address of a province's mailbox, where its sync agent collects what the province forwards (null removes it). */
  'federation.province.mailbox': method(ProvinceMailboxInput)<ProvinceSummary>(),
  /** Regional hub: the provinces and what each one sent. */
  'federation.provinces': method(NoInput)<ProvinceSummary[]>(),
  /** Regional hub: the municipalities a province vouches for. */
  'federation.roster': method(RosterInput)<VouchedMember[]>(),
  /** Regional hub: one page of the municipalities a province vouches for (search by name or ISTAT code). */
  'federation.roster.page': method(RosterPageInput)<RosterPage>(),
  /** Regional hub (CLI): imports a folder forwarded by a provincial hub (roster, then bundles). */
  'federation.import': method(RegionalImportInput)<RegionalImportResult>(),
  /** Regional hub: usage totals, region → province → municipality (one province, one page, one municipality by month). */
  'federation.usage': method(RegionUsageInput)<RegionUsage>(),
  /** Provincial hub (CLI): writes the regional hub's received files, byte for byte, to `<dir>/<istat>/` for each member. */
  'federation.forwardDown': method(ForwardDownInput)<ForwardDownResult>(),
  /** Regional hub: publishes the year's regional report (`regional_report`) in its own stream. */
  'federation.report.publish': method(ReportPublishInput)<ReportPublished>(),
  /** Provincial hub or member: the regional hub's courses and reports, as received (read-only). */
  'federation.regionalRecords': method(NoInput)<RegionalRecords>(),
  /** Regional hub: a province's own records, as received (read-only). */
  'federation.provinceRecords': method(ProvinceRecordsInput)<ProvinceRecords>(),
} as const;
