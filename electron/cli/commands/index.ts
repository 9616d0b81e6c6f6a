import type { Command } from '../cli-types';
import { checkCommand } from './check';
import { identityExportCommand, identityShowCommand } from './identity';
import { initCommand } from './init';
import { logVerifyCommand } from './log';

/** Every `cst` command, in the order `cst --help` lists them. */
export const COMMANDS: readonly Command[] = [initCommand, identityShowCommand, identityExportCommand, checkCommand, logVerifyCommand];
