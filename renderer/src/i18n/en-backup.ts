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
    restoreTitle: 'Restoring a backup',
    restoreText:
      'You can go back to the data of a backup in the list (button “Restore”) or of a backup kept elsewhere, for example on a USB stick. Before changing anything the program checks the backup and shows what it holds. The current data are not lost: they are saved as a new backup, and the current database also stays in the data folder.',
    restoreCliText: 'With CST Desk closed, the same restore can also be done from a terminal, in the program’s folder:',
    restoreCommand: 'npx cst backup restore {{name}}',
    colRestore: 'Restore',
    restoreRow: 'Restore',
    restoreRowLabel: 'Restore the backup of {{when}}',
    fromFile: 'Restore from a file',
    fromFileHint: 'A .sqlite file holding a backup of this installation (for example on a USB stick). It is checked before anything changes.',
    checking: 'Checking the backup…',
    confirmTitle: 'Restore the backup of {{when}}?',
    confirmTitleFile: 'Restore the backup {{name}}?',
    confirmWho: 'It is a backup of the data of the municipality of {{name}} (ISTAT code {{id}}), that is of this installation.',
    confirmWhoHub: 'It is a backup of the data of the consortium {{name}} ({{id}}), that is of this installation.',
    confirmCopy: 'Records made here in the backup: {{n}}',
    confirmCurrent: 'Records in the current data: {{n}}',
    confirmLast: '(the last one on {{when}}).',
    confirmLost_one: 'After the restore the most recent one is missing: it stays in the backup made before the restore.',
    confirmLost_other: 'After the restore the {{n}} most recent ones are missing: they stay in the backup made before the restore.',
    confirmSavedFirst:
      'Before the restore the current data are saved as a new backup, which appears in this list: restoring it brings back the data as they are now. Nothing is lost.',
    confirmAfter:
      'Then the window reloads with the data of the backup. At the consortium’s next bundle, if records already sent are missing, the program says so and how to recover them.',
    confirmAfterHub:
      'Then the window reloads with the data of the backup. A consortium restores its most recent backup: if it is old, the municipalities already received data missing here and new records will be refused until a more recent backup is restored.',
    confirmRestore: 'Restore the backup',
    restoring: 'Restoring…',
    restoredTitle: 'Backup of {{when}} restored',
    restoredTitleFile: 'Backup {{name}} restored',
    storeDamagedTitle: 'The database is damaged: changes are suspended',
    storeDamagedBody:
      'The full check of the database ({{when}}) found damage ({{detail}}). So as not to make it worse CST Desk records no more changes: the data can still be consulted, but nothing new is saved. Restore the latest backup: the damaged database is put aside, not deleted. Until then, CST Desk will not open this database again.',
    storeDamagedAction: 'Restore a backup (Settings › Backups)',
    restoredDamagedAside: 'The damaged database was put aside in the data folder ({{name}}), not deleted.',
    restoredSavedFirst: 'The data as they were before are in the backup {{name}}, in this list: restoring it goes back.',
    restoredNext: 'At the consortium’s next bundle, if records already sent are missing, the program says so and how to recover them.',
    restoredNextHub:
      'If the backup is old, the municipalities already received data missing here: new records will be refused until a more recent backup is restored.',
    fileName: 'FILE-NAME.sqlite',
  },
};
