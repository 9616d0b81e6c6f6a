import { z } from 'zod';
import { method } from '../define';
import { HubId, IstatCode, Locale, personText } from '../../domain/ids';
import type { BackupEntry, BackupOverview, BackupRestorePreview, BackupRestoreResult } from '../../domain/backup';
import type { ChainVerification } from '../../domain/outbox';
import type { AppStatus, IdentityInfo, Installation, IntegrityReport, Member, Municipality, Province } from '../../domain/installation';
import type { StoreHealth } from '../../domain/store-health';
import { NoInput } from './inputs';

/** A copy from `backup.list` by its name (no folders), or a file's bytes: never a path. */
const BackupRestoreInput = z.union([
  z.object({ name: z.string().regex(/^cst-desk-[0-9TZ-]+\.sqlite$/, { message: 'Nome di copia di sicurezza non valido: scegliere una copia dall’elenco oppure un file.' }) }).strict(),
  z.object({ fileName: z.string().min(1).max(260), contentBase64: z.string().min(1).max(100 * 1024 * 1024) }).strict(),
]);

/** Installation, setup, identity, settings, reference data and the log (foundation). */
export const appMethods = {
  'app.status': method(NoInput)<AppStatus>(),
  /** Full integrity check of the store and the keys (`cst check`). */
  'app.check': method(NoInput)<IntegrityReport>(),
  /** The store's health: the background full check running, the last one passed, or damage found (writes stopped). */
  'app.storeHealth': method(NoInput)<StoreHealth>(),

  'reference.searchMunicipalities': method(
    z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  )<Municipality[]>(),
  /** Municipalities by ISTAT code (names of saved codes); unknown codes are left out. */
  'reference.municipalities': method(z.object({ istat: z.array(IstatCode).max(8000) }).strict())<Municipality[]>(),
  'reference.provinces': method(NoInput)<Province[]>(),

  'setup.municipality': method(
    z.object({ istat: IstatCode, operator: personText(100) }).strict(),
  )<Installation>(),
  'setup.hub': method(
    z
      .object({
        id: HubId,
        name: personText(120),
        operator: personText(100).optional(),
        province: z.string().trim().regex(/^[A-Z]{2}$/, { message: 'Sigla di provincia non valida (per esempio PU).' }).optional(),
      })
      .strict(),
  )<Installation>(),

  'identity.show': method(NoInput)<IdentityInfo>(),
  /** The identity file (.cstid) as bytes; the caller saves it where the person chooses. */
  'identity.export': method(NoInput)<{ fileName: string; contentBase64: string }>(),

  'settings.setLocale': method(z.object({ locale: Locale }).strict())<{ locale: z.infer<typeof Locale> }>(),

  'members.list': method(NoInput)<Member[]>(),

  /** Recomputes this installation's whole hash chain (`cst log verify`). */
  'log.verify': method(NoInput)<ChainVerification>(),

  /** The backups folder: verified copies (newest first), the last attempt and whether one is running. */
  'backup.list': method(NoInput)<BackupOverview>(),
  /** Takes an online backup now (E_NOT_INITIALIZED, E_IO, E_DB_CORRUPT when the copy fails its check). */
  'backup.now': method(NoInput)<BackupEntry>(),
  /** The checks of `cst backup restore` on a listed copy or an uploaded file, and what it holds; changes nothing. */
  'backup.restorePreview': method(BackupRestoreInput)<BackupRestorePreview>(),
  /** Restores it: the current data first saved as a backup, then replaced; the store is reopened and the window reloads. */
  'backup.restore': method(BackupRestoreInput)<BackupRestoreResult>(),
} as const;
