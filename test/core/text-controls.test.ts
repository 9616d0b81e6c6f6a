/**
 * Issue 11, item 4: names and notes refuse the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) and the C1 controls (U+0080–U+009F) with the same sentence as
 * the C0 controls — through the real handler table, and in a received identity file's name.
 */
import { describe, expect, it } from 'vitest';
import { VALID_USAGE_DATA } from '../helpers/usage-data';
import { lineText, noteText } from '../../shared/records/common';
import { personText } from '../../shared/domain/ids';
import { SettingsUpdateInput } from '../../shared/domain/home';
import { fastUsage } from '../../electron/core/format/bundle/fast-validate';
import { openMunicipality } from '../helpers/municipality';

const REFUSED = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u0080', '\u0085', '\u009B', '\u009F'];
const ACCEPTED = ['\u00A0', 'à', 'È', '€', '\u200E', 'Ω'];

function messageOf(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: string): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : r.error!.issues[0]!.message;
}

describe('bidirectional overrides and C1 controls', () => {
  it('are refused in one-line texts, notes and person names with the C0 sentence', () => {
    const c0Line = messageOf(lineText(100), 'a\u0007b');
    const c0Note = messageOf(noteText(), 'a\u0007b');
    const c0Person = messageOf(personText(100), 'a\u0007b');
    expect(c0Line).toMatch(/caratteri di controllo/);
    for (const ch of REFUSED) {
      const text = `Mario${ch} Rossi`;
      expect(messageOf(lineText(100), text), JSON.stringify(ch)).toBe(c0Line);
      expect(messageOf(noteText(), text), JSON.stringify(ch)).toBe(c0Note);
      expect(messageOf(personText(100), text), JSON.stringify(ch)).toBe(c0Person);
      expect(SettingsUpdateInput.safeParse({ operator: text }).success, JSON.stringify(ch)).toBe(false);
    }
    for (const ch of ACCEPTED) {
      expect(messageOf(lineText(100), `Mario${ch}Rossi`), JSON.stringify(ch)).toBeNull();
      expect(messageOf(noteText(), `Mario${ch}Rossi`), JSON.stringify(ch)).toBeNull();
    }
  });

  it('the bundle fast path never accepts what the schema refuses', () => {
    const usage = VALID_USAGE_DATA;
    expect(fastUsage(usage)).toBe(true);
    expect(fastUsage({ ...usage, note: 'fattura \u202Efdp.exe' })).toBe(false);
    expect(fastUsage({ ...usage, updated_by: 'Maria\u0085Rossi' })).toBe(false);
  });

  it('a staff name with a right-to-left override is refused by the core, naming the field', async () => {
    const t = await openMunicipality();
    const r = await t.call('staff.create', { displayName: 'Giulia \u202EihcnaiB' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('E_VALIDATION');
    expect(r.error.field).toBe('displayName');
    expect(r.error.message).toMatch(/caratteri di controllo non ammessi/);
    const note = await t.call('staff.create', { displayName: 'Giulia', office: 'Anagrafe\u009B' });
    expect(note.ok).toBe(false);
  });
});
