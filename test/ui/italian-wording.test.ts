import { describe, expect, it as test } from 'vitest';
import { it } from '../../renderer/src/i18n/it';
import { ERROR_MESSAGES } from '../../shared/errors/catalogue';

/**
 * The Italian that reads right, checked on every sentence of the window's catalogue
 * (renderer/src/i18n/it*.ts) and of the error catalogue (shared/errors), so that the mistakes of
 * issue 13 (item 7) cannot come back:
 * - prepositions joined to the article ("del comune", never "di il comune");
 * - one register, impersonal: instructions in the infinitive ("Scrivere…", "Premere…") or with
 *   "si" ("si può…"); never "tu" (hai, puoi, tuo) nor "voi" (avete, vostro, Telefonate, inviatelo,
 *   leggerete). Buttons keep their short imperative ("Salva", "Scegli il file"), the Italian
 *   convention for a command: a button is not a sentence, and none of them is addressed as "voi";
 * - no raw code such as "(E_FORMAT)" in a sentence;
 * - a count followed by a plural noun only in a plural form (`_other`), never in a sentence
 *   that would read "1 righe" ("file" is the same in both numbers).
 */
function leaves(node: unknown, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push([path, value]);
    else out.push(...leaves(value, path));
  }
  return out;
}

const SENTENCES: [string, string][] = [...leaves(it), ...Object.entries(ERROR_MESSAGES).map(([key, e]): [string, string] => [`errors.${key}`, e.it])];

/** What a sentence says, without what it quotes («Tutto dall’inizio», "keys") nor its placeholders. */
const spoken = (s: string) => s.replace(/«[^»]*»/g, '«»').replace(/"[^"]*"/g, '""').replace(/\{\{[^}]*\}\}|\{\w+\}/g, '{}');

function offending(re: RegExp, except: (key: string, match: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const [key, text] of SENTENCES) {
    for (const m of spoken(text).matchAll(re)) if (!except(key, m[0])) found.push(`${key}: «${m[0]}» in ${text}`);
  }
  return found;
}

describe('Italian that reads right', () => {
  test('the catalogues are scanned (the scan has something to scan)', () => {
    expect(SENTENCES.length).toBeGreaterThan(1000);
  });

  test('prepositions are joined to the article: "del", "dal", "al", "sul", "nel", never "di il"', () => {
    expect(offending(/\b(di|da|a|su|in) (il|lo|la|i|gli|le|l[’'])(?=\s|$)/gi)).toEqual([]);
  });

  test('no "tu": hai, puoi, devi, vuoi, tuo…', () => {
    expect(offending(/\b(hai|puoi|devi|vuoi|sai|tuo|tua|tuoi|tue|ti)\b/gi)).toEqual([]);
  });

  test('no "voi": avete, potete, vostro, vi, leggerete, and no plural imperatives (Telefonate, inviatelo)', () => {
    expect(offending(/\b(avete|potete|dovete|volete|siete|fate|vostro|vostra|vostri|vostre|vi)\b/gi)).toEqual([]);
    // Futures of the second person plural: "leggerete", "troverete", "riceverete".
    expect(offending(/\b\w+[aei]rete\b/gi)).toEqual([]);
    // Imperatives with a pronoun attached: "inviatelo", "copiatelo", "consegnatela".
    expect(offending(/\b\w{2,}(ate|ete|ite)(lo|la|li|le|ne|ci|gli|glielo)\b/gi)).toEqual([]);
    // A plural imperative starting an instruction: "Telefonate…", "Poi scegliete…", "oppure premete…".
    // Past participles that start a label or a count, nouns and third persons are not instructions.
    const notImperatives = new Set(['completate', 'date', 'sostituite', 'registrate', 'importate', 'inviate', 'ricevute', 'confermate', 'rifiutate', 'rete', 'ripete']);
    const imperative = /(?:^|[.:;!?]\s+|\b(?:poi|oppure|quindi|e|o|se|non)\s+)([A-Za-zàèéìòù]+(?:ate|ete|ite))\b/g;
    expect(offending(imperative, (_key, m) => notImperatives.has(m.replace(/^.*?([A-Za-zàèéìòù]+)$/, '$1').toLowerCase()))).toEqual([]);
  });

  test('no raw code in a sentence for the clerk ("(E_FORMAT)")', () => {
    expect(offending(/\(E_[A-Z_]+\)|\bE_[A-Z]{3,}\b/g)).toEqual([]);
  });

  test('a count before a plural noun is a plural form ("1 riga", never "1 righe")', () => {
    const nouns = 'righe|registrazioni|eventi|pratiche|utilizzi|voci|dipendenti|partecipazioni|proposte|allegati|dati|comuni|membri|corsi|gruppi|cifre';
    const re = new RegExp(`\\{\\{(count|n|rows|events|applied|removed|seq|missing|total|imported)\\b[^}]*\\}\\} (${nouns})\\b`, 'g');
    const found: string[] = [];
    for (const [key, text] of SENTENCES) {
      if (/_(other|zero)$/.test(key)) continue;
      for (const m of text.matchAll(re)) found.push(`${key}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
