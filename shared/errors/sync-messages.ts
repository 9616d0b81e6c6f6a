import type { ErrorEntry } from './entry';

const field = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en, aboutField: true });
const refusal = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });
const notFound = (it: string, en: string): ErrorEntry => ({ code: 'E_NOT_FOUND', it, en });
const io = (it: string, en: string): ErrorEntry => ({ code: 'E_IO', it, en });

/** Keys, identities, bundles, forks, recovery, backups and attachments. */
export const syncMessages = {
  'sync.mailboxInvalid': field(
    "L'indirizzo del server del consorzio «{url}» non è valido: scriverlo come https://nome-del-server (senza spazi), come indicato dal consorzio.",
    'The address of the consortium’s server «{url}» is not valid: write it as https://server-name (no spaces), as the consortium gave it.',
  ),
  // The sync agent's status (sync.network's lastError): what went wrong and when it tries again.
  'syncAgent.off': refusal(
    "La sincronizzazione in rete non è configurata: indicare l'indirizzo del server del consorzio (Impostazioni, oppure cst sync config --mailbox URL) o una cartella condivisa.",
    'Network sync is not set up: give the address of the consortium’s server (Settings, or cst sync config --mailbox URL) or a shared folder.',
  ),
  'syncAgent.offline': io(
    'Il server del consorzio non risponde: nuovo tentativo alle {time}. I dati restano al sicuro su questo computer.',
    'The consortium’s server does not answer: next try at {time}. The data stay safe on this computer.',
  ),
  'syncAgent.folderOffline': io(
    'La cartella condivisa {folder} non è raggiungibile: nuovo tentativo alle {time}. Verificare che la cartella di rete sia collegata.',
    'The shared folder {folder} cannot be reached: next try at {time}. Check that the network folder is connected.',
  ),
  'syncAgent.server': io(
    'Il server del consorzio ha un problema e non accetta i dati: nuovo tentativo alle {time}.',
    'The consortium’s server has a problem and does not accept the data: next try at {time}.',
  ),
  'syncAgent.quota': io(
    'Il server del consorzio ha già troppi pacchetti in attesa da questa installazione: nuovo tentativo alle {time}.',
    'The consortium’s server already holds too many bundles waiting from this installation: next try at {time}.',
  ),
  'syncAgent.refused': refusal(
    "Il consorzio non riconosce ancora questa installazione: chiedere al consorzio di confermarne l'identità. Nuovo tentativo alle {time}.",
    'The consortium does not recognise this installation yet: ask the consortium to confirm its identity. Next try at {time}.',
  ),
  'syncAgent.folderRefused': refusal(
    'La cartella condivisa {folder} non si può scrivere (permessi): chiedere a chi gestisce la cartella. Nuovo tentativo alle {time}.',
    'The shared folder {folder} cannot be written (permissions): ask whoever manages the folder. Next try at {time}.',
  ),
  'syncAgent.internal': {
    code: 'E_INTERNAL',
    it: "La sincronizzazione si è interrotta per un errore interno: nuovo tentativo alle {time}. Se si ripete, avvisare l'assistenza.",
    en: 'Sync stopped because of an internal error: next try at {time}. If it happens again, tell the support.',
  },
  'keys.missing': notFound('Le chiavi di questa installazione non si trovano in {path}. Ripristinare la cartella "keys" dal backup.', 'This installation’s keys are not in {path}. Restore the "keys" folder from the backup.'),
  'keys.damaged': { code: 'E_DATA_DIR', it: 'Il file delle chiavi {path} è danneggiato.', en: 'The key file {path} is damaged.' },
  'keys.inconsistent': {
    code: 'E_DATA_DIR',
    it: 'Il file delle chiavi {path} non è coerente (chiave pubblica diversa dalla segreta).',
    en: 'The key file {path} is inconsistent (the public key does not match the secret one).',
  },
  'export.tooLargeInline': {
    code: 'E_LIMIT',
    it: 'Il pacchetto è troppo grande per essere scaricato dal programma ({sizeMb} MB, al massimo {maxMb} MB): scegliere «in una cartella» e indicare la cartella (per esempio la chiavetta USB).',
    en: 'The bundle is too large to be downloaded by the program ({sizeMb} MB, at most {maxMb} MB): choose «to a folder» and give the folder (for example the USB stick).',
  },
  'export.rereadMismatch': io('Il pacchetto {file} riletto dalla cartella dati non corrisponde a quello scritto: esportare di nuovo.', 'The bundle {file} read back from the data folder does not match what was written: export again.'),
  'export.outOrDir': refusal('Indicare un file di destinazione oppure una cartella (uno dei due).', 'Give a target file or a folder (one of the two).'),
  'export.manyNeedDir': refusal('Con più destinatari indicare una cartella, non un file.', 'With several recipients give a folder, not a file.'),
  'export.allMembersHubOnly': refusal('Solo il consorzio esporta un pacchetto per ogni socio.', 'Only the consortium exports one bundle per member.'),
  'export.allMembersNeedDir': refusal('Per esportare verso tutti i soci indicare una cartella.', 'To export to all members give a folder.'),
  'export.noConfirmedMember': notFound(
    "Nessun socio ha ancora un'identità confermata: importare e confermare i file .cstid dei comuni.",
    'No member has a confirmed identity yet: import and confirm the municipalities’ .cstid files.',
  ),
  'export.noIdentityFor': notFound('Nessuna identità importata per {id}: importare prima il suo file .cstid.', 'No identity imported for {id}: import its .cstid file first.'),
  'export.hubNeedsRecipient': refusal(
    'Indicare il socio destinatario (--for CODICE) oppure tutti i soci (--all-members).',
    'Give the receiving member (--for CODE) or all members (--all-members).',
  ),
  'export.noHubIdentity': notFound(
    "L'identità del consorzio non è ancora stata importata: importare il suo file .cstid e confermarne l'impronta.",
    'The consortium’s identity has not been imported yet: import its .cstid file and confirm its fingerprint.',
  ),
  'export.notConfirmed': refusal(
    "L'identità di {name} ({id}) non è ancora confermata: confermarne l'impronta prima di inviare pacchetti cifrati.",
    'The identity of {name} ({id}) is not confirmed yet: confirm its fingerprint before sending encrypted bundles.',
  ),
  'export.attachmentMissing': notFound(
    "L'allegato «{name}» ({sha256}) non si trova nella cartella dati: ripristinarlo dal backup prima di esportare.",
    'The attachment «{name}» ({sha256}) is not in the data folder: restore it from the backup before exporting.',
  ),
  'export.dirMissing': io("La cartella {dir} non esiste: sceglierne un'altra o inserire la chiavetta.", 'The folder {dir} does not exist: choose another one or insert the USB stick.'),
  'export.dirCannotCreate': {
    code: 'E_IO',
    it: "La cartella {folder} non esiste e non si può creare ({reason}): verificare che la chiavetta sia inserita e non protetta da scrittura, oppure sceglierne un'altra.",
    en: 'The folder {folder} does not exist and cannot be created ({reason}): check that the USB stick is inserted and not write-protected, or choose another one.',
  },
  'export.writtenMismatch': io(
    'Il file {target} riletto dopo la scrittura non corrisponde a quello scritto: il supporto potrebbe essere difettoso o rimosso. Esportare di nuovo, se possibile su un altro supporto.',
    'The file {target} read back after writing does not match what was written: the medium may be faulty or removed. Export again, if possible to another medium.',
  ),
  'export.cannotWrite': io(
    'Impossibile scrivere il pacchetto in {target} ({reason}): verificare che il supporto sia inserito, non protetto da scrittura e con spazio libero, poi riprovare.',
    'Cannot write the bundle to {target} ({reason}): check that the medium is inserted, not write-protected and has free space, then try again.',
  ),
  'identityFile.format': {
    code: 'E_FORMAT',
    it: "Il file scelto non è un file di identità CST valido (.cstid): è danneggiato o di un altro tipo. Chiedere all'altra installazione di esportarlo di nuovo.",
    en: 'The chosen file is not a valid CST identity file (.cstid): it is damaged or of another kind. Ask the other installation to export it again.',
  },
  'identityFile.fields': {
    code: 'E_FORMAT',
    it: "Il file di identità contiene dati non validi. Chiedere all'altra installazione di esportarlo di nuovo con CST Desk.",
    en: 'The identity file holds invalid data. Ask the other installation to export it again with CST Desk.',
  },
  'identityFile.signature': {
    code: 'E_SIGNATURE',
    it: "La firma del file di identità non è valida: il file è stato modificato o non proviene dall'installazione indicata. Non usarlo e chiederne uno nuovo all'altra parte.",
    en: 'The identity file’s signature is not valid: the file was changed or does not come from the installation it names. Do not use it and ask the other side for a new one.',
  },
  'identityFile.limit': { code: 'E_LIMIT', it: 'Il file scelto è troppo grande per essere un file di identità CST (.cstid).', en: 'The chosen file is too large to be a CST identity file (.cstid).' },
  'inspect.unreadable': notFound('Il file {path} non può essere letto ({reason}).', 'The file {path} cannot be read ({reason}).'),
  'inspect.identityUnreadable': notFound('Il file di identità non può essere letto.', 'The identity file cannot be read.'),
  'inspect.identityUnreadableAt': notFound('Il file di identità {path} non può essere letto.', 'The identity file {path} cannot be read.'),
  'archive.cannotWrite': io(
    "Non è possibile scrivere nella cartella dei file ricevuti {folder}: controllare che la cartella dati sia sul disco del computer e che l'utente possa scriverci, poi riprovare. Nulla è stato applicato.",
    'Cannot write in the folder of received files {folder}: check that the data folder is on the computer’s disk and that the user can write there, then try again. Nothing was applied.',
  ),
  'identity.otherHub': refusal(
    "Il file è l'identità di un altro consorzio ({id}): il consorzio scambia pacchetti solo con i comuni soci.",
    'The file is the identity of another consortium ({id}): the consortium exchanges bundles only with its member municipalities.',
  ),
  'identity.otherMunicipality': refusal(
    "Il file è l'identità di un altro comune ({name}, {id}): un comune scambia pacchetti solo con il proprio consorzio.",
    'The file is the identity of another municipality ({name}, {id}): a municipality exchanges bundles only with its own consortium.',
  ),
  'identity.notAMember': notFound(
    "Il comune {name} ({id}) non è nell'elenco dei soci del consorzio: aggiungerlo all'elenco dei soci, poi importare di nuovo il file.",
    'The municipality {name} ({id}) is not in the consortium’s list of members: add it to the list of members, then import the file again.',
  ),
  'identity.keysChanged': refusal(
    '{name} ({id}) è già confermato con chiavi diverse (impronta {fingerprint}). Il file contiene chiavi nuove: non è stato importato. Contattare {name} per capire se ha reinstallato CST Desk.',
    '{name} ({id}) is already confirmed with different keys (fingerprint {fingerprint}). The file holds new keys: it was not imported. Contact {name} to find out whether CST Desk was reinstalled.',
  ),
  'identity.otherHubLinked': refusal(
    'Questo comune è già collegato al consorzio {hubName} ({hubId}): non è possibile aggiungere il consorzio {name} ({id}).',
    'This municipality is already linked to the consortium {hubName} ({hubId}): the consortium {name} ({id}) cannot be added.',
  ),
  'identity.notImported': notFound('Nessuna identità importata con codice {id}: importare prima il suo file .cstid.', 'No identity imported with code {id}: import its .cstid file first.'),
  'identity.fingerprintMismatch': refusal(
    "L'impronta digitata non corrisponde a quella del file di {name} ({id}). Rileggerla al telefono con l'altra parte: se non coincide, il file non è il suo e non va confermato.",
    'The fingerprint typed does not match that of the file of {name} ({id}). Read it again over the phone with the other side: if it does not match, the file is not theirs and must not be confirmed.',
  ),
  'fork.notFound': notFound('La biforcazione n. {forkNo} non esiste (già eliminata o numero sbagliato).', 'Fork no. {forkNo} does not exist (already removed or wrong number).'),
  'fork.noteRequired': field('Scrivere il motivo della decisione: resta nello storico.', 'Write the reason for the decision: it stays in the history.'),
  'fork.alreadyDecided': refusal(
    'La biforcazione n. {forkNo} è già stata decisa il {at} da {by}: non si può decidere di nuovo.',
    'Fork no. {forkNo} was already decided on {at} by {by}: it cannot be decided again.',
  ),
  'fork.cannotAcceptYet': {
    code: 'E_FORK',
    it: "Il pacchetto {file} non contiene la versione di {name} dall'evento {seq}{startsAt}: non si può ancora accettare. Chiedere al comune di inviare tutto dal primo evento («Invia al consorzio» con «tutto dall'inizio»), importare quel pacchetto e decidere sulla nuova biforcazione. Questa resta aperta.",
    en: "The bundle {file} does not hold {name}'s version from event {seq}{startsAtEn}: it cannot be accepted yet. Ask the municipality to send everything from the first event («Send to the consortium» with «everything from the start»), import that bundle and decide on the new fork. This one stays open.",
  },
  'fork.gone': notFound('La biforcazione n. {forkNo} non esiste.', 'Fork no. {forkNo} does not exist.'),
  'fork.notArchived': notFound("Il pacchetto {file} non è più nell'archivio (inbox/archive): importarlo di nuovo, poi decidere.", 'The bundle {file} is no longer in the archive (inbox/archive): import it again, then decide.'),
  'fork.senderGone': notFound('Il mittente della biforcazione n. {forkNo} non è più registrato.', 'The sender of fork no. {forkNo} is no longer registered.'),
  'outbox.hubRestoredOlder': {
    code: 'E_RECOVERY_NEEDED',
    it: "Questa installazione del consorzio è stata ripristinata da una copia di sicurezza più vecchia: il comune {hubName} ({hub}) ha già {missing} eventi del consorzio che qui mancano. Non registrare nuovi dati: ripristinare la copia di sicurezza più recente e contattare l'assistenza.",
    en: 'This consortium installation was restored from an older backup: the municipality {hubName} ({hub}) already holds {missing} of the consortium’s events that are missing here. Do not record new data: restore the most recent backup and contact support.',
  },
  'outbox.restoredOlder': {
    code: 'E_RECOVERY_NEEDED',
    it: 'Questa installazione è stata ripristinata da una copia di sicurezza più vecchia: il consorzio ({hubName}) ha già {missing} eventi che qui mancano. Prima di registrare nuovi dati importare il pacchetto di recupero del consorzio.',
    en: 'This installation was restored from an older backup: the consortium ({hubName}) already holds {missing} events that are missing here. Before recording new data, import the consortium’s recovery bundle.',
  },
  'outbox.idHeldByOther': {
    code: 'E_OWNERSHIP',
    it: "Questo dato non si può salvare: il suo identificativo {id} è già usato da un dato ricevuto da {owner}. Nulla è stato modificato; segnalare il caso all'assistenza di CST Desk, indicando questo messaggio.",
    en: 'This record cannot be saved: its identifier {id} is already used by a record received from {owner}. Nothing was changed; report the case to CST Desk support, quoting this message.',
  },
  'attachment.unreadable': field('il contenuto del file non è leggibile; riprovare a scegliere il file.', 'the file’s content cannot be read; try choosing the file again.'),
  'attachment.empty': field('il file è vuoto.', 'the file is empty.'),
  'attachment.tooLarge': field('il file supera 50 MB; allegare un file più piccolo (per esempio un PDF compresso).', 'the file is over 50 MB; attach a smaller file (for example a compressed PDF).'),
  'attachment.typeNotAllowed': field('tipo di file non ammesso; si possono allegare solo file {allowed}.', 'file type not allowed; only {allowed} files can be attached.'),
  'attachment.typeMismatch': field(
    'il contenuto del file non corrisponde al suo tipo ({name}); salvarlo di nuovo dal programma che lo ha creato.',
    'the file’s content does not match its type ({name}); save it again from the program that created it.',
  ),
  'attachment.notFound': notFound('Allegato non trovato nella cartella dati.', 'Attachment not found in the data folder.'),
  'attachment.altered': io('Il file allegato nella cartella dati è stato alterato: ripristinarlo da un backup.', 'The attached file in the data folder has been altered: restore it from a backup.'),
  'backup.newerSchema': {
    code: 'E_DB_NEWER',
    it: 'La copia {file} è stata fatta da una versione più recente di CST Desk (schema {version}, questa versione legge fino a {supported}). Aggiornare CST Desk prima di ripristinarla.',
    en: 'The backup {file} was made by a newer version of CST Desk (schema {version}; this version reads up to {supported}). Update CST Desk before restoring it.',
  },
  'backup.damaged': { code: 'E_DB_CORRUPT', it: 'La copia {file} risulta danneggiata ({detail}) e non è stata tenuta.', en: 'The backup {file} is damaged ({detail}) and was not kept.' },
  'backup.cannotWrite': io(
    "Copia di sicurezza non riuscita in {folder}: non è possibile scrivere nella cartella. I dati non sono stati toccati: controllare che la cartella dati sia sul disco del computer e che l'utente possa scriverci, poi riprovare.",
    'Backup failed in {folder}: the folder cannot be written. The data were not touched: check that the data folder is on the computer’s disk and that the user can write there, then try again.',
  ),
  'backup.fileInTheWay': io(
    "Copia di sicurezza non riuscita in {folder}: al posto della cartella c'è un file con lo stesso nome. I dati non sono stati toccati: spostare o rinominare quel file, poi riprovare.",
    'Backup failed in {folder}: in place of the folder there is a file with the same name. The data were not touched: move or rename that file, then try again.',
  ),
  'backup.systemError': io(
    'Copia di sicurezza non riuscita in {folder}: errore del sistema ({reason}). I dati non sono stati toccati: riprovare più tardi; se si ripete, avvisare il consorzio.',
    'Backup failed in {folder}: system error ({reason}). The data were not touched: try again later; if it happens again, tell the consortium.',
  ),
  'backup.failed': io('Copia di sicurezza non riuscita: {detail}', 'Backup failed: {detail}'),
  'restore.cannotCopy': io('Non è possibile copiare {file} nella cartella dati {dataDir} ({detail}). Nulla è stato cambiato.', 'Cannot copy {file} into the data folder {dataDir} ({detail}). Nothing was changed.'),
  'restore.notABackup': refusal(
    "Il file {file} non è una copia di sicurezza di un'installazione di CST Desk configurata. Nulla è stato cambiato.",
    'The file {file} is not a backup of a CST Desk installation that was set up. Nothing was changed.',
  ),
  'restore.otherInstallation': refusal(
    "La copia {file} appartiene a un'altra installazione ({theirsRole} {theirs}) e non a questa{oursText}. Nulla è stato cambiato; se è proprio quella giusta, ripetere con --force.",
    'The backup {file} belongs to another installation ({theirsRoleEn} {theirs}), not to this one{oursTextEn}. Nothing was changed; if it really is the right one, repeat with --force.',
  ),
  'restore.otherInstallationWindow': refusal(
    "La copia {file} appartiene a un'altra installazione ({theirsRole} {theirs}) e non a questa{oursText}. Nulla è stato cambiato: scegliere una copia di sicurezza di questa installazione.",
    'The backup {file} belongs to another installation ({theirsRoleEn} {theirs}), not to this one{oursTextEn}. Nothing was changed: choose a backup of this installation.',
  ),
  'restore.unknownBackup': notFound(
    'La copia {name} non è più nella cartella delle copie di sicurezza. Nulla è stato cambiato: aggiornare l’elenco e sceglierne un’altra.',
    'The backup {name} is no longer in the backups folder. Nothing was changed: refresh the list and choose another one.',
  ),
  'restore.failed': io('Ripristino non riuscito ({detail}): il database di prima è rimasto al suo posto.', 'Restore failed ({detail}): the previous database was left in place.'),
  'restore.walUnmergeable': {
    code: 'E_DB_CORRUPT',
    it: 'Le ultime modifiche della copia {file} (file {file}-wal) non si possono unire ({detail}). Nulla è stato cambiato.',
    en: 'The latest changes of the backup {file} (file {file}-wal) cannot be merged ({detail}). Nothing was changed.',
  },
  'restore.fileMissing': notFound('Il file {file} non esiste.', 'The file {file} does not exist.'),
  'restore.dataDirInUse': {
    code: 'E_DB_LOCKED',
    it: 'La cartella dati {dataDir} è in uso da CST Desk o da un altro programma. Chiudere CST Desk (anche la finestra nel browser) e ripetere il ripristino.',
    en: 'The data folder {dataDir} is in use by CST Desk or another program. Close CST Desk (the browser window too) and repeat the restore.',
  },
  'recovery.notForHub': refusal('Il pacchetto di recupero si importa nell’installazione del comune, non in quella del consorzio.', 'The recovery bundle is imported into the municipality’s installation, not the consortium’s.'),
  'recovery.tooOld': refusal(
    'Questo pacchetto di recupero è più vecchio dei dati che il consorzio ha già confermato: contiene le registrazioni fino alla n. {ackSeq}, il consorzio ne ha {hubAckedSeq}. Nessun dato è stato modificato: chiedere al consorzio un pacchetto di recupero nuovo.',
    'This recovery bundle is older than the data the consortium has already confirmed: it holds records up to no. {ackSeq}, the consortium has {hubAckedSeq}. No data was changed: ask the consortium for a new recovery bundle.',
  ),
  'recovery.copyMismatch': {
    code: 'E_CHAIN',
    it: 'La copia contenuta nel pacchetto di recupero non corrisponde a quella firmata dal consorzio (potrebbe essere danneggiata o alterata): nessun dato è stato modificato. Chiedere al consorzio di preparare di nuovo il pacchetto di recupero.',
    en: 'The copy in the recovery bundle does not match the one signed by the consortium (it may be damaged or altered): no data was changed. Ask the consortium to prepare the recovery bundle again.',
  },
  'recovery.fork': {
    code: 'E_FORK',
    it: "I dati di questa installazione sono diversi da quelli ricevuti dal consorzio a partire dall'evento {seq}: non sono dati persi ma due versioni diverse (biforcazione). Nessun dato è stato modificato: contattare il consorzio prima di continuare.",
    en: 'The data of this installation differ from those received by the consortium from event {seq} on: they are not lost data but two different versions (a fork). No data was changed: contact the consortium before going on.',
  },
  'recovery.unknownKind': {
    code: 'E_VERSION',
    it: 'La copia contiene dati di tipo «{kind}» che questa versione di CST Desk non sa ricostruire: aggiornare il programma e importare di nuovo il pacchetto di recupero. Nessun dato è stato modificato.',
    en: 'The copy holds data of kind «{kind}» that this version of CST Desk cannot rebuild: update the program and import the recovery bundle again. No data was changed.',
  },
  'recovery.badRecord': {
    code: 'E_RECORD',
    it: 'La copia contiene un dato non valido (evento {seq}, {kind}): nessun dato è stato modificato. Contattare il consorzio.',
    en: 'The copy holds an invalid record (event {seq}, {kind}): no data was changed. Contact the consortium.',
  },
  'recovery.noCopy': {
    code: 'E_FORMAT',
    it: 'Il pacchetto non contiene una copia di recupero leggibile per questo comune: chiedere al consorzio di preparare di nuovo il «pacchetto di recupero». Nessun dato è stato modificato.',
    en: 'The bundle holds no readable recovery copy for this municipality: ask the consortium to prepare the «recovery bundle» again. No data was changed.',
  },
  'recovery.hubOnly': refusal('Solo il consorzio prepara il pacchetto di recupero: il comune lo importa.', 'Only the consortium prepares the recovery bundle: the municipality imports it.'),
  'recovery.noIdentity': notFound('Nessuna identità importata per il comune {member}: importare prima il suo file .cstid.', 'No identity imported for the municipality {member}: import its .cstid file first.'),
  'recovery.notConfirmed': refusal(
    "L'identità di {name} ({member}) non è ancora confermata: confermarne l'impronta prima di inviare il pacchetto di recupero.",
    'The identity of {name} ({member}) is not confirmed yet: confirm its fingerprint before sending the recovery bundle.',
  ),
  'recovery.nothingReceived': notFound("Il consorzio non ha ancora ricevuto dati da {name} ({member}): non c'è nulla da recuperare.", 'The consortium has not received any data from {name} ({member}) yet: there is nothing to recover.'),
  'recovery.rereadMismatch': io('Il pacchetto di recupero riletto dalla cartella dati non corrisponde a quello scritto: prepararlo di nuovo.', 'The recovery bundle read back from the data folder does not match what was written: prepare it again.'),
} as const satisfies Record<string, ErrorEntry>;
