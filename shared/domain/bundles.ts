import { z } from 'zod';
import { localPath } from './local-path';
import type { BundleErrorCode } from '../api/errors';
import type { Role } from './ids';

/** An installation whose identity file (.cstid) we imported: the other side of our exchanges. */
export interface Peer {
  kind: Role;
  id: string;
  name: string;
  keyId: string;
  signingKey: string;
  ageRecipient: string;
  fingerprint: string;
  /** Bundles signed by a pending peer are kept, and applied once a person confirms the fingerprint. */
  status: 'pending' | 'confirmed';
  importedAt: string;
  confirmedAt: string | null;
  /** Their stream as applied here. */
  appliedSeq: number;
  lastReceivedAt: string | null;
  /** Their acknowledgement of our stream (null: none received yet). */
  ackedSeq: number | null;
  /** 'events_lost': they hold events we no longer have (restored backup); 'fork': their copy of our stream differs. */
  ackProblem: 'events_lost' | 'fork' | null;
  /** Bundles from this peer waiting (pending or kept). */
  waitingBundles: number;
}

/** `applied` and `duplicate` and `pending` are successes; `kept` is E_UNKNOWN_SENDER (kept for later). */
export type BundleOutcome = 'applied' | 'duplicate' | 'pending' | 'kept' | 'refused';

export interface SeqRange {
  first: number;
  last: number;
}

/**
 * What a sync round did with the files it downloaded from a mailbox or a shared folder: its own
 * inbox's, or (regional hub) a province's collection.
 */
export interface DownloadCounts {
  /** Files downloaded. */
  received: number;
  /** Bundles applied (those a download unblocked included). */
  applied: number;
  duplicate: number;
  /** Kept at the courier: a gap, an identity not confirmed, a sender no roster vouches for yet. */
  waiting: number;
  refused: number;
  /** Removed from the courier after a final outcome. */
  removed: number;
}

/** The result of importing one file: one per file, whatever happened. */
export interface BundleImportResult {
  /** The file's original name (or the path given). */
  file: string;
  sha256: string | null;
  outcome: BundleOutcome;
  /** E_… for kept and refused; null otherwise. */
  code: BundleErrorCode | null;
  sender: { kind: Role; id: string } | null;
  range: SeqRange | null;
  /** An Italian sentence a clerk can act on. */
  message: string;
  /** The technical reason, for "dettagli tecnici" and support. */
  detail: string | null;
  /** `message`'s key in the error catalogue (shared/errors/bundle-messages.ts): the CLI and the window say it in their language. */
  key?: string;
  /** The params of `key`'s sentence. */
  params?: Record<string, string | number>;
  eventsApplied: number;
  /** Warnings about OUR stream learnt from the bundle's ack (lost events, fork). */
  warnings: string[];
  /** Bundles kept earlier (pending or unknown sender) that this one made applicable. */
  alsoApplied: BundleImportResult[];
}

export interface VerificationStep {
  step: number;
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  code: BundleErrorCode | null;
  detail: string | null;
}

/** What `bundle.inspect` shows: the manifest's summary and each verification step, nothing applied. */
export interface BundleInspection {
  file: string;
  sha256: string;
  size: number;
  encrypted: boolean;
  ok: boolean;
  code: BundleErrorCode | null;
  message: string;
  /** A refused bundle: `message`'s catalogue key and params (the CLI says it in `--lang`). */
  key?: string;
  params?: Record<string, string | number>;
  steps: VerificationStep[];
  manifest: {
    bundleId: string;
    createdAt: string;
    sender: { kind: Role; id: string };
    recipient: { kind: Role; id: string };
    keyId: string;
    events: { count: number; firstSeq: number; lastSeq: number; bytes: number };
    files: number;
    ack: { seq: number; hash: string } | null;
    app: { name: string; version: string };
  } | null;
  /** Kinds of records and how many events of each (only when the lines were read). */
  kinds: Record<string, number>;
}

export interface BundleExportResult {
  path: string;
  fileName: string;
  recipient: { kind: Role; id: string };
  /** The recipient's name (a member's town, the consortium's name), for lists the clerk reads. */
  recipientName: string;
  range: SeqRange;
  events: number;
  bytes: number;
  encrypted: boolean;
  sha256: string;
  bundleId: string;
  /** `inline: true` only: the file's bytes, for a download (browser) or a save dialog (Electron); `path` is then empty. */
  contentBase64?: string;
}

/** `bundle.exportArchive`: one ZIP with one bundle per confirmed member, named by town, and a LEGGIMI.txt. */
export interface BundleArchiveResult {
  /** `CST-PU-membri-2026-12-06.zip` (`…-members-…` in English). */
  fileName: string;
  contentBase64: string;
  bytes: number;
  sha256: string;
  /** The list town → file inside the ZIP: `LEGGIMI.txt` (`README.txt` in English). */
  readme: string;
  /** The bundles in the ZIP (by town), as `bundle.export` reports them, without their bytes. */
  files: Omit<BundleExportResult, 'contentBase64'>[];
}

