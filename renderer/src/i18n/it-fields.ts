/** The words of the app's own date and file fields: the browser's language never shows through. */
export const itFields = {
  fields: {
    /** The pattern is written in the UI's language: gg/mm/aaaa is what an Italian form says. */
    datePattern: 'gg/mm/aaaa',
    monthPattern: 'mm/aaaa',
    dateHint: 'Scrivere giorno/mese/anno, per esempio {{example}}.',
    monthHint: 'Scrivere mese/anno, per esempio {{example}}.',
    dateInvalid: 'Data non valida: scriverla come gg/mm/aaaa (giorno/mese/anno), per esempio {{example}}.',
    monthInvalid: 'Mese non valido: scriverlo come mm/aaaa (mese/anno), per esempio {{example}}.',
    fileChoose: 'Scegli il file',
    filesChoose: 'Scegli i file',
    fileNone: 'Nessun file scelto',
    fileChosen: 'File scelto: {{name}}',
    filesChosen_one: '1 file scelto: {{names}}',
    filesChosen_other: '{{count, int}} file scelti: {{names}}',
  },
};
