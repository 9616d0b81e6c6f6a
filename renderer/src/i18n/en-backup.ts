import type { itBackup } from './it-backup';

/** English strings of the backup copies (same keys as it-backup.ts). */
export const enBackup: typeof itBackup = {
  backup: {
    title: 'Backups',
    intro:
      'CST Desk copies the database by itself every day, shortly after it starts, and checks the copy. It keeps the copies of the last 7 days and one for each of the last 4 weeks; every copy has this installation’s keys beside it.',
    folder: 'Backup folder',
    none: 'There is no backup yet.',
    caption: 'Backups present, newest first',
    colWhen: 'Date of the copy',
    colName: 'File',
    colSize: 'Size',
    colState: 'State',
    stateOk: 'Checked',
    stateNoKeys: 'The keys file is missing',
    sizeMb: '{{size}} MB',
    now: 'Make a backup now',
    running: 'Backup in progress: you can keep working…',
    done: 'Backup made and checked: {{name}}.',
    lastOk: 'Last successful backup: {{when}}.',
    lastFailedTitle: 'The last backup failed ({{when}})',
    failNoSpace: 'The disk is full: free some space and press “Make a backup now”. Your data were not touched.',
    failReadOnly:
      'The folder {{folder}} cannot be written to: check that the data folder is on this computer’s disk and that the user may write to it, then press “Make a backup now”. Your data were not touched.',
    failNotAFolder: 'There is a file where the folder {{folder}} should be: move or rename it, then press “Make a backup now”. Your data were not touched.',
    failCorrupt: 'The copy failed its check and was deleted. Try again; if it happens again, run “npx cst check” and tell the consortium.',
    failOther: 'The backup failed ({{reason}}). Your data were not touched: try again later; if it happens again, tell the consortium.',
    restoreTitle: 'How to restore a backup',
    restoreText:
      'Restoring is not done from this window, because the program is using the data. With CST Desk closed, a technician (the municipality’s or the consortium’s support) runs the command below in a terminal, in the program’s folder, with the name of the chosen file. The current database is not deleted: it is set aside next to the restored one.',
    restoreCommand: 'npx cst backup restore {{name}}',
    fileName: 'FILE-NAME.sqlite',
  },
};
