import { chooseDataDir, type DataDirSource } from '../core/platform/data-dir';

export interface DataDirChoice {
  dataDir: string;
  /** How it was chosen, for the error dialog and the logs. */
  source: DataDirSource;
  /**
   * `--data-dir` given with no folder (`--data-dir=`, or followed by another switch): a usage
   * error, as in the CLI and the browser shell, never a silent fall-back to the default folder.
   */
  empty?: true;
}

/**
 * The data directory from Electron's argv (`--data-dir DIR` or `--data-dir=DIR`, among
 * Chromium's own switches), then the core's one rule: argument, CST_DATA_DIR, userData.
 */
export function resolveDataDir(argv: readonly string[], env: Record<string, string | undefined>, cwd: string, defaultDir: () => string): DataDirChoice {
  const argument = dataDirArgument(argv);
  if (argument !== null && argument.trim() === '') return { dataDir: '', source: 'argument', empty: true };
  return chooseDataDir(argument, env, defaultDir, cwd);
}

function dataDirArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : '';
    }
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return null;
}
