import type { ErrorEntry } from './entry';

const field = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en, aboutField: true });
const refusal = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });

/** What a municipality records: usage, staff, training, groups, proposals, CSV export. */
export const municipalityMessages = {
  'committee.untilBeforeFrom': field('la data di fine viene prima della data di inizio della designazione: controllare le date.', 'the end date comes before the start of the designation: check the dates.'),
  'committee.substituteName': field('scrivere il nome del sostituto, oppure lasciare vuoto anche il suo codice se non c’è un sostituto.', 'write the substitute’s name, or leave the code empty too if there is no substitute.'),
  'committee.sameCode': field('il sostituto ha lo stesso codice del tecnico ({code}): dare al sostituto un codice diverso, per esempio SOS-1.', 'the substitute has the same code as the technician ({code}): give the substitute another code, for example SOS-1.'),
  'committee.nothingToEnd': field('il comune non ha ancora designato un tecnico: non c’è una designazione da terminare.', 'the municipality has not designated a technician yet: there is no designation to end.'),
  'records.dateBefore2000': field("la data è anteriore al 2000; controllare l'anno.", 'the date is before 2000; check the year.'),
  'records.dateInFuture': field('la data è nel futuro; si registra solo ciò che è già avvenuto.', 'the date is in the future; only what has already happened is recorded.'),
  'records.notFound': {
    code: 'E_NOT_FOUND',
    it: "{what} non trovato ({id}): forse è stato eliminato. Aggiornare l'elenco.",
    en: '{whatEn} not found ({id}): it may have been deleted. Refresh the list.',
  },
  'records.hubInstallation': refusal(
    'Questa installazione è il consorzio: utilizzi, personale e proposte si registrano nelle installazioni dei comuni.',
    'This installation is the consortium: usage, staff and proposals are recorded in the municipalities’ installations.',
  ),
  'training.hoursNotNumber': field('scrivere le ore come numero, per esempio 6 oppure 7,5.', 'write the hours as a number, for example 6 or 7.5.'),
  'training.hoursTooMany': field('più di 2000 ore; controllare il numero.', 'more than 2000 hours; check the number.'),
  'training.dateTooFarAhead': field("la data è oltre un anno nel futuro; controllare l'anno.", 'the date is more than a year ahead; check the year.'),
  'training.endBeforeStart': field('la data di fine precede quella di inizio.', 'the end date is before the start date.'),
  'training.courseHasParticipants': refusal(
    'Il corso ha partecipanti registrati: eliminare prima le loro partecipazioni.',
    'The course has participants recorded: delete their participations first.',
  ),
  'training.staffNotFound': field('persona non trovata; sceglierla dall’elenco del personale.', 'person not found; choose them from the staff list.'),
  'training.courseNotFound': field('corso non trovato; sceglierlo dall’elenco dei corsi.', 'course not found; choose it from the list of courses.'),
  'training.alreadyEnrolled': field('questa persona è già registrata a questo corso.', 'this person is already recorded for this course.'),
  'training.hubCourse': refusal(
    'Questo corso è offerto dal consorzio: lo modifica solo il consorzio. Si possono registrare le partecipazioni del personale.',
    'This course is offered by the consortium: only the consortium changes it. Staff participations can be recorded.',
  ),
  'usage.badCursor': field('segnalibro di pagina non valido; ricaricare l’elenco.', 'invalid page bookmark; reload the list.'),
  'usage.serviceUnknown': field("il servizio {service} non è nel catalogo; sceglierne uno dall'elenco.", 'the service {service} is not in the catalogue; choose one from the list.'),
  'usage.quantityInvalid': field('scrivere un numero positivo, per esempio 12 oppure 12,5.', 'write a positive number, for example 12 or 12.5.'),
  'usage.quantityZero': field('la quantità deve essere maggiore di zero.', 'the quantity must be greater than zero.'),
  'usage.quantityDecimals': field('{service} si misura in {unit} interi; togliere i decimali.', '{serviceEn} is measured in whole {unitEn}; remove the decimals.'),
  'staff.codeTaken': field("il codice {code} è già usato da un'altra persona; sceglierne un altro.", 'the code {code} is already used by another person; choose another one.'),
  'staff.hasRecords': refusal(
    'Questa persona ha corsi o gruppi registrati: non si può eliminare. Segnarla come non più in servizio (disattivarla).',
    'This person has courses or groups recorded: they cannot be deleted. Mark them as no longer in service (deactivate them).',
  ),
  'csv.outNotAbsolute': field('indicare il percorso completo del file da scrivere.', 'give the full path of the file to write.'),
  'csv.cannotWrite': {
    code: 'E_IO',
    it: 'Impossibile scrivere {path} ({reason}): controllare che la cartella esista e che si possa scrivere.',
    en: 'Cannot write {path} ({reason}): check that the folder exists and can be written to.',
  },
  'proposals.withdrawnNoChange': refusal('La proposta è stata ritirata: non si può più modificare. Crearne una nuova.', 'The proposal was withdrawn: it can no longer be changed. Create a new one.'),
  'proposals.groupNotFound': field('gruppo tematico non trovato; sceglierlo dall’elenco.', 'thematic group not found; choose it from the list.'),
  'proposals.beneficiaryUnknown': field("il codice ISTAT {istat} non corrisponde a nessun comune; sceglierlo dall'elenco.", 'the ISTAT code {istat} matches no municipality; choose it from the list.'),
  'proposals.submitOnlyDraft': refusal('Si può presentare solo una bozza: questa proposta è già stata presentata o ritirata.', 'Only a draft can be submitted: this proposal has already been submitted or withdrawn.'),
  'proposals.submitNeedsText': refusal('Per presentare la proposta descrivere il problema e la soluzione proposta.', 'To submit the proposal, describe the problem and the proposed solution.'),
  'proposals.withdrawOnlySubmitted': refusal('Si ritira solo una proposta presentata; una bozza si può eliminare.', 'Only a submitted proposal can be withdrawn; a draft can be deleted.'),
  'proposals.submittedNoDelete': refusal('Una proposta già presentata non si elimina: si può ritirare, e resta nello storico.', 'A proposal already submitted cannot be deleted: it can be withdrawn, and it stays in the history.'),
  'proposals.decided': refusal(
    'Il consorzio ha già deciso sulla proposta (stato: {state}): il contenuto, gli allegati e il ritiro non si possono più cambiare, perché la decisione riguarda la versione valutata. Per una nuova idea, creare una nuova proposta.',
    'The consortium has already decided on the proposal (status: {stateEn}): its content, attachments and withdrawal can no longer change, because the decision concerns the version evaluated. For a new idea, create a new proposal.',
  ),
  'proposals.withdrawnNoAttachments': refusal('La proposta è stata ritirata: non si possono aggiungere allegati.', 'The proposal was withdrawn: attachments cannot be added.'),
  'proposals.attachmentDuplicate': refusal('Questo file è già allegato alla proposta ({name}).', 'This file is already attached to the proposal ({name}).'),
  'joins.ownProposal': refusal('Questa è una proposta del comune stesso: si aderisce solo alle proposte degli altri comuni.', 'This is the municipality’s own proposal: only other municipalities’ proposals can be joined.'),
  'joins.proposalWithdrawn': refusal('La proposta «{title}» è stata ritirata dal comune proponente: non si può più aderire.', 'The proposal “{title}” was withdrawn by the proposing municipality: it can no longer be joined.'),
  'joins.notJoined': refusal('Il comune non ha aderito a questa proposta: non c’è un’adesione da ritirare.', 'The municipality has not joined this proposal: there is no join to withdraw.'),
  'proposals.attachmentsMax': refusal('Al massimo 50 allegati per proposta.', 'At most 50 attachments per proposal.'),
  'proposals.attachmentNotInProposal': { code: 'E_NOT_FOUND', it: 'Allegato non presente in questa proposta.', en: 'This attachment is not in this proposal.' },
  'groups.hubGroupNoChange': refusal('Questo gruppo è del consorzio: lo modifica solo il consorzio.', 'This group belongs to the consortium: only the consortium changes it.'),
  'groups.hubGroupNoDelete': refusal('Questo gruppo è del consorzio: non si può eliminare.', 'This group belongs to the consortium: it cannot be deleted.'),
  'groups.notEmpty': refusal('Il gruppo ha partecipanti o riunioni registrate: toglierli prima di eliminarlo.', 'The group has members or meetings recorded: remove them before deleting it.'),
  'groups.groupNotFound': field('gruppo non trovato; sceglierlo dall’elenco.', 'group not found; choose it from the list.'),
  'groups.staffNotFound': refusal('Persona non trovata nel personale; sceglierla dall’elenco.', 'Person not found among the staff; choose them from the list.'),
  'groups.alreadyMember': field('questa persona fa già parte del gruppo.', 'this person is already a member of the group.'),
  'groups.meetingHours': field('indicare la durata in ore, più di zero e al massimo 24 (per esempio 2,5).', 'give the duration in hours, more than zero and at most 24 (for example 2.5).'),
  'history.restoreNotFound': {
    code: 'E_NOT_FOUND',
    it: 'In questa postazione non risulta nessun dato con questo identificativo ({id}): aggiornare l’elenco dei dati eliminati.',
    en: 'No record with this identifier ({id}) exists on this workstation: refresh the list of deleted records.',
  },
  'history.restoreNotDeleted': refusal(
    'Questo dato non è eliminato, quindi non c’è nulla da ripristinare: aggiornare l’elenco dei dati eliminati.',
    'This record is not deleted, so there is nothing to restore: refresh the list of deleted records.',
  ),
  'history.restoreKind': refusal('Questo tipo di dato non si ripristina da questa postazione.', 'This kind of record cannot be restored on this workstation.'),
  'history.restoreNeedsOther': refusal(
    'Non si può ripristinare: il dato si riferisce a qualcosa che nel frattempo è stato eliminato (una persona, un corso, un gruppo o un servizio). Ripristinare prima quello, poi riprovare.',
    'It cannot be restored: the record refers to something deleted in the meantime (a person, a course, a group or a service). Restore that first, then try again.',
  ),
  'history.restoreClash': refusal(
    'Non si può ripristinare: nel frattempo è stato registrato un dato uguale (per esempio un’altra persona con lo stesso codice, o la stessa persona già iscritta allo stesso corso). Correggere quello esistente.',
    'It cannot be restored: an equal record was entered in the meantime (for example another person with the same code, or the same person already enrolled in the same course). Correct the existing one instead.',
  ),
} as const satisfies Record<string, ErrorEntry>;
