import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'build', 'electron-builder.json'), 'utf8'));

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(path.join(root, file));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('identifies the app and ships only the built files', () => {
    expect(config).toMatchObject({ appId: 'it.cst.desk', productName: 'CST Desk', asar: true, npmRebuild: true });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    expect(config.files.some((p: string) => /^(electron|renderer|shared|test)\//.test(p))).toBe(false);
  });

  it('unpacks better-sqlite3 from the asar so its .node file can be loaded', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    // The node_modules exclusion keeps better-sqlite3 and its loader chain.
    const exclusion = config.files.find((p: string) => p.startsWith('!node_modules/!('));
    expect(exclusion).toContain('better-sqlite3');
    expect(exclusion).toContain('bindings');
    expect(exclusion).toContain('file-uri-to-path');
  });

  it('builds an assisted, per-user, Italian NSIS installer and a portable exe for Windows', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      language: '1040',
      deleteAppDataOnUninstall: false,
    });
    expect(config.nsis.installerLanguages[0]).toBe('it_IT');
  });

  it('builds an AppImage and a deb in the Office category for Linux', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office', icon: 'build/icons' });
  });

  it('flips the Electron fuses that turn the packaged app into a general Node runtime off', () => {
    // ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect would let anyone run code as the app;
    // the app code is read only from its asar, checked against the hash in the executable.
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The names are electron-builder's own (a misspelt fuse would be silently ignored).
    const types = readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'out', 'configuration.d.ts'), 'utf8');
    const fuseBlock = /export interface FuseOptionsV1 \{([\s\S]*?)\n\}/.exec(types)?.[1] ?? '';
    const known = [...fuseBlock.matchAll(/^\s{4}(\w+)\?:/gm)].map((m) => m[1]);
    expect(known.length).toBeGreaterThan(5);
    for (const name of Object.keys(config.electronFuses)) expect(known, name).toContain(name);
  });

  it('has 256 and 512 pixel PNG icons', () => {
    expect(pngSize('build/icons/256x256.png')).toEqual({ width: 256, height: 256 });
    expect(pngSize('build/icons/512x512.png')).toEqual({ width: 512, height: 512 });
    expect(pngSize(config.win.icon)).toEqual({ width: 256, height: 256 });
  });
});
