/** Italian strings of what the regional hub publishes, as a provincial hub and its members see it. */
export const itFederation = {
  regional: {
    coursesTitle: 'Corsi regionali',
    coursesIntro: 'Corsi offerti da {{name}} (ufficio regionale), ricevuti tramite il consorzio. Sola lettura.',
    courseOf: 'Corso regionale — {{name}}',
    colTitle: 'Corso',
    colDates: 'Date',
    colHours: 'Ore',
    colProvider: 'Ente',
    reportTitle: 'Resoconto regionale {{year}}',
    reportIntro: 'Pubblicato da {{name}} il {{date}}. Sola lettura.',
    colProvince: 'Ufficio provinciale',
    colMembers: 'Comuni',
    colEntries: 'Registrazioni',
    colServices: 'Utilizzo per servizio',
    total: 'Totale regione',
    none: 'nessuno',
  },
};
