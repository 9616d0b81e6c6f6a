/**
 * Recovering this installation's own stream from the hub after a restore from an old backup
 * (docs/design.md "Restores"; docs/bundle-format.md `ack`).
 */
import { method } from '../define';
import { RecoveryApplyInput, RecoveryExportInput, type RecoveryApplyResult, type RecoveryExportResult, type RecoveryStatus } from '../../domain/recovery';
import { NoInput } from './inputs';

export const recoveryMethods = {
  /** Municipality: whether writes are refused because the hub holds events we lost, and how many. */
  'recovery.status': method(NoInput)<RecoveryStatus>(),
  /** Hub: a bundle to one member carrying a copy of that member's own stream as the hub applied it. */
  'recovery.export': method(RecoveryExportInput)<RecoveryExportResult>(),
  /** Municipality: imports that bundle, checks the copy against the hub's signed ack and our outbox, adds back the missing events. */
  'recovery.apply': method(RecoveryApplyInput)<RecoveryApplyResult>(),
} as const;
