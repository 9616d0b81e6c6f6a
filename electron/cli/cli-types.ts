import type { ParseArgsConfig } from 'node:util';
import type { Backend } from '../core/app/backend';
import type { CallFn } from '../../shared/api/call';
import type { ApiError } from '../../shared/api/errors';
import type { Language } from '../../shared/errors/catalogue';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  /** Opens the data directory on first use (some commands, like --help, never need it). */
  backend(): Backend;
  /** The in-process transport: the same handler table the UI calls. */
  call: CallFn;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
  io: CliIo;
  dataDir: string;
  /** The language of the sentences the core words by catalogue key (refusals, bundle outcomes, CSV problems). */
  lang: Language;
}

export interface Command {
  /** One or two words: `init`, `identity show`. */
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Only `init` may create the data folder; every other command needs one that holds a database. */
  createsDataDir?: true;
  /** Returns the value printed with --json; prints the human form itself. */
  run(ctx: CommandContext): Promise<unknown>;
}

/** A refusal the CLI reports on one line of stderr with exit code 1 (2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    readonly code = exitCode === 2 ? 'E_USAGE' : 'E_REFUSED',
    /** The core's refusal it reports, written in the CLI's language from its catalogue key. */
    readonly apiError?: ApiError,
  ) {
    super(message);
  }
}
