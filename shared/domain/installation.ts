import type { Locale, Role } from './ids';

/** One entry of ISTAT's list of municipalities (Fonte: ISTAT). */
export interface Municipality {
  istat: string;
  name: string;
  province: string;
  provinceName: string;
  region: string;
  population: number | null;
  populationYear: number | null;
}

export interface Province {
  code: string;
  name: string;
  region: string;
  municipalities: number;
}

/** What this installation is: set once at first run, never changed. */
export interface Installation {
  role: Role;
  id: string;
  name: string;
  operator: string;
  province: string | null;
  createdAt: string;
}

/** The public identity of an installation (identity.json) with its fingerprint. */
export interface IdentityInfo {
  kind: Role;
  id: string;
  name: string;
  keyId: string;
  signingKey: string;
  ageRecipient: string;
  fingerprint: string;
  createdAt: string;
}

export interface AppStatus {
  version: string;
  dataDir: string;
  locale: Locale;
  installation: Installation | null;
}

/** A member of the consortium as the hub's registry holds it. */
export interface Member {
  istat: string;
  name: string;
  province: string;
  population: number | null;
  populationYear: number | null;
  /** pending until the hub has confirmed the member's identity fingerprint. */
  status: 'pending' | 'confirmed';
}

/** What `cst check` reports. */
export interface IntegrityReport {
  ok: boolean;
  dataDir: string;
  schemaVersion: number;
  supportedSchemaVersion: number;
  /** SQLite's integrity_check lines: ["ok"] when sound. */
  integrity: string[];
  /** "ok", "non configurata", or what is wrong with the key file. */
  keys: string;
  /** The append-only triggers of the event log that are missing (none when sound). */
  missingAppendOnlyTriggers: string[];
}
