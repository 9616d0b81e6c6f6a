import type { ErrorEntry } from './entry';

const field = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en, aboutField: true });
const refusal = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });
const notFound = (it: string, en: string): ErrorEntry => ({ code: 'E_NOT_FOUND', it, en });

/**
 * Evaluations, the technical plan, statements and the consortium's report. The pure rules of
 * shared/governance keep their own sentences (GovernanceError, `params.rule`, translated by the
 * window's govErrors catalogue); these are the core's own refusals.
 */
export const governanceMessages = {
  'gov.hubOnly': refusal(
    'Questa installazione è un comune: valutazioni, piano tecnico e rapporto del consorzio sono redatti dal consorzio e arrivano con i suoi pacchetti.',
    'This installation is a municipality: evaluations, the technical plan and the consortium’s report are drawn up by the consortium and arrive with its bundles.',
  ),
  'gov.municipalityOnly': refusal(
    'Questa vista è del comune: il consorzio vede il piano, le quote e il rapporto di tutti i soci nelle sue pagine.',
    'This view belongs to the municipality: the consortium sees the plan, the shares and the report of all members in its own pages.',
  ),
  'gov.recordTooLarge': {
    code: 'E_LIMIT',
    it: '{what} è troppo grande per viaggiare in un pacchetto ({kib} KiB, il massimo per un record è 1 MiB): ridurre le voci o i comuni esenti elencati.',
    en: '{whatEn} is too large to travel in a bundle ({kib} KiB; a record may be at most 1 MiB): reduce the items or the exempt municipalities listed.',
  },
  'gov.statementNotReceived': notFound(
    "L'estratto conto del piano {year} non è ancora arrivato: il piano dev'essere approvato dall'Assemblea e il pacchetto del consorzio importato.",
    'The statement of the {year} plan has not arrived yet: the plan must be approved by the Assembly and the consortium’s bundle imported.',
  ),
  'gov.memberStatementMissing': notFound(
    "L'estratto conto {year} del comune {istat} non è ancora arrivato: il piano dev'essere approvato dall'Assemblea e il pacchetto del consorzio importato.",
    'The {year} statement of the municipality {istat} has not arrived yet: the plan must be approved by the Assembly and the consortium’s bundle imported.',
  ),
  'gov.statementNeedsMember': field("Per l'estratto conto indicare il comune (codice ISTAT).", 'For the statement, give the municipality (ISTAT code).'),
  'gov.reportNotPublished': notFound('Il rapporto del consorzio per il {year} non è stato ancora pubblicato.', 'The consortium’s report for {year} has not been published yet.'),
  'gov.reportNotReceived': notFound(
    "Il rapporto del consorzio per il {year} non è ancora arrivato: importare l'ultimo pacchetto del consorzio.",
    'The consortium’s report for {year} has not arrived yet: import the consortium’s latest bundle.',
  ),
  'plan.itemUsageWithoutService': refusal(
    "Voce {item}: la chiave di riparto usa l'utilizzo, ma la voce non è legata a un servizio del catalogo di cui misurare l'utilizzo.",
    'Item {item}: the cost-sharing key uses usage, but the item is not linked to a catalogue service whose usage could be measured.',
  ),
  'plan.payerUnknown': refusal(
    'Voce {item}: il comune {istat} indicato fra chi paga non è un membro attivo del consorzio: toglierlo dall’elenco o aggiornare l’anagrafe dei soci.',
    'Item {item}: the municipality {istat} listed among those who pay is not an active member of the consortium: remove it from the list or update the member registry.',
  ),
  'plan.quantityMissing': refusal(
    'Voce {item}: manca la quantità prevista (nessun utilizzo ricevuto negli ultimi 12 mesi): indicarla nella voce prima di proporre il piano, altrimenti il costo non comprende il costo unitario.',
    'Item {item}: the projected quantity is missing (no usage received in the last 12 months): enter it in the item before proposing the plan, otherwise the cost leaves out the unit cost.',
  ),
  'plan.notFound': notFound('Il piano tecnico {year} non esiste ancora: crearlo prima (bozza del Direttore tecnico).', 'The {year} technical plan does not exist yet: create it first (the technical director’s draft).'),
  'plan.versionUnknown': notFound('Il piano {year} non ha una versione {version}.', 'The {year} plan has no version {version}.'),
  'plan.exists': refusal(
    'Il piano tecnico {year} esiste già: modificarne la bozza o crearne una nuova versione.',
    'The {year} technical plan already exists: edit its draft or create a new version of it.',
  ),
  'plan.committeeMismatch': refusal(
    'I componenti indicati non sono quelli del Comitato esecutivo registrati nelle impostazioni: aggiornare la composizione del Comitato o votare con i suoi componenti.',
    'The members given are not those of the Executive Committee recorded in the settings: update the Committee’s membership or vote with its members.',
  ),
  'planCsv.columnMissing': refusal(
    'Manca la colonna «{column}» nella prima riga del file (intestazioni: codice; descrizione; costo; parti uguali; popolazione; utilizzo; esenti).',
    'The column «{column}» is missing from the first line of the file (headers: codice; descrizione; costo; parti uguali; popolazione; utilizzo; esenti).',
  ),
  'planCsv.linePayersIstat': refusal(
    'Riga {line}: voce {code}: «{value}» nella colonna paganti non è un codice ISTAT di 6 cifre: scrivere «tutti» oppure i codici ISTAT dei comuni che pagano, separati da virgola.',
    'Line {line}: item {code}: «{value}» in the paganti column is not a 6-digit ISTAT code: write «tutti» (everyone) or the ISTAT codes of the municipalities that pay, separated by commas.',
  ),
  'planCsv.noItems': refusal('Il file non contiene voci: dopo la riga delle intestazioni, una riga per voce.', 'The file holds no items: after the header line, one line per item.'),
  'planCsv.lineCodeMissing': refusal('Riga {line}: manca il codice della voce.', 'Line {line}: the item’s code is missing.'),
  'planCsv.lineCostMissing': refusal('Riga {line}: voce {code}: manca il costo: scriverlo in euro, per esempio 1.234,56.', 'Line {line}: item {code}: the cost is missing: write it in euros, for example 1.234,56.'),
  'planCsv.lineCostNegative': refusal('Riga {line}: voce {code}: il costo {value} è negativo: i costi non possono essere negativi.', 'Line {line}: item {code}: the cost {value} is negative: costs cannot be negative.'),
  'planCsv.lineCostNotEuro': refusal('Riga {line}: voce {code}: "{value}" non è un importo in euro: scriverlo per esempio 1.234,56.', 'Line {line}: item {code}: "{value}" is not an amount in euros: write it for example as 1.234,56.'),
  'planCsv.linePercent': refusal(
    'Riga {line}: la percentuale «{value}» di {column} deve essere un numero intero da 0 a 100.',
    'Line {line}: the percentage «{value}» of {columnEn} must be a whole number from 0 to 100.',
  ),
  'planCsv.lineKeySum': refusal(
    'Riga {line}: voce {code}: le percentuali della chiave di riparto (parti uguali {equal}, popolazione {population}, utilizzo {usage}) sommano a {sum}, non a 100.',
    'Line {line}: item {code}: the percentages of the cost-sharing key (equal shares {equal}, population {population}, usage {usage}) add up to {sum}, not 100.',
  ),
  'planCsv.lineExemptIstat': refusal(
    'Riga {line}: voce {code}: «{value}» non è un codice ISTAT di 6 cifre (comuni esenti).',
    'Line {line}: item {code}: «{value}» is not a 6-digit ISTAT code (exempt municipalities).',
  ),
  'pdf.noBrowser': {
    code: 'E_IO',
    it: 'Per creare il PDF serve Google Chrome, Microsoft Edge o Chromium installato su questo computer (oppure il percorso del browser nella variabile CST_BROWSER). In alternativa, in CST Desk: Piano tecnico › Risparmi e documenti, aprire l’anteprima e stamparla, oppure salvare il documento in HTML e stamparlo dal browser.',
    en: 'Creating the PDF needs Google Chrome, Microsoft Edge or Chromium installed on this computer (or the browser’s path in the CST_BROWSER variable). Otherwise, in CST Desk: Technical plan › Savings and documents, open the preview and print it, or save the document as HTML and print it from the browser.',
  },
  'pdf.browserDoesNotStart': {
    code: 'E_IO',
    it: 'Il browser {browser} non si avvia ({detail}). Per creare il PDF serve Google Chrome, Microsoft Edge o Chromium installato su questo computer (oppure il percorso del browser nella variabile CST_BROWSER).',
    en: 'The browser {browser} does not start ({detail}). Creating the PDF needs Google Chrome, Microsoft Edge or Chromium installed on this computer (or the browser’s path in the CST_BROWSER variable).',
  },
  'pdf.noOutput': { code: 'E_IO', it: 'Il browser {browser} non ha prodotto il PDF (codice {exitCode}): {detail}', en: 'The browser {browser} produced no PDF (exit code {exitCode}): {detail}' },
  'pdf.cannotWrite': {
    code: 'E_IO',
    it: 'Non è stato possibile scrivere il PDF in {path}: {detail}. Controllare che la cartella esista e sia scrivibile.',
    en: 'Cannot write the PDF to {path}: {detail}. Check that the folder exists and can be written to.',
  },
  'eval.notSubmitted': refusal(
    'La proposta «{title}» non è stata presentata dal comune (stato: {state}): non si può valutare.',
    'The proposal «{title}» has not been submitted by the municipality (status: {stateEn}): it cannot be evaluated.',
  ),
  'eval.groupUnknown': field('il gruppo tematico non esiste fra quelli del consorzio.', 'the thematic group is not one of the consortium’s.'),
  'eval.withdrawn': refusal(
    'La proposta «{title}» è stata ritirata dal comune prima della decisione: non si valuta più e non ci sono altri passi da registrare.',
    'The proposal «{title}» was withdrawn by the municipality before the decision: it is no longer evaluated and there are no further steps to record.',
  ),
  'eval.dateFuture': field('la data è nel futuro; si registra solo ciò che è già avvenuto.', 'the date is in the future; only what has already happened is recorded.'),
  'settings.committeeDuplicate': refusal('Il comune {member} è indicato due volte fra i componenti del Comitato esecutivo.', 'The municipality {member} is listed twice among the members of the Executive Committee.'),
  'settings.committeeNotActive': refusal('Il comune {member} non è più socio attivo: non può sedere nel Comitato esecutivo.', 'The municipality {member} is no longer an active member: it cannot sit on the Executive Committee.'),
  'settings.committeeUnknown': refusal('Il codice ISTAT {member} non è fra i soci del consorzio: controllare il codice.', 'The ISTAT code {member} is not among the consortium’s members: check the code.'),
} as const satisfies Record<string, ErrorEntry>;
