import type { BundleErrorCode } from '../../../../shared/api/errors';
import type { Role } from '../../../../shared/domain/ids';
import { messageFor, type MessageKey } from '../../../../shared/errors/catalogue';
import type { ParamValue } from '../../../../shared/errors/entry';
import { countText } from '../../../../shared/format/plural';
import { findMunicipality } from '../../platform/reference/municipalities';

/** What an outcome's sentence is made of; each function below picks what it names. */
export interface MessageParams {
  sender?: Party | null;
  recipient?: Party | null;
  us?: Party | null;
  appVersion?: string | null;
  range?: { first: number; last: number } | null;
  missing?: { first: number; last: number } | null;
  line?: number;
  field?: string;
  what?: string;
  kind?: string;
  seq?: number;
  applied?: number;
}
type Party = { kind: Role; id: string };

/**
 * A bundle's outcome as the catalogue says it (shared/errors/bundle-messages.ts): `key` and
 * `params` travel with the result or the refusal, so the CLI and the window write it in the
 * user's language; `message` is its Italian, for the reception history and older readers.
 */
export interface Said {
  key: MessageKey;
  params: Record<string, ParamValue>;
  message: string;
}

function said(key: MessageKey, params: Record<string, ParamValue>): Said {
  return { key, params, message: messageFor(key, params, 'it') };
}

/**
 * Who sent (or should receive) a bundle, with the article Italian joins to "di" and "da"
 * ("del consorzio", "dal comune"): a municipality by its name when the ISTAT list knows it.
 */
function party(p: Party | null | undefined) {
  if (!p) return { it: 'il mittente', of: 'del mittente', from: 'dal mittente', bare: 'mittente', en: 'the sender' };
  if (p.kind === 'hub') return { it: `il consorzio ${p.id}`, of: `del consorzio ${p.id}`, from: `dal consorzio ${p.id}`, bare: `consorzio ${p.id}`, en: `the consortium ${p.id}` };
  // Named as people name a town, with its province ("Urbino (PU)"), never by ISTAT code; the
  // code only when the ISTAT list does not know it (a list older than the sender).
  const m = findMunicipality(p.id);
  const town = m ? `comune di ${m.name} (${m.province})` : `comune ${p.id}`;
  const townEn = m ? `the municipality of ${m.name} (${m.province})` : `the municipality ${p.id}`;
  return { it: `il ${town}`, of: `del ${town}`, from: `dal ${town}`, bare: town, en: townEn };
}

function senderParams(p: Party | null | undefined) {
  const s = party(p);
  return { who: s.it, ofWho: s.of, fromWho: s.from, whoEn: s.en, ofWhoEn: s.en, fromWhoEn: s.en };
}

function rangeParams(r: { first: number; last: number } | null | undefined) {
  if (!r) return { range: '', rangeEn: '' };
  if (r.last < r.first) return { range: ' (nessun evento, solo conferma di ricezione)', rangeEn: ' (no events, only an acknowledgement of receipt)' };
  return { range: ` (eventi ${r.first}–${r.last})`, rangeEn: ` (events ${r.first}–${r.last})` };
}

const REFUSAL_KEYS = {
  E_LIMIT: 'bundle.limit',
  E_FORMAT: 'bundle.format',
  E_DECRYPT: 'bundle.decrypt',
  E_VERSION: 'bundle.version',
  E_RECIPIENT: 'bundle.recipient',
  E_UNKNOWN_SENDER: 'bundle.unknownSender',
  E_SIGNATURE: 'bundle.signature',
  E_DIGEST: 'bundle.digest',
  E_CHAIN: 'bundle.chain',
  E_FORK: 'bundle.fork',
  E_OWNERSHIP: 'bundle.ownership',
  E_RECORD: 'bundle.record',
} as const satisfies Record<BundleErrorCode, MessageKey>;

export function refusalMessage(code: BundleErrorCode, p: MessageParams = {}): Said {
  const key = REFUSAL_KEYS[code];
  switch (code) {
    case 'E_VERSION':
      return said(key, { version: p.appVersion ?? 'sconosciuta', versionEn: p.appVersion ?? 'unknown' });
    case 'E_RECIPIENT': {
      const to = p.recipient ? party(p.recipient) : null;
      return said(key, { recipient: to ? to.bare : "un'altra installazione", recipientEn: to ? to.en : 'another installation' });
    }
    case 'E_UNKNOWN_SENDER':
    case 'E_SIGNATURE':
      return said(key, senderParams(p.sender));
    case 'E_FORK':
      return said(key, { ...senderParams(p.sender), seq: p.seq ?? '?' });
    case 'E_OWNERSHIP':
      return said(key, { ...senderParams(p.sender), line: p.line ?? '?', kind: p.kind ?? '?' });
    case 'E_RECORD':
      // `what` is the record schema's Italian sentence: English names the field only.
      return said(key, {
        line: p.line ?? '?',
        field: p.field ? `, campo «${p.field}»` : '',
        fieldEn: p.field ? `, field «${p.field}»` : '',
        what: p.what ? `: ${p.what}` : '',
        whatEn: '',
      });
    default:
      return said(key, {});
  }
}

export function appliedMessage(p: MessageParams): Said {
  const n = p.applied ?? 0;
  return said('bundle.applied', {
    ...senderParams(p.sender),
    ...rangeParams(p.range),
    events: countText(n, { one: 'evento nuovo', other: 'eventi nuovi' }),
    eventsEn: countText(n, { one: 'new event', other: 'new events' }, 'en'),
  });
}

export function duplicateMessage(p: MessageParams): Said {
  return said('bundle.duplicate', { ...senderParams(p.sender), ...rangeParams(p.range) });
}

export function pendingMessage(p: MessageParams): Said {
  const m = p.missing;
  return said('bundle.pending', {
    ...senderParams(p.sender),
    ...rangeParams(p.range),
    missing: m ? `${m.first}–${m.last}` : 'precedenti',
    missingEn: m ? `${m.first}–${m.last}` : 'before it',
  });
}

/** Step 1's E_LIMIT, decided while archiving: the file was neither kept nor read. */
export function fileTooLargeMessage(name: string, maxMb: number, maxBytes: number): Said {
  return said('bundle.fileTooLarge', { name, maxMb, maxBytes });
}
