/**
 * Recovering this installation's own stream from the hub after a restore from an old backup
 * (DESIGN.md "Restores"; BUNDLE-FORMAT.md `ack`).
 */
export const recoveryMethods = {} as const;
