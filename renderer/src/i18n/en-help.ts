import type { Catalogue } from './it';

/** English strings of the guide, glossary, deleted records and notices (mirrors `it-help.ts`). */
export const enHelp: Pick<Catalogue, 'help' | 'glossary' | 'deleted' | 'notices'> = {
  help: {
    title: 'Guide',
    intro: 'The first steps with CST Desk and what the words met in the program mean.',
    headerLink: 'Guide',
    backToSetup: 'Back to the setup',
    firstStepsTitle: 'First steps',
    firstStepsMunicipality: 'First steps in a municipality',
    firstStepsHub: 'First steps in the consortium office',
    setupStepsTitle: 'Before starting',
    setupSteps: {
      s1: 'Choose where this computer is: in a municipality or in the consortium office. The choice is made once.',
      s2: 'The program creates the workstation’s keys and shows its fingerprint: 30 digits to read to the other side over the phone.',
      s3: 'Then follow the first steps below, for the place chosen.',
    },
    municipalitySteps: {
      s1: 'In “Settings”, export this workstation’s identity file (.cstid) and send it to the consortium office, by e-mail or on a USB stick.',
      s2: 'In “Sending”, “Identities” tab, import the identity file (.cstid) received from the consortium.',
      s3: 'Phone the consortium office and read the fingerprint together: only if the 30 digits match, confirm it. From then on the consortium’s bundles are read.',
      s4: 'In “Sending”, import the consortium’s first bundle: it brings the catalogue of services, the courses and the thematic groups.',
      s5: 'In “Service usage” and “Training”, record the use of the services and the courses the staff attended (also from an Excel CSV file).',
      s6: 'In “Sending”, prepare the bundle for the consortium and send it; when the consortium’s reply arrives, import it from the same page.',
    },
    hubSteps: {
      s1: 'In “Settings”, export the consortium’s identity file (.cstid) and send it to the member municipalities.',
      s2: 'In “Members”, check the list of member municipalities; in the “Identities” tab, import the .cstid file received from each municipality.',
      s3: 'Phone each municipality and read the fingerprint together: confirm it only if the 30 digits match.',
      s4: 'In “Catalogue and sending”, check services, courses and groups, then prepare the bundles for the members.',
      s5: 'In “Imports”, import the bundles received from the municipalities, many at once if needed.',
      s6: 'In “Proposals”, evaluate the proposals received; in “Technical plan”, prepare the year’s plan with each member’s share.',
    },
    mistakesTitle: 'When something is wrong',
    mistakesText:
      'Every record is corrected with “Edit”: the correction becomes a new version, visible in the “History”, and leaves with the next bundle. A record deleted by mistake is found in “Deleted records” and restored as it was.',
    deletedLink: 'Open “Deleted records”',
    glossaryTitle: 'Glossary',
    glossaryIntro: 'The program’s words, in short.',
    whatIs: 'Glossary: {{term}}',
  },
  glossary: {
    impronta: {
      term: 'Fingerprint',
      text: '30 digits that identify a workstation. They are read over the phone with the other side before trusting its bundles: if the digits match, the identity file received is really theirs and nobody else’s.',
    },
    identita: {
      term: 'Identity file (.cstid)',
      text: 'The file with a workstation’s public keys. It holds public data only: it is sent to the other side by e-mail or on a USB stick, and the other side imports it and confirms its fingerprint.',
    },
    chiave: {
      term: 'Key',
      text: 'Each workstation has its own keys. The secret ones stay in the computer’s data folder and are used to sign and open bundles; the public ones are in the identity file and let the other side check the signatures and encrypt the bundles meant for this workstation.',
    },
    firma: {
      term: 'Signature',
      text: 'The seal a workstation puts on every bundle with its secret key. Whoever receives the bundle checks that it really comes from that workstation and that nobody changed it on the way.',
    },
    cifratura: {
      term: 'Encryption',
      text: 'The bundle is locked so that only its recipient can open it: whoever finds it on a lost USB stick or in a mailbox cannot read the data.',
    },
    pacchetto: {
      term: 'Bundle',
      text: 'The file (.cstb) that carries data from one workstation to the other: signed, encrypted, with everything the other side has not received yet. It travels by e-mail, on a USB stick or over the network; importing it twice does no harm.',
    },
    hub: {
      term: 'Hub',
      text: 'The consortium office’s workstation: it collects the municipalities’ bundles, evaluates proposals, prepares the technical plan and answers each municipality with a bundle of its own.',
    },
    membro: {
      term: 'Member',
      text: 'A municipality that belongs to the consortium. Each member has one CST Desk workstation, recognised by the office through its fingerprint.',
    },
    proposta: {
      term: 'Proposal',
      text: 'A municipality’s idea for a new shared service or project, sent to the consortium’s Technical Committee, which evaluates it. While a draft it can be deleted; once sent it can only be withdrawn.',
    },
    piano: {
      term: 'Technical plan',
      text: 'The consortium’s services and initiatives for one year, with their costs, approved by the consortium’s bodies.',
    },
    quota: {
      term: 'Share',
      text: 'The part of the plan’s costs each member pays, computed with the sharing key: an equal part for all, a part by population and a part by use of the services.',
    },
    cronologia: {
      term: 'Version and history',
      text: 'Each correction of a record makes a new version of it; the history shows who changed what and when. Nothing is lost: even a deleted record can be restored.',
    },
  },
  deleted: {
    title: 'Deleted records',
    intro:
      'The records deleted on this workstation and not restored yet, newest first. “Restore” puts a record back as it was before its deletion: the restore becomes a new version, visible in the history, and leaves for the consortium with the next bundle.',
    kindLabel: 'Kind of record',
    kindAll: 'All',
    kinds: {
      usage: 'Service usage',
      staff: 'Staff member',
      course: 'Course',
      participation: 'Course participation',
      local_group: 'Thematic group',
      group_membership: 'Group membership',
      group_meeting: 'Group meeting',
      proposal: 'Draft proposal',
    },
    caption: 'Deleted records',
    colKind: 'Kind',
    colWhat: 'Record',
    colWhen: 'Deleted on',
    empty: 'No deleted records.',
    emptyKind: 'No deleted records of this kind.',
    restore: 'Restore',
    restoring: 'Restoring…',
    restored: 'Restored: {{what}}. It will leave for the consortium with the next bundle.',
    restoredNoName:
      'Restored: {{what}}, without the name: the name stays in this municipality only and is not kept after a deletion. Type it again with “Edit” in Training › Staff.',
    more: 'Show earlier deletions',
    link: 'Deleted records: view and restore',
    unknown: 'no longer present',
    describe: {
      usage: '{{service}}, {{date}}: {{quantity}} {{unit}}',
      participation: '{{person}} in the course “{{course}}”',
      membership: '{{person}} in the group “{{group}}”',
      meeting: '{{group}}, {{date}}: {{topic}}',
      course: '{{title}} ({{date}})',
    },
  },
  notices: {
    title: 'What’s new',
    bundlesHub_one: '{{count}} bundle from a municipality was imported.',
    bundlesHub_other: '{{count, int}} bundles from the municipalities were imported.',
    bundlesMunicipality_one: '{{count}} bundle from the consortium was imported.',
    bundlesMunicipality_other: '{{count, int}} bundles from the consortium were imported.',
    proposals_one: '{{count}} proposal arrived to be evaluated.',
    proposals_other: '{{count, int}} proposals arrived to be evaluated.',
    openImports: 'See the imports',
    openBundles: 'See the sending page',
    openProposals: 'See the proposals',
    seen: 'Mark as seen',
    badge_one: '{{count}} new',
    badge_other: '{{count, int}} new',
  },
};
