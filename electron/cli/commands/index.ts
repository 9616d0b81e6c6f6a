import type { Command } from '../cli-types';
import { backupListCommand, backupNowCommand, backupRestoreCommand } from './backup';
import { checkCommand } from './check';
import { demoCommand } from './demo';
import { bundleExportCommand, bundleHistoryCommand, bundleImportCommand, bundleInspectCommand, bundlePendingCommand } from './bundle';
import { bundleForksCommand, bundleResolveForkCommand } from './forks';
import { identityConfirmCommand, identityExportCommand, identityImportCommand, identityListCommand, identityShowCommand } from './identity';
import { identityConfirmManyCommand, identityImportManyCommand } from './identity-bulk';
import { hubMembersCommand, hubUsageCommand, membersUpdateCommand, syncStatusCommand } from './hub';
import { initCommand } from './init';
import { syncConfigCommand, syncNowCommand } from './sync';
import { planAllocateCommand, planImportCommand, planShowCommand } from './plan';
import { proposalsCommand } from './proposals';
import { reportPlanCommand, reportStatementCommand } from './report';
import { logVerifyCommand } from './log';
import { mailboxInitCommand, mailboxServeCommand } from './mailbox';
import { recoveryApplyCommand, recoveryExportCommand, recoveryStatusCommand } from './recovery';
import { exportCommand, importCommand } from './records-csv';
import { FEDERATION_COMMANDS } from './federation';

/** Every `cst` command, in the order `cst --help` lists them. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  identityShowCommand,
  identityExportCommand,
  identityImportCommand,
  identityConfirmCommand,
  identityImportManyCommand,
  identityConfirmManyCommand,
  identityListCommand,
  bundleExportCommand,
  bundleImportCommand,
  bundleInspectCommand,
  bundlePendingCommand,
  bundleHistoryCommand,
  bundleForksCommand,
  bundleResolveForkCommand,
  syncStatusCommand,
  syncNowCommand,
  syncConfigCommand,
  recoveryStatusCommand,
  recoveryExportCommand,
  recoveryApplyCommand,
  membersUpdateCommand,
  hubMembersCommand,
  hubUsageCommand,
  proposalsCommand,
  planImportCommand,
  planShowCommand,
  planAllocateCommand,
  reportPlanCommand,
  reportStatementCommand,
  checkCommand,
  backupNowCommand,
  backupListCommand,
  backupRestoreCommand,
  logVerifyCommand,
  importCommand,
  exportCommand,
  demoCommand,
  mailboxInitCommand,
  mailboxServeCommand,
  ...FEDERATION_COMMANDS,
];
