/** Plausible names and texts for the demo municipality (fictional people). */

export const FIRST_NAMES = ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Sara', 'Matteo', 'Elena', 'Davide', 'Federica', 'Simone', 'Valentina', 'Andrea', 'Martina', 'Niccolò', 'Lucia', 'Stefano', 'Paola', 'Roberto'];
export const LAST_NAMES = ['Rossi', 'Bianchi', 'Ferri', 'Marchetti', 'Pierini', 'Rinaldi', 'Gabrielli', 'Santini', 'Fabbri', 'Bellè', 'Conti', 'Galli', 'Mancini', 'Lombardi', 'Costa', 'Giorgi', 'Serafini', 'D’Angelo', 'Pagnini', 'Valentini'];

export const STAFF_ROLES: [role: string, office: string][] = [
  ['Istruttore amministrativo', 'Anagrafe e stato civile'],
  ['Istruttore amministrativo', 'Protocollo'],
  ['Responsabile del servizio', 'Ragioneria'],
  ['Istruttore contabile', 'Tributi'],
  ['Istruttore tecnico', 'Ufficio tecnico'],
  ['Responsabile del servizio', 'Ufficio tecnico'],
  ['Agente di polizia locale', 'Polizia locale'],
  ['Segretario comunale', 'Segreteria'],
  ['Istruttore amministrativo', 'Servizi sociali'],
  ['Collaboratore', 'SUAP e commercio'],
  ['Istruttore informatico', 'Sistemi informativi'],
  ['Esecutore', 'Biblioteca'],
];

export const COURSES: { title: string; area: string; hours: string; mode: 'in_person' | 'online' | 'blended'; provider: string; consortium: boolean }[] = [
  { title: 'Protocollo informatico e fascicolazione', area: 'Documenti digitali', hours: '6', mode: 'in_person', provider: 'CST', consortium: true },
  { title: 'GDPR e protezione dei dati personali', area: 'Privacy', hours: '4', mode: 'online', provider: 'CST', consortium: true },
  { title: 'Conservazione digitale a norma', area: 'Archivi', hours: '7,5', mode: 'blended', provider: 'CST', consortium: true },
  { title: 'Sicurezza informatica di base', area: 'Sicurezza', hours: '3', mode: 'online', provider: 'Regione Marche', consortium: false },
  { title: 'ANPR e servizi demografici online', area: 'Servizi al cittadino', hours: '5', mode: 'in_person', provider: 'CST', consortium: true },
  { title: 'Accessibilità dei siti della PA', area: 'Siti web', hours: '4', mode: 'online', provider: 'AgID', consortium: false },
  { title: 'PagoPA e riscossione', area: 'Pagamenti', hours: '3,5', mode: 'online', provider: 'CST', consortium: true },
  { title: 'GIS per l’ufficio tecnico', area: 'Territorio', hours: '8', mode: 'in_person', provider: 'CST', consortium: true },
  { title: 'Firma digitale e PEC', area: 'Documenti digitali', hours: '2', mode: 'online', provider: 'CST', consortium: true },
  { title: 'SUAP: procedimenti telematici', area: 'Imprese', hours: '6', mode: 'blended', provider: 'Camera di commercio', consortium: false },
];

export const COURSE_COMMENTS = ['', '', 'Molto utile per il lavoro quotidiano.', 'Ritmo un po’ veloce.', 'Esempi concreti, docente chiaro.', 'Servirebbe un secondo incontro pratico.', 'Materiali ottimi.'];

export const GROUPS: { name: string; description: string; topics: string[] }[] = [
  { name: 'Transizione digitale', description: 'Servizi online, PNRR e piano triennale', topics: ['Piano triennale per l’informatica', 'Avvisi PNRR', 'App IO e pagoPA', 'Migrazione al cloud'] },
  { name: 'Sicurezza informatica', description: 'Backup, aggiornamenti, consapevolezza', topics: ['Direttiva NIS2', 'Piano di backup', 'Phishing: casi recenti', 'Gestione delle password'] },
  { name: 'Territorio e GIS', description: 'Cartografia, catasto, urbanistica', topics: ['Nuova cartografia di base', 'Integrazione con il catasto', 'Rilievi con drone'] },
];

export const USAGE_NOTES = [
  'Picco per le scadenze IMU',
  'Sportello chiuso il pomeriggio',
  'Richiesta urgente della Prefettura',
  'Elezioni: carico straordinario',
  'Aggiornamento del portale istituzionale',
  'Nuovi residenti dalla frazione',
  'Verifica con il consorzio in corso',
  'Guasto della linea per mezza giornata',
];

export const PROPOSALS: { title: string; problem: string; solution: string; benefits: string; oneOff: number; yearly: number }[] = [
  {
    title: 'Wi-Fi pubblico nelle frazioni',
    problem: 'Le frazioni non hanno un accesso a Internet pubblico e i turisti lo chiedono ogni estate.',
    solution: 'Punti di accesso gestiti dal consorzio con autenticazione unica per tutti i comuni.',
    benefits: 'Servizio turistico, connettività per le associazioni.',
    oneOff: 1_250_000,
    yearly: 180_000,
  },
  {
    title: 'Backup centralizzato dei server comunali',
    problem: 'I backup sono su dischi esterni conservati nello stesso edificio.',
    solution: 'Copia cifrata giornaliera nel data center del consorzio, con prove di ripristino.',
    benefits: 'Continuità operativa, conformità alle misure minime AgID.',
    oneOff: 450_000,
    yearly: 96_000,
  },
  {
    title: 'Sportello telematico unico per l’edilizia',
    problem: 'Le pratiche edilizie arrivano per PEC in formati diversi.',
    solution: 'Piattaforma condivisa per la presentazione online delle pratiche.',
    benefits: 'Tempi certi per cittadini e professionisti.',
    oneOff: 800_000,
    yearly: 240_000,
  },
  {
    title: 'Formazione sulla sicurezza per tutti i dipendenti',
    problem: 'Negli ultimi mesi sono arrivate molte e-mail di phishing.',
    solution: 'Corso online breve con simulazioni, ripetuto ogni anno.',
    benefits: 'Meno incidenti, personale più consapevole.',
    oneOff: 0,
    yearly: 60_000,
  },
  {
    title: 'Digitalizzazione dell’archivio storico',
    problem: 'L’archivio storico è consultabile solo in sede.',
    solution: 'Scansione e conservazione digitale dei registri più richiesti.',
    benefits: 'Consultazione online, tutela degli originali.',
    oneOff: 1_500_000,
    yearly: 30_000,
  },
];

/** Italian public holidays with a fixed date (MM-DD); offices are closed. */
export const HOLIDAYS = new Set(['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26']);

/** Activity by month (January first): August is quiet, spring and autumn busy. */
export const SEASON = [0.9, 1, 1.1, 1, 1.05, 1, 0.9, 0.5, 1, 1.1, 1.05, 0.8];
/** Public Wi-Fi follows the tourists. */
export const SUMMER = [0.6, 0.6, 0.8, 1, 1.2, 1.5, 1.9, 2.1, 1.3, 0.9, 0.7, 0.8];
