import { describe, expect, it as test } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { it } from '../../renderer/src/i18n/it';

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** `{{name}}` and `{{name, format}}` (a formatted count: `{{count, int}}`). */
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)(?:,\s*\w+)?\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  const itLeaves = leaves(it);
  const enLeaves = leaves(en);

  test('Italian and English have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...itLeaves.keys()].sort());
  });

  test('no message is empty', () => {
    for (const [key, value] of [...itLeaves, ...enLeaves]) expect(value.trim(), key).not.toBe('');
  });

  test('each message uses the same placeholders in both languages', () => {
    for (const [key, value] of itLeaves) expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(value));
  });

  test('every plural has both forms, and every nested count exists', () => {
    for (const leavesOf of [itLeaves, enLeaves]) {
      for (const key of leavesOf.keys()) {
        const one = /^(.*)_one$/.exec(key);
        if (one) expect(leavesOf.has(`${one[1]}_other`), `${one[1]}_other`).toBe(true);
      }
      for (const [key, value] of leavesOf) {
        for (const m of value.matchAll(/\$t\(([\w.]+),/g)) {
          expect(leavesOf.has(`${m[1]}_one`) && leavesOf.has(`${m[1]}_other`), `${key} → ${m[1]}`).toBe(true);
        }
      }
    }
  });

  test('every API error code has a message', async () => {
    const { ERROR_CODES } = await import('../../shared/api/errors');
    for (const code of ERROR_CODES) expect(itLeaves.has(`apiErrors.${code}`), code).toBe(true);
  });
});

describe('every section of the menu', () => {
  test('has a label and a one-line description (the Home lists them)', async () => {
    const { SECTIONS } = await import('../../renderer/src/app/nav-items');
    const all = new Set([...SECTIONS.municipality, ...SECTIONS.hub].filter((s) => s !== 'home'));
    for (const section of all) {
      expect(leaves(it).has(`nav.${section}`), `nav.${section}`).toBe(true);
      if (section !== 'settings') expect(leaves(it).has(`sections.${section}`), `sections.${section}`).toBe(true);
    }
  });
});
