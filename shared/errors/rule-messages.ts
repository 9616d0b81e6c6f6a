import type { ErrorEntry } from './entry';

const rule = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });

/**
 * The governance rules of shared/governance (allocation, money, evaluation, a proposal's track,
 * votes, the plan's approvals, statements): thrown as GovernanceError(code, key, params), sent
 * as E_VALIDATION with the rule's code in `params.rule`. `{where}` is «Voce X: » or nothing;
 * a phrase the rule names (`{what}`, a state's or a step's label) comes in both languages.
 */
export const ruleMessages = {
  // Allocation (allocation-core.ts, allocation.ts)
  'rule.allocKeyPercent': rule(
    '{where}la percentuale per {componentLabel} deve essere un numero intero tra 0 e 100 (ricevuto {value}).',
    '{whereEn}the percentage for {componentLabelEn} must be a whole number between 0 and 100 (received {value}).',
  ),
  'rule.allocKeySum': rule(
    '{where}le percentuali della chiave di riparto (parti uguali {equal}% + popolazione {population}% + utilizzo {usage}%) sommano a {sum}%, non a 100%.',
    '{whereEn}the percentages of the cost-sharing key (equal shares {equal}% + population {population}% + usage {usage}%) add up to {sum}%, not 100%.',
  ),
  'rule.allocCostInvalid': rule(
    'Voce {item}: il costo deve essere un numero intero di centesimi di euro (ricevuto {value}).',
    'Item {item}: the cost must be a whole number of euro cents (received {value}).',
  ),
  'rule.allocCostNegative': rule('Voce {item}: il costo non può essere negativo (ricevuto {value} centesimi).', 'Item {item}: the cost cannot be negative (received {value} cents).'),
  'rule.allocNoMembers': rule('Voce {item}: non ci sono membri fra cui ripartire il costo.', 'Item {item}: there are no members to share the cost among.'),
  'rule.allocAllExempt': rule(
    'Voce {item}: tutti i membri sono esenti: nessuno può sostenere il costo di questa voce.',
    'Item {item}: every member is exempt: nobody can bear the cost of this item.',
  ),
  'rule.allocNoPopulation': rule(
    'Voce {item}: la quota del {percent}% per popolazione non può essere ripartita perché la popolazione totale dei membri non esenti è 0: cambiare la chiave di riparto o i dati.',
    'Item {item}: the {percent}% share by population cannot be shared out because the total population of the members not exempt is 0: change the cost-sharing key or the data.',
  ),
  'rule.allocNoUsage': rule(
    'Voce {item}: la quota del {percent}% per utilizzo non può essere ripartita perché i membri non esenti non hanno alcun utilizzo di questo servizio: cambiare la chiave di riparto o i dati.',
    'Item {item}: the {percent}% share by usage cannot be shared out because the members not exempt have no usage of this service: change the cost-sharing key or the data.',
  ),
  'rule.allocMemberCount': rule(
    'Membro {istat}: {what} deve essere un numero intero non negativo (ricevuto {value}).',
    'Member {istat}: {whatEn} must be a whole number, not negative (received {value}).',
  ),
  'rule.allocIstatInvalid': rule('Codice ISTAT non valido: {istat} (servono 6 cifre, per esempio 041067).', 'Invalid ISTAT code: {istat} (6 digits are needed, for example 041067).'),
  'rule.allocMemberTwice': rule(
    'Il membro {istat} compare due volte: ogni comune va indicato una sola volta.',
    'The member {istat} appears twice: each municipality is listed only once.',
  ),
  'rule.planYearInvalid': rule(
    'Anno del piano non valido: {year} (un anno di quattro cifre, per esempio 2027).',
    'Invalid plan year: {year} (a four-digit year, for example 2027).',
  ),
  'rule.allocItemTwice': rule(
    'La voce {item} compare due volte nel piano: ogni codice va usato una sola volta.',
    'The item {item} appears twice in the plan: each code is used only once.',
  ),
  'rule.allocExemptUnknown': rule('Voce {item}: il comune esente {istat} non è un membro del consorzio.', 'Item {item}: the exempt municipality {istat} is not a member of the consortium.'),
  'rule.allocUsageUnknown': rule(
    "Voce {item}: l'utilizzo indicato per {istat} non corrisponde a un membro del consorzio.",
    'Item {item}: the usage given for {istat} does not match a member of the consortium.',
  ),
  'rule.allocUsageTwice': rule("Voce {item}: l'utilizzo del comune {istat} è indicato due volte.", 'Item {item}: the usage of the municipality {istat} is given twice.'),

  // Money (money.ts)
  'rule.moneyInvalid': rule(
    "{what}: l'importo deve essere un numero intero di centesimi di euro (ricevuto {value}).",
    '{whatEn}: the amount must be a whole number of euro cents (received {value}).',
  ),
  'rule.moneyNegative': rule("{what}: l'importo non può essere negativo (ricevuto {value} centesimi).", '{whatEn}: the amount cannot be negative (received {value} cents).'),
  'rule.moneyOverflow': rule("{what}: l'importo supera il massimo rappresentabile.", '{whatEn}: the amount is beyond the largest that can be represented.'),

  // Evaluation criteria and scores (evaluation.ts)
  'rule.evalMaxScore': rule(
    'Il punteggio massimo deve essere un numero intero tra 1 e 100 (ricevuto {value}).',
    'The highest score must be a whole number between 1 and 100 (received {value}).',
  ),
  'rule.evalNoCriteria': rule('Indicare almeno un criterio di valutazione.', 'Give at least one evaluation criterion.'),
  'rule.evalCriterionIncomplete': rule('Ogni criterio ha un codice e un nome.', 'Every criterion needs a code and a name.'),
  'rule.evalCriterionTwice': rule('Il criterio {criterion} compare due volte.', 'The criterion {criterion} appears twice.'),
  'rule.evalWeightInvalid': rule(
    'Il peso del criterio «{label}» deve essere un numero intero tra 0 e 100 (ricevuto {value}).',
    'The weight of the criterion «{label}» must be a whole number between 0 and 100 (received {value}).',
  ),
  'rule.evalWeightsSum': rule(
    'I pesi dei criteri sommano a {sum}, non a 100: correggerli prima di valutare.',
    'The weights of the criteria add up to {sum}, not 100: correct them before evaluating.',
  ),
  'rule.evalScoreUnknown': rule('Punteggio per un criterio che non esiste: {criterion}.', 'Score for a criterion that does not exist: {criterion}.'),
  'rule.evalScoreMissing': rule('Manca il punteggio del criterio «{label}».', 'The score of the criterion «{label}» is missing.'),
  'rule.evalScoreInvalid': rule(
    'Il punteggio del criterio «{label}» deve essere un numero intero da 0 a {max} (ricevuto {value}).',
    'The score of the criterion «{label}» must be a whole number from 0 to {max} (received {value}).',
  ),
  'rule.evalProposalTwice': rule('La proposta {id} compare due volte nella graduatoria.', 'The proposal {id} appears twice in the ranking.'),

  // A proposal's track (proposal-track.ts)
  'rule.proposalDateInvalid': rule('{what}: data non valida ({value}).', '{whatEn}: invalid date ({value}).'),
  'rule.proposalReasonRequired': rule('Per non ammettere una proposta va indicato il motivo.', 'To not admit a proposal, give the reason.'),
  'rule.proposalNotesRequired': rule('Per restituire una proposta vanno indicate le modifiche richieste.', 'To return a proposal, give the changes requested.'),
  'rule.proposalProgressInvalid': rule(
    "L'avanzamento è una percentuale intera da 0 a 100 (ricevuto {value}).",
    'Progress is a whole percentage from 0 to 100 (received {value}).',
  ),
  'rule.proposalReceivedBy': rule('Indicare chi ha ricevuto la proposta.', 'Say who received the proposal.'),
  'rule.proposalTransition': rule(
    'Non è possibile {actionLabel}: la proposta è «{statusLabel}» e ora si può solo {allowed}.',
    'It is not possible to {actionLabelEn}: the proposal is «{statusLabelEn}» and the only steps possible now are to {allowedEn}.',
  ),
  'rule.proposalFinal': rule(
    'Non è possibile {actionLabel}: la proposta è «{statusLabel}» ed è in uno stato finale.',
    'It is not possible to {actionLabelEn}: the proposal is «{statusLabelEn}», a final status.',
  ),
  'rule.proposalStepBy': rule('Indicare chi compie il passo (nome o organo).', 'Say who takes the step (a name or a body).'),
  'rule.proposalDateBackwards': rule("La data {date} precede l'ultimo passo della proposta ({last}).", 'The date {date} is before the last step of the proposal ({last}).'),
  'rule.proposalNotEvaluated': rule(
    'La proposta non può essere ammessa prima di aver registrato i punteggi della valutazione.',
    'The proposal cannot be admitted before the scores of its evaluation are recorded.',
  ),
  'rule.proposalPlanInvalid': rule('Piano non valido: anno {year}, versione {version}.', 'Invalid plan: year {year}, version {version}.'),
  'rule.proposalEndBeforeStart': rule("La fine prevista ({end}) precede l'avvio ({date}).", 'The expected end ({end}) is before the start ({date}).'),

  // Votes (voting.ts)
  'rule.voteFraction': rule(
    '{what}: la frazione {numerator}/{denominator} non è valida (numeratore e denominatore interi, da {min} fino al denominatore; per esempio 2/3).',
    '{whatEn}: the fraction {numerator}/{denominator} is not valid (whole numerator and denominator, the numerator from {min} up to the denominator; for example 2/3).',
  ),
  'rule.voteWeighting': rule('Ponderazione dei voti sconosciuta: {weighting}.', 'Unknown weighting of the votes: {weighting}.'),
  'rule.voteQualifiedBase': rule(
    'Maggioranza qualificata: base sconosciuta {base} (votanti, presenti o tutti i membri).',
    'Qualified majority: unknown base {base} (those voting, those present or all members).',
  ),
  'rule.voteMajorityKind': rule('Regola di maggioranza sconosciuta: {kind}.', 'Unknown majority rule: {kind}.'),
  'rule.voteQuorumBase': rule('Quorum: base sconosciuta {base} (membri o peso).', 'Quorum: unknown base {base} (members or weight).'),
  'rule.voteWeightInvalid': rule(
    'Membro {member}: con la ponderazione {weightingLabel} serve {what}, un numero intero non negativo (ricevuto {value}).',
    'Member {member}: weighting {weightingLabelEn} needs {whatEn}, a whole number, not negative (received {value}).',
  ),
  'rule.voteWeightsOverflow': rule('La somma dei pesi supera il massimo rappresentabile.', 'The sum of the weights is beyond the largest that can be represented.'),
  'rule.voteNoElectorate': rule("L'organo che vota non ha membri: indicare i componenti.", 'The voting body has no members: give its members.'),
  'rule.voteElectorTwice': rule("Il membro {member} compare due volte fra i componenti dell'organo.", 'The member {member} appears twice among the members of the body.'),
  'rule.voteTooMany': rule(
    "I voti espressi ({ballots}) sono più dei membri presenti ({present}): verificare l'elenco dei presenti e i voti.",
    'The votes cast ({ballots}) are more than the members present ({present}): check the list of those present and the votes.',
  ),
  'rule.votePresentNotMember': rule("{member} risulta presente ma non è un componente dell'organo.", '{member} is marked present but is not a member of the body.'),
  'rule.votePresentTwice': rule('{member} è indicato due volte fra i presenti.', '{member} is listed twice among those present.'),
  'rule.voteChoiceInvalid': rule('Voto non valido per {member}: {vote} (favorevole, contrario o astenuto).', 'Invalid vote for {member}: {vote} (for, against or abstain).'),
  'rule.voteNotMember': rule("{member} ha votato ma non è un componente dell'organo.", '{member} voted but is not a member of the body.'),
  'rule.voteNotPresent': rule(
    '{member} ha votato ma non risulta presente: aggiungerlo ai presenti o togliere il voto.',
    '{member} voted but is not marked present: add it to those present or remove the vote.',
  ),
  'rule.voteTwice': rule('{member} ha votato due volte: ogni membro vota una sola volta.', '{member} voted twice: each member votes only once.'),

  // The plan's approvals (approvals.ts)
  'rule.planDateInvalid': rule('Data non valida: {date} (usare una data esistente, gg/mm/aaaa).', 'Invalid date: {date} (use a date that exists, dd/mm/yyyy).'),
  'rule.planTextRequired': rule('{what}: campo obbligatorio.', '{whatEn}: required field.'),
  'rule.planVersionUnknown': rule('Il piano {year} non ha una versione {version}.', 'The {year} plan has no version {version}.'),
  'rule.planNoVersions': rule('Il piano {year} non ha versioni.', 'The {year} plan has no versions.'),
  'rule.planSuperseded': rule(
    'La versione {version} del piano {year} è bloccata: è stata sostituita dalla versione {supersededBy}, che è quella da portare avanti.',
    'Version {version} of the {year} plan is locked: it was replaced by version {supersededBy}, the one to carry forward.',
  ),
  'rule.planApprovedLocked': rule(
    "La versione {version} del piano {year} è già approvata dall'Assemblea ed è bloccata: per cambiarla creare una nuova versione, che ripercorrerà tutte le approvazioni.",
    'Version {version} of the {year} plan is already approved by the Assembly and is locked: to change it, create a new version, which will go through every approval again.',
  ),
  'rule.planOutOfOrder': rule(
    'Non è possibile {stepLabel}: la versione {version} è {stateLabel} e il passo successivo è {next}.',
    'It is not possible to {stepLabelEn}: version {version} is {stateLabelEn} and the next step is {nextEn}.',
  ),
  'rule.planDateBackwards': rule("La data {date} precede l'ultimo passo della versione {version} ({last}).", 'The date {date} is before the last step of version {version} ({last}).'),
  'rule.planLockedEdit': rule(
    'La versione {version} del piano {year} è bloccata: per modificarla creare una nuova versione (tornerà in bozza e ripercorrerà tutte le approvazioni).',
    'Version {version} of the {year} plan is locked: to change it, create a new version (it goes back to draft and through every approval again).',
  ),
  'rule.planNotEditable': rule(
    'La versione {version} del piano {year} è {stateLabel}: per modificarla creare una nuova versione (tornerà in bozza e ripercorrerà tutte le approvazioni).',
    'Version {version} of the {year} plan is {stateLabelEn}: to change it, create a new version (it goes back to draft and through every approval again).',
  ),
  'rule.planStillDraft': rule(
    'La versione {version} del piano {year} è ancora una bozza: modificarla direttamente, senza creare una nuova versione.',
    'Version {version} of the {year} plan is still a draft: edit it directly, without creating a new version.',
  ),

  // Statements and reference prices (statement.ts)
  'rule.statementSizeClasses': rule(
    "{where}le classi di popolazione vanno indicate con limiti superiori interi crescenti, l'ultima senza limite (per esempio 1.000, 3.000, 5.000, 10.000, 20.000, oltre).",
    '{whereEn}the population size classes need whole upper limits in ascending order, the last one without a limit (for example 1000, 3000, 5000, 10000, 20000, over).',
  ),
  'rule.statementClassPrices': rule(
    '{where}serve un prezzo di riferimento (centesimi interi, non negativi) per ciascuna delle {count} classi di popolazione.',
    '{whereEn}a reference price (whole cents, not negative) is needed for each of the {count} population size classes.',
  ),
  'rule.statementPrices': rule('{where}i prezzi di riferimento vanno indicati in centesimi interi, non negativi.', '{whereEn}reference prices are given in whole cents, not negative.'),
  'rule.statementRefKind': rule('{where}tipo di prezzo di riferimento sconosciuto.', '{whereEn}unknown kind of reference price.'),
  'rule.statementRefItem': rule('Prezzo di riferimento per la voce {item}, che non è nel piano {year}.', 'Reference price for the item {item}, which is not in the {year} plan.'),
  'rule.statementMemberNotInItem': rule('Il comune {istat} non compare nella ripartizione della voce {item}.', 'The municipality {istat} does not appear in the cost sharing of item {item}.'),
  'rule.statementMemberUnknown': rule(
    'Il comune {istat} non è fra i membri della ripartizione del piano {year}.',
    'The municipality {istat} is not among the members of the cost sharing of the {year} plan.',
  ),
} as const satisfies Record<string, ErrorEntry>;
