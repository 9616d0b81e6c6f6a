import type { TFunction } from 'i18next';
import type { NetworkSyncStatus, SyncMessage, SyncTransfer } from '../../../../shared/domain/network-sync';
import { formatBytes } from '../../../../shared/format/numbers';
import { formatDateTime, formatTime, isSameItalianDay } from '../../i18n/format';

/** How the indicator looks: the words say it all, the tone only adds a coloured dot. */
export type SyncTone = 'ok' | 'working' | 'warning' | 'danger';

export interface SyncSummary {
  tone: SyncTone;
  text: string;
}

/**
 * A time the clerk reads: "10:42" today, "27/11/2026, 10:42" another day (a PC left off over
 * the weekend), always Italian local time, 24-hour.
 */
function at(t: TFunction, iso: string, now: string, today: string, otherDay: string): string {
  return isSameItalianDay(iso, now) ? t(today, { time: formatTime(iso) }) : t(otherDay, { date: formatDateTime(iso) });
}

/**
 * The header's few words, or null when network sync is off (most town halls send files until the
 * consortium gives an address: a permanent "not configured" on every page would only worry).
 */
export function syncSummary(status: NetworkSyncStatus, t: TFunction, now: string): SyncSummary | null {
  switch (status.state) {
    case 'off':
      return null;
    case 'syncing':
      return { tone: 'working', text: t('netSync.short.syncing') };
    case 'idle':
      if (!status.lastSuccessAt) return { tone: 'working', text: t('netSync.short.waiting') };
      return { tone: 'ok', text: at(t, status.lastSuccessAt, now, 'netSync.short.syncedAt', 'netSync.short.syncedOn') };
    case 'offline':
      if (!status.nextAttemptAt) return { tone: 'warning', text: t('netSync.short.offline') };
      return { tone: 'warning', text: isSameItalianDay(status.nextAttemptAt, now) ? t('netSync.short.offlineRetry', { time: formatTime(status.nextAttemptAt) }) : t('netSync.short.offline') };
    case 'error':
      return { tone: 'danger', text: t('netSync.short.error') };
  }
}

/** When the agent tries again, as a sentence ("Nuovo tentativo alle 10:42."), or null. */
export function retryText(status: NetworkSyncStatus, t: TFunction, now: string): string | null {
  if (!status.nextAttemptAt || (status.state !== 'offline' && status.state !== 'error')) return null;
  return at(t, status.nextAttemptAt, now, 'netSync.retryAt', 'netSync.retryOn');
}

/** The agent's message in the window's language (it carries both texts). */
export function syncMessageText(message: SyncMessage, language: string): string {
  return language === 'en' ? message.en : message.it;
}

/** "Invio in corso: 12,4 MB di 50,0 MB". */
export function transferText(transfer: SyncTransfer, t: TFunction): string {
  return t(transfer.direction === 'up' ? 'netSync.sending' : 'netSync.receiving', { done: formatBytes(transfer.done), total: formatBytes(transfer.total) });
}
