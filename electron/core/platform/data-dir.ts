import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'CST Desk';

/**
 * The folder Electron's `app.getPath('userData')` gives, computed without Electron, so that the
 * CLI, the browser shell and the desktop app all find the same data by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME);
}

export type DataDirSource = 'argument' | 'environment' | 'default';

/**
 * `--data-dir DIR` wins over `CST_DATA_DIR`, which wins over the default; relative paths are
 * resolved against `cwd`. The one rule for every shell (app, browser shell, CLI).
 */
export function chooseDataDir(
  flag: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
  defaultDir: () => string = () => defaultDataDir(env),
  cwd: string = process.cwd(),
): { dataDir: string; source: DataDirSource } {
  if (flag) return { dataDir: resolve(cwd, flag), source: 'argument' };
  const fromEnv = env.CST_DATA_DIR?.trim();
  if (fromEnv) return { dataDir: resolve(cwd, fromEnv), source: 'environment' };
  return { dataDir: defaultDir(), source: 'default' };
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return chooseDataDir(flag, env).dataDir;
}
