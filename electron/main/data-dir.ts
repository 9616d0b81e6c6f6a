import path from 'node:path';

export interface DataDirChoice {
  dataDir: string;
  /** How it was chosen, for the error dialog and the logs. */
  source: 'argument' | 'environment' | 'default';
}

/**
 * The data directory: `--data-dir DIR` (or `--data-dir=DIR`) on the command line, else the
 * CST_DATA_DIR environment variable, else Electron's userData folder. Relative paths are
 * resolved against `cwd` so that the CLI and the app agree on the same folder.
 */
export function resolveDataDir(argv: readonly string[], env: Record<string, string | undefined>, cwd: string, defaultDir: () => string): DataDirChoice {
  const fromArgs = dataDirArgument(argv);
  if (fromArgs) return { dataDir: path.resolve(cwd, fromArgs), source: 'argument' };
  const fromEnv = env.CST_DATA_DIR?.trim();
  if (fromEnv) return { dataDir: path.resolve(cwd, fromEnv), source: 'environment' };
  return { dataDir: defaultDir(), source: 'default' };
}

function dataDirArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : null;
    }
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || null;
  }
  return null;
}
