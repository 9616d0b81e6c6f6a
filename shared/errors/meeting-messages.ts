import type { ErrorEntry } from './entry';

const refusal = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });
const field = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en, aboutField: true });

/**
 * Meetings of the Technical Committee (issue 15): attendance and proxies (shared/governance/
 * tc-quorum.ts, with `params.rule`), the proposals a meeting examined, and an evaluation step
 * that names a meeting.
 */
export const meetingMessages = {
  'tc.memberTwice': refusal('Il comune {member} compare due volte nelle presenze: indicarlo una volta sola.', 'The municipality {member} appears twice in the attendance: list it once.'),
  'tc.proxyNotGiven': refusal(
    'Il comune {member} non ha dato delega: il comune delegato si indica solo con la presenza «per delega».',
    'The municipality {member} gave no proxy: the member holding it is named only with the attendance «by proxy».',
  ),
  'tc.proxyNotAllowed': refusal(
    'Le regole del Comitato tecnico non ammettono deleghe: il comune {member} va indicato presente o assente (le regole si cambiano in Proposte › Criteri e Comitato esecutivo).',
    'The Technical Committee’s rules allow no proxies: mark the municipality {member} present or absent (the rules are changed in Proposals › Criteria and Executive Committee).',
  ),
  'tc.proxyToMissing': refusal('Indicare a quale comune presente il comune {member} ha dato la delega.', 'Say to which municipality present the municipality {member} gave its proxy.'),
  'tc.proxySelf': refusal('Il comune {member} non può dare la delega a sé stesso.', 'The municipality {member} cannot give its proxy to itself.'),
  'tc.proxyToAbsent': refusal(
    'Il comune {member} ha dato la delega al comune {to}, che non risulta presente: la delega va a un comune presente con il tecnico o il sostituto.',
    'The municipality {member} gave its proxy to the municipality {to}, which is not present: a proxy goes to a municipality present with its technician or substitute.',
  ),
  'tc.proxyTooMany': refusal(
    'Il comune {to} riceve più deleghe di quelle ammesse dalle regole del Comitato tecnico (al massimo {max}).',
    'The municipality {to} holds more proxies than the Technical Committee’s rules allow (at most {max}).',
  ),
  'tc.memberUnknown': refusal('Il codice ISTAT {member} non è fra i soci del consorzio: controllare il codice.', 'The ISTAT code {member} is not among the consortium’s members: check the code.'),
  'tc.proposalUnknown': field(
    'una delle proposte indicate non è fra quelle ricevute dal consorzio: sceglierla dall’elenco.',
    'one of the proposals named is not among those the consortium received: choose it from the list.',
  ),
  'tc.dateFuture': field('la riunione è nel futuro: si registra dopo che si è svolta.', 'the meeting is in the future: record it once it has taken place.'),
  'tc.meetingUnknown': field(
    'la riunione del Comitato tecnico indicata non esiste: sceglierla dall’elenco delle riunioni.',
    'the Technical Committee meeting named does not exist: choose it from the list of meetings.',
  ),
  'tc.meetingDidNotExamine': field(
    'la riunione del Comitato tecnico del {date} non ha esaminato la proposta «{title}»: aggiungerla alle proposte esaminate in quella riunione, oppure indicare un’altra riunione.',
    'the Technical Committee meeting of {dateEn} did not examine the proposal «{title}»: add it to the proposals examined at that meeting, or name another meeting.',
  ),
  'tc.meetingAfterStep': field(
    'la riunione del {date} è successiva alla data del passo: un passo si decide nella riunione o dopo.',
    'the meeting of {dateEn} is later than the date of the step: a step is decided at the meeting or afterwards.',
  ),
  'tc.meetingStillNamed': refusal(
    'La proposta «{title}» ha un passo deciso in questa riunione: non si può togliere dalle proposte esaminate.',
    'The proposal «{title}» has a step decided at this meeting: it cannot be removed from the proposals examined.',
  ),
  'tc.meetingInUse': refusal(
    'La riunione è indicata in {count} passi di valutazione delle proposte: non si può eliminare.',
    'The meeting is named in {count} evaluation steps of proposals: it cannot be deleted.',
  ),
} as const satisfies Record<string, ErrorEntry>;
