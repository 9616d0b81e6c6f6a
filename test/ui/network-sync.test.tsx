/**
 * Network sync as the clerk sees it (issue 10): Settings › Sincronizzazione di rete over the
 * real core (the address saved, refused in the core's words, removed), the header's indicator
 * for every state, "Sincronizza ora", progress, and the screens reading again when a round
 * applied something. States the foundation's agent cannot reach on this machine (offline, a
 * refusal, a transfer half-way) come as the core's own push (`emit`), as the agent sends them.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkSyncStatus } from '../../shared/domain/network-sync';
import { SyncIndicatorView } from '../../renderer/src/features/sync/sync-indicator';
import { useSyncStore } from '../../renderer/src/features/sync/sync-store';
import { createI18n } from '../../renderer/src/i18n';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { exportBundles, openUiBackend, pair, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(() => {
  resetBundleStores();
  useSyncStore.setState({ status: null, syncingNow: false });
});

// Nothing listens there: a round fails at once as offline, as with the server down (no DNS lookup).
const MAILBOX = 'http://127.0.0.1:9';

function status(over: Partial<NetworkSyncStatus> = {}): NetworkSyncStatus {
  return {
    revision: 0, // the next one, when pushed (api.emit)
    mailbox: MAILBOX,
    folder: null,
    mailboxFromHub: false,
    state: 'idle',
    lastSuccessAt: '2026-11-26T09:40:00.000Z',
    lastAttemptAt: '2026-11-26T09:40:00.000Z',
    nextAttemptAt: null,
    lastError: null,
    eventsToSend: 0,
    bundlesToSend: 0,
    bundlesToApply: 0,
    transfer: null,
    lastRound: null,
    ...over,
  };
}

const OFFLINE_ERROR = {
  key: 'sync.mailboxUnreachable',
  params: {},
  it: 'Il server del consorzio non risponde.',
  en: 'The consortium’s server does not answer.',
};

async function openSettings(options: { locale?: 'it' | 'en'; as?: 'municipality' | 'hub'; path?: string } = {}) {
  window.history.replaceState(null, '', options.path ?? '/#/settings');
  const api = await openUiBackend({ as: options.as ?? 'municipality', locale: options.locale ?? 'it' });
  const utils = renderApp(api, options.locale ?? 'it');
  await screen.findByRole('heading', { level: 1 });
  // The page's first answer to sync.network has arrived: a push from now on is newer than it.
  await waitFor(() => expect(useSyncStore.getState().status).not.toBeNull());
  return { ...utils, api };
}

const section = (name = 'Sincronizzazione di rete') => screen.getByRole('region', { name });
const indicator = () => screen.queryByRole('link', { name: /^(Stato della sincronizzazione|Sync status):/ });

async function push(api: UiBackend, s: NetworkSyncStatus) {
  await act(async () => api.emit('sync.network', s));
}

describe('Settings › Sincronizzazione di rete', () => {
  it('off at first: says files travel by hand and to write the address; no "Sincronizza ora", no indicator in the header', async () => {
    await openSettings();
    const sync = await screen.findByRole('region', { name: 'Sincronizzazione di rete' });
    expect(within(sync).getByText(/La sincronizzazione di rete non è attiva: .* Per attivarla scrivere qui sotto l’indirizzo del server comunicato dal consorzio/)).toBeTruthy();
    expect(within(sync).queryByRole('button', { name: 'Sincronizza ora' })).toBeNull();
    expect(within(sync).getByText('Nessuna cartella condivisa.')).toBeTruthy();
    // The browser shell has no folder dialog: no button, and the hint says where it is chosen.
    expect(within(sync).queryByRole('button', { name: 'Scegli cartella…' })).toBeNull();
    expect(within(sync).getByText(/Si sceglie dal programma installato/)).toBeTruthy();
    expect(indicator()).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it('saves the address: the core keeps it (normalised), the status and the header follow, a toast confirms; «Sincronizza ora» with the server down says so in words', async () => {
    const { user, api } = await openSettings();
    const field = await screen.findByRole('textbox', { name: 'Indirizzo del server del consorzio' });
    await user.type(field, `${MAILBOX}/`);
    await user.click(within(section()).getByRole('button', { name: 'Salva indirizzo' }));
    expect(await screen.findByText('Indirizzo salvato: CST Desk si sincronizza da solo quando c’è la rete.')).toBeTruthy();
    expect(api.callsOf('sync.configure')).toEqual([{ mailbox: `${MAILBOX}/` }]);
    expect((await api.must('sync.network', {})).mailbox).toBe(MAILBOX);
    expect((field as HTMLInputElement).value).toBe(MAILBOX);
    expect(within(section()).getByText('Indirizzo salvato: la prima sincronizzazione parte tra poco.')).toBeTruthy();
    expect(indicator()?.textContent).toBe('In attesa della prima sincronizzazione');
    expect((within(section()).getByRole('button', { name: 'Sincronizza ora' }) as HTMLButtonElement).disabled).toBe(false);

    // "Sincronizza ora": one call to the core, its answer shown in words (the server is down).
    await user.click(within(section()).getByRole('button', { name: 'Sincronizza ora' }));
    expect(await within(section()).findByText(/^Il server del consorzio non risponde: nuovo tentativo alle \d\d:\d\d\./)).toBeTruthy();
    expect(screen.queryByText('Sincronizzazione eseguita.')).toBeNull();
    expect(indicator()?.textContent).toMatch(/^Non in linea: nuovo tentativo alle \d\d:\d\d$/);
    expect(api.callsOf('sync.now')).toEqual([{}]);
  });

  it('an invalid address: the core’s Italian sentence next to the field, focus on it, nothing saved; in English the English one', async () => {
    const { user, api, i18n } = await openSettings();
    const field = await screen.findByRole('textbox', { name: 'Indirizzo del server del consorzio' });
    await user.type(field, 'posta del consorzio');
    await user.click(within(section()).getByRole('button', { name: 'Salva indirizzo' }));
    const error = await screen.findByText(/L'indirizzo del server del consorzio «posta del consorzio» non è valido: scriverlo come https:\/\/nome-del-server/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(field);
    expect((await api.must('sync.network', {})).mailbox).toBeNull();
    expect(indicator()).toBeNull();
    expect(await seriousViolations()).toEqual([]);

    await act(async () => void (await i18n.changeLanguage('en')));
    expect(await screen.findByText(/The address of the consortium’s server «posta del consorzio» is not valid/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Address of the consortium’s server' })).toBeTruthy();
  });

  it('an empty address removes it: sync turns off and the indicator goes', async () => {
    const { user, api } = await openSettings({ as: 'hub' });
    await api.must('sync.configure', { mailbox: MAILBOX });
    await push(api, await api.must('sync.network', {}));
    const field = (await screen.findByRole('textbox', { name: 'Indirizzo del server del consorzio' })) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe(MAILBOX));
    expect(indicator()).toBeTruthy();
    expect(within(section()).getByText(/riceve da solo i pacchetti dei comuni aderenti/)).toBeTruthy(); // the hub's words
    await user.clear(field);
    await user.click(within(section()).getByRole('button', { name: 'Salva indirizzo' }));
    expect(await screen.findByText('Indirizzo tolto: la sincronizzazione di rete non è più attiva.')).toBeTruthy();
    expect(api.callsOf('sync.configure')).toEqual([{ mailbox: null }]);
    expect((await api.must('sync.network', {})).state).toBe('off');
    expect(indicator()).toBeNull();
  });

  it('the address the hub announced is shown as such, and the field stays this workstation’s own', async () => {
    const { api } = await openSettings();
    await push(api, status({ mailboxFromHub: true }));
    expect(await within(section()).findByText(`In uso l’indirizzo comunicato dal consorzio: ${MAILBOX}. Scriverne un altro solo se il consorzio lo chiede.`)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Indirizzo del server del consorzio' }) as HTMLInputElement).value).toBe('');
  });

  it('follows the agent’s pushes: offline with its words and the next try, a refusal, a transfer’s progress; both languages; no axe violation', async () => {
    const { api, i18n } = await openSettings();
    await push(api, status({ state: 'offline', lastError: OFFLINE_ERROR, nextAttemptAt: '2026-11-26T09:42:00.000Z', eventsToSend: 3 }));
    const alert = await within(section()).findByText('Il server del consorzio non risponde.');
    expect(within(section()).getByText('Nuovo tentativo alle 10:42. CST Desk riprova da solo; intanto si può lavorare normalmente: nulla va perso.')).toBeTruthy();
    expect(within(section()).queryByText('Prossima sincronizzazione automatica')).toBeNull(); // said once, in the box
    expect(within(section()).getByText('3 modifiche')).toBeTruthy();
    expect(indicator()?.textContent).toBe('Non in linea: nuovo tentativo alle 10:42');
    // Said once to a screen reader, politely (the header's hidden status line).
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Non in linea: nuovo tentativo alle 10:42')).toBe(true);
    expect(alert).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await act(async () => void (await i18n.changeLanguage('en')));
    expect(await within(section('Network sync')).findByText('The consortium’s server does not answer.')).toBeTruthy();
    expect(within(section('Network sync')).getByText(/^Next try at 10:42\. CST Desk tries again by itself/)).toBeTruthy();
    expect(indicator()?.textContent).toBe('Offline: next try at 10:42');
    await act(async () => void (await i18n.changeLanguage('it')));

    await push(api, status({ state: 'error', lastError: { key: 'sync.notEnrolled', params: {}, it: 'Il server del consorzio non conosce ancora questo Comune: telefonare al consorzio.', en: 'The consortium’s server does not know this municipality yet: call the consortium.' } }));
    expect(await within(section()).findByText('Il server del consorzio non conosce ancora questo Comune: telefonare al consorzio.')).toBeTruthy();
    expect(indicator()?.textContent).toBe('Sincronizzazione non riuscita: vedere i dettagli');

    await push(api, status({ state: 'syncing', transfer: { direction: 'up', done: 12_400_000, total: 50_000_000 } }));
    const bar = await within(section()).findByRole('progressbar', { name: 'Invio in corso: 12,4 MB di 50,0 MB' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    const now = within(section()).getByRole('button', { name: 'Sincronizza ora' }) as HTMLButtonElement;
    expect(now.disabled).toBe(true);
    expect(indicator()?.textContent).toBe('Sincronizzazione in corso…');
    expect(await seriousViolations()).toEqual([]);

    await push(api, status({ state: 'idle', lastRound: { at: '2026-11-26T09:40:00.000Z', sent: 2, received: 1, applied: 1 }, bundlesToApply: 1 }));
    expect(await within(section()).findByText('26/11/2026, 10:40: file inviati 2, ricevuti 1, con dati nuovi 1')).toBeTruthy();
    expect(within(section()).getByText('1 file ricevuto ma non ancora letto: aspetta dati precedenti o la conferma di un’identità (vedere «Invii»)')).toBeTruthy();
    expect(within(section()).getByText('Tutto sincronizzato.')).toBeTruthy();
    expect(indicator()?.textContent).toBe('Sincronizzato alle 10:40');
  });

  it('says each thing once and never «Tutto sincronizzato» while the consortium has not confirmed everything', async () => {
    const { api } = await openSettings();
    // The agent's own message already names the next try: the box does not repeat it.
    const withTime = {
      key: 'syncAgent.offline',
      params: { time: '10:42' },
      it: 'Il server del consorzio non risponde: nuovo tentativo alle 10:42. I dati restano al sicuro su questo computer.',
      en: 'The consortium’s server does not answer: next try at 10:42. The data stay safe on this computer.',
    };
    await push(api, status({ state: 'offline', lastSuccessAt: null, lastError: withTime, nextAttemptAt: '2026-11-26T09:42:00.000Z', eventsToSend: 1 }));
    await within(section()).findByText(withTime.it);
    expect(within(section()).queryByText(/^Nuovo tentativo alle/)).toBeNull();
    expect(within(section()).getByText('CST Desk riprova da solo; intanto si può lavorare normalmente: nulla va perso.')).toBeTruthy();
    expect(within(section()).getByText('Non ancora confermato dal consorzio')).toBeTruthy();

    // Sent, not yet confirmed: synced, and the sentence says what is still to come.
    await push(api, status({ state: 'idle', eventsToSend: 1, nextAttemptAt: '2026-11-26T09:45:00.000Z', lastRound: { at: '2026-11-26T09:40:00.000Z', sent: 1, received: 0, applied: 0 } }));
    expect(await within(section()).findByText(/^Sincronizzazione riuscita\. Il consorzio non ha ancora confermato di aver ricevuto tutto/)).toBeTruthy();
    expect(within(section()).queryByText('Tutto sincronizzato.')).toBeNull();
    expect(within(section()).getByText('Prossima sincronizzazione automatica')).toBeTruthy();
    expect(indicator()?.textContent).toBe('Sincronizzato alle 10:40');

    // Confirmed: now everything is.
    await push(api, status({ state: 'idle', eventsToSend: 0 }));
    expect(await within(section()).findByText('Tutto sincronizzato.')).toBeTruthy();
    expect(within(section()).getByText('niente: il consorzio ha ricevuto tutto')).toBeTruthy();
  });

  it('in Electron «Scegli cartella…» asks main (which saves the folder itself) and shows the folder chosen', async () => {
    const folder = '/srv/condivisa/cst';
    let asked = 0;
    const { user, api } = await (async () => {
      window.history.replaceState(null, '', '/#/settings');
      const backend = await openUiBackend({ as: 'municipality' });
      // What the preload offers in Electron: main's dialog, then main's own sync.configure (a local call).
      window.cstApi = Object.assign({}, backend, {
        chooseSyncFolder: async () => {
          asked++;
          return { chosen: true as const, folder, status: await backend.must('sync.configure', { folder }) };
        },
      });
      return { ...renderApp(backend), api: backend };
    })();
    try {
      const sync = await screen.findByRole('region', { name: 'Sincronizzazione di rete' });
      expect(within(sync).queryByText(/Si sceglie dal programma installato/)).toBeNull();
      await user.click(within(sync).getByRole('button', { name: 'Scegli cartella…' }));
      expect(await screen.findByText(`Cartella condivisa impostata: ${folder}.`)).toBeTruthy();
      expect(asked).toBe(1);
      expect(within(sync).getByText(folder)).toBeTruthy();
      expect(indicator()?.textContent).toBe('In attesa della prima sincronizzazione');
      expect(api.callsOf('sync.configure')).toEqual([]); // the page itself never sent the path
    } finally {
      delete window.cstApi;
    }
  });

  it('answers and pushes in any order: the newest revision stays, whichever arrives last', async () => {
    window.history.replaceState(null, '', '/#/settings');
    const api = await openUiBackend({ as: 'municipality', locale: 'it' });
    await api.must('sync.configure', { mailbox: MAILBOX });
    // The page's first answer is the core's real one, computed when asked, delivered late.
    let release = () => {};
    const late = new Promise<void>((resolve) => (release = resolve));
    const answers: NetworkSyncStatus[] = [];
    api.override('sync.network', async () => {
      const answer = await api.must('sync.network', {});
      answers.push(answer);
      await late;
      return { ok: true, value: answer };
    });
    renderApp(api, 'it');
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(answers).toHaveLength(1));

    // A push said after the answer was computed, arriving before it: it stays.
    await push(api, status({ state: 'offline', lastError: OFFLINE_ERROR, nextAttemptAt: '2026-11-26T09:42:00.000Z' }));
    expect(await within(section()).findByText('Il server del consorzio non risponde.')).toBeTruthy();
    await act(async () => {
      release();
      await late;
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(useSyncStore.getState().status?.state).toBe('offline');
    expect(indicator()?.textContent).toBe('Non in linea: nuovo tentativo alle 10:42');

    // A push said before the answer (the round's start) that comes late, on its own way: ignored.
    await push(api, status({ state: 'syncing', revision: answers[0]!.revision - 1 }));
    expect(useSyncStore.getState().status?.state).toBe('offline');
    expect(indicator()?.textContent).toBe('Non in linea: nuovo tentativo alle 10:42');
    // A newer one is taken, as always.
    await push(api, status({ state: 'syncing' }));
    expect(indicator()?.textContent).toBe('Sincronizzazione in corso…');
  });

  it('the indicator leads to the section: its heading takes focus, from another page', async () => {
    const { user, api } = await openSettings({ path: '/#/usage' });
    await push(api, status());
    const link = await waitFor(() => {
      const l = indicator();
      if (!l) throw new Error('no indicator yet');
      return l;
    });
    expect(link.getAttribute('href')).toBe('#/settings/sync');
    await user.click(link);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Sincronizzazione di rete'));
    expect(screen.getByRole('heading', { level: 1, name: 'Impostazioni' })).toBeTruthy();
  });
});

describe('the header’s indicator, for each state', () => {
  const NOW = '2026-11-26T09:45:00.000Z';
  function shows(s: NetworkSyncStatus, locale: 'it' | 'en' = 'it') {
    const i18n = createI18n(locale);
    const utils = render(
      <I18nextProvider i18n={i18n}>
        <SyncIndicatorView status={s} now={NOW} />
      </I18nextProvider>,
    );
    const link = utils.container.querySelector('a');
    const live = utils.container.querySelector('[role="status"]')?.textContent ?? null;
    const text = link?.textContent ?? null;
    utils.unmount();
    return { text, live, label: link?.getAttribute('aria-label') ?? null, href: link?.getAttribute('href') ?? null };
  }

  it('Italian, 24-hour Italian time, a problem said to screen readers and nothing else', () => {
    expect(shows(status({ state: 'off', mailbox: null }))).toEqual({ text: null, live: '', label: null, href: null });
    expect(shows(status())).toEqual({
      text: 'Sincronizzato alle 10:40',
      live: '',
      label: 'Stato della sincronizzazione: Sincronizzato alle 10:40. Apre le impostazioni della sincronizzazione.',
      href: '#/settings/sync',
    });
    expect(shows(status({ lastSuccessAt: '2026-11-25T16:05:00.000Z' })).text).toBe('Sincronizzato il 25/11/2026, 17:05');
    expect(shows(status({ lastSuccessAt: null })).text).toBe('In attesa della prima sincronizzazione');
    expect(shows(status({ state: 'syncing' }))).toMatchObject({ text: 'Sincronizzazione in corso…', live: '' });
    expect(shows(status({ state: 'offline', nextAttemptAt: '2026-11-26T13:42:00.000Z' }))).toMatchObject({
      text: 'Non in linea: nuovo tentativo alle 14:42',
      live: 'Non in linea: nuovo tentativo alle 14:42',
    });
    expect(shows(status({ state: 'offline', nextAttemptAt: null })).text).toBe('Non in linea');
    expect(shows(status({ state: 'error', lastError: OFFLINE_ERROR }))).toMatchObject({
      text: 'Sincronizzazione non riuscita: vedere i dettagli',
      live: 'Sincronizzazione non riuscita: vedere i dettagli',
    });
  });

  it('English, the same times', () => {
    expect(shows(status(), 'en').text).toBe('Synced at 10:40');
    expect(shows(status({ state: 'syncing' }), 'en').text).toBe('Syncing…');
    expect(shows(status({ state: 'offline', nextAttemptAt: '2026-11-26T09:42:00.000Z' }), 'en').text).toBe('Offline: next try at 10:42');
    expect(shows(status({ state: 'error' }), 'en').text).toBe('Sync failed: see the details');
    expect(shows(status({ lastSuccessAt: null }), 'en').text).toBe('Waiting for the first sync');
  });
});

describe('data received by the sync shows up without a page change', () => {
  it('the hub looking at usage by municipality: a round that applied Urbino’s bundle brings its rows and the «Importazioni» news', async () => {
    const hub = await openUiBackend({ as: 'hub' });
    const town = await openUiBackend({ as: 'municipality' });
    await pair(hub, town);
    await town.must('usage.record', { service: 'PROTOCOLLO', date: '2026-11-02', period: 'month', quantity: '100' });
    window.history.replaceState(null, '', '/#/members/usage');
    renderApp(hub);
    await screen.findByRole('heading', { level: 1 });
    await hub.must('sync.configure', { mailbox: MAILBOX });
    const first = status({ lastRound: { at: '2026-11-26T09:00:00.000Z', sent: 0, received: 0, applied: 0 } });
    await push(hub, first);
    const nav = screen.getByRole('navigation', { name: 'Menu principale' });
    expect(within(nav).getByRole('link', { name: /^Importazioni/ }).textContent).toBe('Importazioni');
    expect(screen.queryByText(/Protocollo informatico: 100 documenti/)).toBeNull();

    // What the agent does: imports through the ordinary path, then says the round applied one.
    await hub.must('bundle.import', { files: (await exportBundles(town)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
    // A round that applied nothing new does not make the screens read again.
    const reads = hub.calls.length;
    await push(hub, first);
    expect(hub.calls.length).toBe(reads);
    expect(screen.queryByText(/Protocollo informatico: 100 documenti/)).toBeNull();

    await push(hub, status({ lastRound: { at: '2026-11-26T09:05:00.000Z', sent: 0, received: 1, applied: 1 } }));
    expect(await screen.findByText(/Protocollo informatico: 100 documenti/)).toBeTruthy();
    await waitFor(() => expect(within(nav).getByRole('link', { name: /^Importazioni/ }).textContent).toMatch(/Importazioni.*1/));
    expect(window.location.hash).toBe('#/members/usage');
  });

  it('a form filled from the core keeps what the clerk is typing when a round applied data', async () => {
    window.history.replaceState(null, '', '/#/proposals/criteria');
    const hub = await openUiBackend({ as: 'hub' });
    await hub.must('sync.configure', { mailbox: MAILBOX });
    const { user } = renderApp(hub);
    const card = await screen.findByRole('region', { name: 'Comitato esecutivo e Direttore tecnico' }, { timeout: 5000 });
    await push(hub, status({ lastRound: { at: '2026-11-26T09:00:00.000Z', sent: 0, received: 0, applied: 0 } }));
    const director = within(card).getByRole('textbox', { name: 'Direttore tecnico' }) as HTMLInputElement;
    await user.type(director, 'Ing. Anna');
    const reads = hub.callsOf('members.list').length;
    await push(hub, status({ lastRound: { at: '2026-11-26T09:05:00.000Z', sent: 0, received: 1, applied: 1 } }));
    // The screen read again (its list of members), the typed name stayed.
    await waitFor(() => expect(hub.callsOf('members.list').length).toBeGreaterThan(reads));
    expect(director.value).toBe('Ing. Anna');
  });
});
