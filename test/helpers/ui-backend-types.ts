/**
 * The types of the UI tests' real backend, shared by the Node-side helper (ui-backend.ts, in the
 * node TS project) and the UI tests (test/ui/real-backend.ts, in the web project, no Node types).
 * Only shared types here: the web project type-checks this file too.
 */
import type { WindowApi } from '../../shared/api/call';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import type { Locale } from '../../shared/domain/ids';
import type { PushEventName, PushEvents } from '../../shared/api/events';

export type Answer<M extends MethodName> = (input: Input<M>) => Result<Output<M>> | Promise<Result<Output<M>>>;

/** The `WindowApi` the renderer gets, over the real core in this process, plus what tests look at. */
export interface UiBackend extends WindowApi {
  /** The backend's data folder (a temp folder removed after the test). */
  dataDir: string;
  /** Every call the renderer (or the test) made, in order, with its input as sent. */
  calls: { method: MethodName; input: unknown }[];
  callsOf(method: MethodName): unknown[];
  /** Calls and returns the value; throws with the error's code and message when refused. */
  must<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /**
   * Answers one method otherwise. Only for an answer the real core cannot give on this machine
   * (a full disk, no browser to print with); the test says why next to the call.
   */
  override<M extends MethodName>(method: M, answer: Answer<M>): void;
  /**
   * Moves this backend's clock to `at` (an ISO instant), and the renderer's Date with it: a file
   * received 86 days ago is one received with the clock 86 days back.
   */
  setTime(at: string): void;
  /**
   * A push from the core's own `emit`, as its sync agent sends it: only for a state this core
   * cannot reach on a loopback test machine (a transfer half-way, a refusal by a real server).
   * A `sync.network` status of revision 0 gets the next revision, as the agent's own would.
   */
  emit<E extends PushEventName>(event: E, payload: PushEvents[E]): void;
}

export interface UiBackendOptions {
  /** What the workstation already is: nothing (first run), Urbino's municipality, or the hub CST-PU. */
  as?: 'none' | 'municipality' | 'hub';
  /** The saved language (settings.setLocale), Italian by default. */
  locale?: Locale;
  /** Start of the backend's fixed clock (default 2026-11-26T09:00:00.000Z). */
  start?: string;
  /** An existing data folder (a restored copy) instead of a new temp folder. */
  dataDir?: string;
  /** The start-up check's thresholds and the background full check (test/ui/store-damage.test.tsx). */
  store?: { startupCheck?: { quickCheckMaxBytes?: number; fullCheckAtOpenMaxBytes?: number }; backgroundStoreCheck?: boolean | { delayMs: number } };
}

/** A bundle as the UI uploads it (an export made with `inline: true`). */
export interface BundleFile {
  name: string;
  contentBase64: string;
}

/** A municipality's real identity file (.cstid), as the hub receives it. */
export interface MemberIdentityFile {
  istat: string;
  name: string;
  fileName: string;
  contentBase64: string;
  fingerprint: string;
}

export interface UiBackendModule {
  /** Real identity files of these municipalities, fresh keys each (test/helpers/member-identities.ts). */
  memberIdentityFiles(members: readonly { istat: string; name: string }[]): MemberIdentityFile[];
  /** A ZIP (base64) of these files, inside the folder `folder/`. */
  zipOf(folder: string, files: readonly { fileName: string; contentBase64: string }[]): string;
  openUiBackend(options?: UiBackendOptions): Promise<UiBackend>;
  /** Each side imports the other's identity file and confirms its fingerprint, as on the phone. */
  pair(hub: UiBackend, town: UiBackend): Promise<void>;
  /** `from`'s bundles for its peers (every member for a hub), made by the real export. */
  exportBundles(from: UiBackend, options?: { all?: boolean }): Promise<BundleFile[]>;
  /** A regional hub with data and its province CST-PU, built for real (forwarded bundles imported): their data folders, to open. */
  regionFolders(options?: { enrolled?: number }): Promise<{ region: string; province: string }>;
  /** A province that set apart a member file encrypted to it alone, forwarding by folder: its data folder. */
  provinceWithFileNotForRegion(): Promise<string>;
  /** A consistent copy of the backend's data folder as it is now: a backup kept aside. */
  copyOfData(ui: UiBackend): string;
  /** The folder lost and replaced by that old copy: `ui` is closed, the returned backend opens on the copy. */
  restoreCopy(ui: UiBackend, copy: string, start: string): Promise<UiBackend>;
}
