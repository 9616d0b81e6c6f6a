import { z } from 'zod';
import { recordKind } from './registry';
import { UpdatedBy } from './common';

/** Longest mailbox address accepted, typed (`sync.configure`) or announced by the hub. */
export const MAILBOX_URL_MAX = 300;

/**
 * The one rule for a mailbox address, for the address typed here and the one the hub announces:
 * `http://` or `https://`, a host, no user or password, no query or fragment; the path is the
 * mailbox's base (a reverse proxy may serve it under one). Returns the address without a
 * trailing slash (the form stored and announced), or null when it is not one.
 */
export function normalizedMailboxUrl(typed: string): string | null {
  const text = typed.trim();
  if (text.length === 0 || text.length > MAILBOX_URL_MAX) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password || url.search || url.hash) return null;
  const stored = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  // Parsing may lengthen it (an accented host in punycode, escaped characters in the path).
  return stored.length <= MAILBOX_URL_MAX ? stored : null;
}

/**
 * The consortium's mailbox address, announced by the hub so that a member receives it with its
 * first bundle and syncs without typing it (docs/sync.md). One record per hub; deleted when the
 * hub removes its address. The address must already be in its stored form (as the hub writes it).
 */
export const MailboxAddressData = z
  .object({
    url: z
      .string()
      .max(MAILBOX_URL_MAX)
      .refine((u) => normalizedMailboxUrl(u) === u, { message: "L'indirizzo del server va scritto come https://nome-del-server, senza nome utente, parametri o barra finale." }),
    updated_by: UpdatedBy,
  })
  .strict();
export type MailboxAddressData = z.infer<typeof MailboxAddressData>;

export const mailboxAddressKind = recordKind({
  kind: 'mailbox_address',
  owner: 'hub',
  schema: MailboxAddressData,
  description: 'Indirizzo del server del consorzio (mailbox) annunciato dall’ufficio del consorzio ai soci.',
});
