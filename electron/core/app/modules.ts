/**
 * The composition root: every feature of the core, listed once. The handler table (one handler
 * per method of the contract), the projectors and restorers of received and recovered records
 * and the list of record kinds written are all derived from this list. Adding a feature means
 * adding its module here; adding a record kind touches its feature's folder and nothing else.
 *
 * Order matters for projectors only: the hub's come before governance's (governance reads the
 * hub's proposals once the same bundle has projected them).
 */
import { composeModules } from '../platform/api/feature-module';
import type { HandlerTable } from '../platform/api/handler-table';
import { referenceModule } from '../platform/reference/reference-module';
import { identityModule } from '../sync/identity/identity-module';
import { outboxModule } from '../sync/outbox/outbox-module';
import { bundlesModule } from '../sync/bundles/bundles-module';
import { recoveryModule } from '../sync/recovery/recovery-module';
import { backupModule } from '../sync/backup/backup-module';
import { networkSyncModule } from '../sync/network/network-sync-module';
import { mailboxAnnouncementModule } from '../sync/network/mailbox-announcement';
import { federationModule } from '../sync/federation/federation-module';
import { usageModule } from '../municipality/usage/usage-module';
import { staffModule } from '../municipality/staff/staff-module';
import { trainingModule } from '../municipality/training/training-module';
import { groupsModule } from '../municipality/groups/groups-module';
import { proposalsModule } from '../municipality/proposals/proposals-module';
import { joinsModule } from '../municipality/joins/joins-module';
import { catalogueModule } from '../municipality/catalogue/catalogue-module';
import { historyModule } from '../municipality/history/history-module';
import { homeModule } from '../municipality/home/home-module';
import { csvModule } from '../municipality/csv/csv-module';
import { hubModule } from '../hub/hub-module';
import { proposalSharingModule } from '../hub/proposals/sharing-module';
import { governanceModule } from '../governance/governance-module';
import { committeeRosterModule } from '../governance/committee/committee-roster-module';
import { committeeModule } from '../municipality/committee/committee-module';
import { appModule } from './app-module';
import { setupModule } from './setup/setup-module';
import { demoModule } from './demo/demo-module';

export const MODULES = [
  appModule,
  referenceModule,
  setupModule,
  identityModule,
  outboxModule,
  bundlesModule,
  recoveryModule,
  backupModule,
  networkSyncModule,
  mailboxAnnouncementModule,
  federationModule,
  usageModule,
  staffModule,
  trainingModule,
  groupsModule,
  proposalsModule,
  joinsModule,
  catalogueModule,
  historyModule,
  homeModule,
  csvModule,
  hubModule,
  proposalSharingModule,
  governanceModule,
  committeeModule,
  committeeRosterModule,
  demoModule,
] as const;

const composition = composeModules(MODULES);

/** The one handler table: every method of the contract, each implemented exactly once (checked by the compiler). */
export const handlers: HandlerTable = composition.handlers;

/** The projectors and restorers every installation's context carries. */
export const RECORD_REGISTRY = composition.records;

/** The record kinds the features write, each claimed by exactly one module. */
export const WRITTEN_KINDS = composition.kinds;
