import type { Command } from '../cli-types';
import { checkCommand } from './check';
import { bundleExportCommand, bundleHistoryCommand, bundleImportCommand, bundleInspectCommand, bundlePendingCommand } from './bundle';
import { identityConfirmCommand, identityExportCommand, identityImportCommand, identityListCommand, identityShowCommand } from './identity';
import { initCommand } from './init';
import { logVerifyCommand } from './log';

/** Every `cst` command, in the order `cst --help` lists them. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  identityShowCommand,
  identityExportCommand,
  identityImportCommand,
  identityConfirmCommand,
  identityListCommand,
  bundleExportCommand,
  bundleImportCommand,
  bundleInspectCommand,
  bundlePendingCommand,
  bundleHistoryCommand,
  checkCommand,
  logVerifyCommand,
];
