import { parseArgs } from 'node:util';
import type { CallFn } from '../../shared/api/call';
import { APP_VERSION } from '../core/platform/app-version';
import { openBackend, type Backend } from '../core/app/backend';
import { resolveDataDir } from '../core/platform/data-dir';
import { AppError } from '../core/platform/errors';
import { diskFullError, isDiskFull } from '../core/platform/fs/disk-errors';
import { requireExistingStore } from '../core/platform/store/data-dir-problems';
import { apiErrorText, languageFromLocale, type Language } from '../../shared/errors/catalogue';
import { CliError, type CliIo, type Command } from './cli-types';
import { COMMANDS } from './commands/index';

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

const stdio: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Runs one `cst` invocation and returns its exit code: 0 done, 1 refused, 2 bad usage.
 * Every error is one line on stderr; with --json the result (or the error) is also one JSON
 * document on stdout.
 */
export async function runCli(argv: string[], io: CliIo = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const command = findCommand(argv);
  const json = argv.includes('--json');
  const lang = cliLanguage(argv, env);
  if (!command) {
    if (argv.includes('--version')) {
      io.out(APP_VERSION);
      return 0;
    }
    const asked = argv.length === 0 || argv.includes('--help') || argv.includes('-h');
    (asked ? io.out : io.err)(helpText());
    return asked ? 0 : 2;
  }
  let backend: Backend | undefined;
  try {
    const rest = argv.slice(command.name.split(' ').length);
    const parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      io.out(`${command.summary}\n\nUso: ${command.usage}\nOpzioni globali: --data-dir CARTELLA, --json, --lang it|en`);
      return 0;
    }
    const flag = parsed.values['data-dir'] as string | undefined;
    if (flag !== undefined && flag.trim() === '') {
      throw new CliError('--data-dir vuole il percorso di una cartella: un percorso vuoto non indica nessuna cartella (vedere cst --help).', 2);
    }
    const dataDir = resolveDataDir(flag, env);
    // Only `init` creates a data folder: any other command on a mistyped path would otherwise
    // create an empty database there (and `check` would call it healthy).
    const getBackend = () => {
      if (!backend && !command.createsDataDir) requireExistingStore(dataDir);
      return (backend ??= openBackend({ dataDir, appVersion: APP_VERSION }));
    };
    const call: CallFn = (method, input) => getBackend().dispatch(method, input) as ReturnType<CallFn>;
    const value = await command.run({ backend: getBackend, call, values: parsed.values, positionals: parsed.positionals, json, io, dataDir, lang });
    if (json) io.out(JSON.stringify({ ok: true, value }));
    return 0;
  } catch (err) {
    const { code, message, exitCode } = describeError(isDiskFull(err) ? diskFullError(dataDirOf(argv, env), err) : err, lang);
    io.err(`cst ${command.name}: ${message}`);
    if (json) io.out(JSON.stringify({ ok: false, error: { code, message } }));
    return exitCode;
  } finally {
    backend?.close();
  }
}

/** The data folder for a message, when the failure came before it was chosen. */
function dataDirOf(argv: string[], env: NodeJS.ProcessEnv): string {
  const at = argv.indexOf('--data-dir');
  const given = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return resolveDataDir(given || undefined, env);
}

/** The command is named by the leading words (`cst identity show --json`): two words, else one. */
function findCommand(argv: string[]): Command | undefined {
  const [first, second] = argv;
  return COMMANDS.find((c) => c.name === `${first} ${second}`) ?? COMMANDS.find((c) => c.name === first);
}

/**
 * The language of the refusals: `--lang it|en`, else the locale (LC_ALL, LC_MESSAGES, LANG, in
 * POSIX order: `LANG=en_US.UTF-8` → English), else Italian. Read before the options are parsed,
 * so that a usage error is said in it too.
 */
export function cliLanguage(argv: string[], env: NodeJS.ProcessEnv): Language {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const asked = i < 0 ? undefined : argv[i]!.startsWith('--lang=') ? argv[i]!.slice(7) : argv[i + 1];
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return languageFromLocale(asked) ?? languageFromLocale(locale) ?? 'it';
}

/** A refusal in the chosen language: from the catalogue's key and params when the error has them. */
function describeError(err: unknown, lang: Language): { code: string; message: string; exitCode: 1 | 2 } {
  if (err instanceof CliError) return { code: err.code, message: err.apiError ? apiErrorText(err.apiError, lang) : err.message, exitCode: err.exitCode };
  if (err instanceof AppError) return { code: err.code, message: apiErrorText(err.toValue(), lang), exitCode: 1 };
  const code = (err as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return { code: 'E_USAGE', message: `${(err as Error).message} (vedere cst --help)`, exitCode: 2 };
  }
  return { code: 'E_INTERNAL', message: `errore imprevisto: ${(err as Error)?.message ?? String(err)}`, exitCode: 1 };
}

export function helpText(): string {
  // One column for the summaries, as wide as the longest command (`identity confirm-many`).
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return [
    'cst — CST Desk da riga di comando',
    '',
    'Uso: cst COMANDO [opzioni]',
    '',
    'Comandi:',
    ...lines,
    '',
    'Opzioni globali:',
    '  --data-dir CARTELLA  cartella dati (altrimenti CST_DATA_DIR, altrimenti quella predefinita)',
    '  --json               risultato in JSON su stdout',
    '  --lang it|en         lingua dei messaggi di errore (altrimenti LANG; predefinito italiano)',
    '  --help               aiuto (anche: cst COMANDO --help)',
    '',
    'Codici di uscita: 0 riuscito, 1 operazione rifiutata, 2 uso errato.',
  ].join('\n');
}
