import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { it as itCatalogue } from '../../renderer/src/i18n/it';

const DIR = join(__dirname, '..', '..', 'renderer', 'src', 'i18n');

/**
 * The catalogues are spreads of their parts (`...itGov, ...itCommittee`): a namespace declared by
 * two parts would silently replace the first one's whole object (issue 15's `committee` did so to
 * the Executive Committee's strings). Every part's top-level names must be its own.
 */
describe.each([
  ['it', itCatalogue],
  ['en', en],
] as const)('the %s catalogue', (lang, catalogue) => {
  it('has no namespace declared by two of its parts', async () => {
    const owners = new Map<string, string[]>();
    const parts = readdirSync(DIR).filter((f) => f.startsWith(`${lang}-`) && f.endsWith('.ts'));
    expect(parts.length).toBeGreaterThan(5);
    for (const file of parts) {
      const mod = (await import(join(DIR, file))) as Record<string, unknown>;
      for (const part of Object.values(mod)) {
        if (!part || typeof part !== 'object') continue;
        for (const name of Object.keys(part)) owners.set(name, [...(owners.get(name) ?? []), file]);
      }
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
    for (const name of owners.keys()) expect(Object.keys(catalogue)).toContain(name);
  });
});
