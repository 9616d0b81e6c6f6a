import type { ErrorEntry } from './entry';

const field = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en, aboutField: true });
const refusal = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });

/** The consortium's records (members, catalogue, offered courses, groups), first setup and demo data. */
export const hubMessages = {
  'hub.municipalityInstallation': refusal(
    'Questa installazione è un comune: catalogo dei servizi, corsi offerti, gruppi tematici e anagrafe dei soci sono gestiti dal consorzio e arrivano con i suoi pacchetti.',
    'This installation is a municipality: the service catalogue, offered courses, thematic groups and the register of members are managed by the consortium and arrive with its bundles.',
  ),
  'hub.populationYearMissing': field("indicare l'anno a cui si riferisce la popolazione (dato ISTAT).", 'give the year the population refers to (ISTAT figure).'),
  'hub.populationYearFuture': field("l'anno {year} è nel futuro.", 'the year {year} is in the future.'),
  'hub.istatUnknown': refusal("Il codice ISTAT {istat} non corrisponde a nessun comune dell'elenco ISTAT.", 'The ISTAT code {istat} matches no municipality in the ISTAT list.'),
  'hub.alreadyMember': refusal('{name} ({istat}) è già tra i soci.', '{name} ({istat}) is already a member.'),
  'hub.memberHasIdentity': refusal(
    "Il comune ha già scambiato l'identità con il consorzio: non si può eliminare dall'anagrafe. Se esce dal consorzio, impostarne lo stato «receduto».",
    'The municipality has already exchanged identities with the consortium: it cannot be deleted from the register. If it leaves the consortium, set its status to «withdrawn».',
  ),
  'hub.attachmentNotFound': {
    code: 'E_NOT_FOUND',
    it: 'Allegato non trovato: nessuna proposta ricevuta lo elenca, o il file non è arrivato con i pacchetti del comune.',
    en: 'Attachment not found: no received proposal lists it, or the file did not arrive with the municipality’s bundles.',
  },
  'hub.attachmentAltered': {
    code: 'E_IO',
    it: 'Il file allegato nella cartella dati è stato alterato: reimportare il pacchetto del comune o ripristinare un backup.',
    en: 'The attached file in the data folder has been altered: import the municipality’s bundle again or restore a backup.',
  },
  'hub.idHeldByMember': {
    code: 'E_OWNERSHIP',
    it: "{label} non si può salvare: il suo identificativo {id} è già usato da un dato ricevuto dal socio {member}. Nulla è stato modificato; segnalare il caso all'assistenza di CST Desk, indicando questo messaggio.",
    en: '{labelEn} cannot be saved: its identifier {id} is already used by a record received from the member {member}. Nothing was changed; report the case to CST Desk support, quoting this message.',
  },
  'hub.serviceInUse': refusal(
    'I soci hanno già registrato utilizzi del servizio {code}: non si può eliminare. Per non offrirlo più, renderlo non attivo.',
    'Members have already recorded usage of the service {code}: it cannot be deleted. To stop offering it, make it inactive.',
  ),
  'hub.courseHours': field('scrivere le ore come numero, per esempio 6 oppure 7,5 (al massimo 2000).', 'write the hours as a number, for example 6 or 7.5 (at most 2000).'),
  'hub.courseInUse': refusal('I soci hanno già registrato partecipazioni a questo corso: non si può eliminare.', 'Members have already recorded participations in this course: it cannot be deleted.'),
  'hub.coordinatorNotDesignated': field(
    '{person} non è oggi tecnico designato né sostituto di {member} nel Comitato tecnico: scegliere il coordinatore tra i tecnici dell’elenco del Comitato tecnico.',
    '{person} is not today the designated technician or substitute of {member} in the Technical Committee: choose the coordinator among the technicians on the Technical Committee’s roster.',
  ),
  'hub.coordinatorNotMember': field('il comune {istat} non è tra i soci del consorzio.', 'the municipality {istat} is not a member of the consortium.'),
  'setup.istatUnknown': refusal("Il codice ISTAT {istat} non corrisponde a nessun comune dell'elenco ISTAT.", 'The ISTAT code {istat} matches no municipality in the ISTAT list.'),
  'setup.provinceUnknown': refusal("La provincia {province} non è nell'elenco ISTAT.", 'The province {province} is not in the ISTAT list.'),
  'setup.alreadyHub': {
    code: 'E_ALREADY_INITIALIZED',
    it: 'Questa cartella dati è già configurata come consorzio {name} ({id}): nulla è stato modificato.',
    en: 'This data folder is already set up as the consortium {name} ({id}): nothing was changed.',
  },
  'setup.alreadyMunicipality': {
    code: 'E_ALREADY_INITIALIZED',
    it: 'Questa cartella dati è già configurata come comune {name} ({id}): nulla è stato modificato.',
    en: 'This data folder is already set up as the municipality {name} ({id}): nothing was changed.',
  },
  'demo.notEmpty': refusal(
    'I dati dimostrativi si caricano solo in un’installazione vuota: questa ha già dei dati, che finirebbero mescolati nei pacchetti per il consorzio. Usare una cartella dati separata (--data-dir).',
    'Demo data are loaded only into an empty installation: this one already has data, which would end up mixed into the bundles for the consortium. Use a separate data folder (--data-dir).',
  ),
  'demo.hubNotEmpty': refusal(
    'Il consorzio ha già proposte o piani: i dati dimostrativi si creano solo in un consorzio appena configurato.',
    'The consortium already has proposals or plans: demo data are created only in a consortium just set up.',
  ),
  'demo.nationalNotFresh': refusal(
    'La dimostrazione nazionale si crea solo in una cartella dati nuova o in un consorzio che non ha ancora ricevuto pacchetti: usare una cartella dati separata (--data-dir).',
    'The national demonstration is created only in a new data folder or in a consortium that has not received bundles yet: use a separate data folder (--data-dir).',
  ),
  'demo.fewMembers': refusal("Per la dimostrazione servono almeno 4 soci nell'anagrafe.", 'The demonstration needs at least 4 members in the register.'),
  'demo.stepRefused': { code: 'E_INTERNAL', it: 'Demo: {method} rifiutato: {detail}', en: 'Demo: {method} refused: {detail}' },
  'demo.bundleNotApplied': { code: 'E_INTERNAL', it: 'Demo: il pacchetto di {name} non è stato applicato: {detail}', en: 'Demo: the bundle of {name} was not applied: {detail}' },
} as const satisfies Record<string, ErrorEntry>;