export interface PendingBundle {
  sha256: string;
  file: string;
  receivedAt: string;
  outcome: 'pending' | 'kept';
  code: BundleErrorCode | null;
  sender: { kind: Role; id: string } | null;
  range: SeqRange | null;
  /** The events still missing before it can be applied (pending only). */
  missing: SeqRange | null;
  message: string;
}

export interface BundleFork {
  /** The fork's number: what `bundle.resolveFork` and `cst bundle resolve-fork` take. */
  forkNo: number;
  sender: { kind: Role; id: string; name: string };
  /** The first disputed event (a prev_hash fork: the last event before the file's range). */
  seq: number;
  storedLine: string | null;
  storedHash: string | null;
  receivedLine: string | null;
  receivedHash: string | null;
  sha256: string;
  detectedAt: string;
  /** The refused file: its name, when it arrived and the events it carries. */
  file: { name: string; receivedAt: string; range: SeqRange | null };
  /** The bundle that brought our version of event `seq` (null: not known any more). */
  storedFrom: { name: string; receivedAt: string } | null;
  /** The sender's events applied here now: accepting replaces `seq`…`appliedSeq`. */
  appliedSeq: number;
  /** Accepting needs a file that starts at or before `seq` (the member must send everything otherwise). */
  canAccept: boolean;
  resolution: ForkResolution | null;
}

export type ForkDecision = 'keep' | 'accept';

/** The operator's decision on a fork: who, when, why (kept for the history). */
export interface ForkResolution {
  decision: ForkDecision;
  by: string;
  at: string;
  note: string;
  /** accept: our events from `seq` on that were replaced, and the events of the new version applied. */
  eventsRemoved: number;
  eventsApplied: number;
}

export interface ForkResolveResult {
  fork: BundleFork;
  /** Bundles waiting from the same sender that the accepted version made applicable. */
  alsoApplied: BundleImportResult[];
}

export interface BundleHistory {
  exports: {
    bundleId: string;
    createdAt: string;
    recipient: { kind: Role; id: string };
    range: SeqRange;
    events: number;
    bytes: number;
    fileName: string;
    encrypted: boolean;
    acknowledged: boolean;
    acknowledgedAt: string | null;
  }[];
  receptions: {
    sha256: string;
    file: string;
    receivedAt: string;
    size: number;
    outcome: BundleOutcome | 'received';
    code: string | null;
    message: string | null;
    sender: { kind: Role; id: string } | null;
    range: SeqRange | null;
    eventsApplied: number;
  }[];
}

/** Inputs of the bundle methods (the contract's boundary validation). */
export const BundleExportInput = z
  .object({
    /** CLI only (local paths): the exact file, or a folder for the files. */
    out: localPath().optional(),
    dir: localPath().optional(),
    for: z.string().trim().min(1).max(32).optional(),
    allMembers: z.boolean().default(false),
    all: z.boolean().default(false),
    plain: z.boolean().default(false),
    /** No file on this computer: the bytes come back in the answer (the browser's download, a save dialog). */
    inline: z.boolean().default(false),
  })
  .strict()
  .refine((v) => [!!v.out, !!v.dir, v.inline].filter(Boolean).length === 1, {
    message: 'Indicare un file di destinazione, una cartella oppure lo scaricamento (uno dei tre).',
    path: ['out'],
  });

/** Hub: every member's bundle in one ZIP, for one download; `lang` is the language of the list inside. */
export const BundleExportArchiveInput = z
  .object({
    lang: z.enum(['it', 'en']).default('it'),
    plain: z.boolean().default(false),
  })
  .strict();

/** A file to import: a path on this computer (CLI only), or its bytes (the window: a file chosen or dropped). */
export const BundleFileInput = z.union([
  z.object({ path: localPath(), name: z.string().max(260).optional() }).strict(),
  z.object({ name: z.string().min(1).max(260), contentBase64: z.string().max(400 * 1024 * 1024) }).strict(),
]);

export const BundleImportInput = z.object({ files: z.array(BundleFileInput).min(1).max(5000) }).strict();

export const BundleInspectInput = z.union([
  /** CLI only: the bundle and, to check the signature of a sender not enrolled here, its identity file (.cstid). */
  z.object({ path: localPath(), identityPath: localPath().optional() }).strict(),
  /** The window: the same as bytes (a file chosen or dropped). */
  z
    .object({
      name: z.string().min(1).max(260),
      contentBase64: z.string().max(400 * 1024 * 1024),
      identityContentBase64: z.string().min(1).max(200_000).optional(),
    })
    .strict(),
]);

export const BundleResolveForkInput = z
  .object({
    forkNo: z.number().int().positive(),
    decision: z.enum(['keep', 'accept']),
    /** Why: required, kept in the fork's history. */
    note: z.string().trim().min(1, 'Scrivere il motivo della decisione.').max(2000),
  })
  .strict();

export const IdentityImportInput = z
  .object({ contentBase64: z.string().min(1).max(200_000), fileName: z.string().max(260).optional() })
  .strict();

export const IdentityConfirmInput = z
  .object({
    id: z.string().trim().min(1).max(32),
    fingerprint: z.string().max(100),
  })
  .strict();
