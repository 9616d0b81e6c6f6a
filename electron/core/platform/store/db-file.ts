/** The database's file name inside the data folder. */
export const DB_FILE_NAME = 'cst-desk.sqlite';
