import { exportIdentity, showIdentity } from '../sync/identity/identity';
import { readInstallation, toInstallation } from '../platform/installation/installation-store';
import { verifyOutboxInParallel } from '../sync/outbox/verify-outbox';
import { findMunicipality, listProvinces, searchMunicipalities } from '../platform/reference/municipalities';
import { readLocale, readOperatorSetting, writeLocale } from '../platform/settings/settings-store';
import { checkStore } from './check-store';
import { setupHub, setupMunicipality } from './setup/setup';
import { municipalityRecordHandlers } from './record-handlers';
import { bundleHandlers, peerHandlers } from '../sync/bundles/bundle-handlers';
import { hubHandlers } from '../hub/hub-handlers';
import { govHandlers } from '../governance/gov-handlers';
import { reportHandlers } from '../governance/report-handlers';
import { recoveryHandlers } from '../sync/recovery/recovery-handlers';
import { backupHandlers } from '../sync/backup/backup-handlers';
import { listRegistry, publishInitialHubRecords } from '../hub/members/hub-members';
import { joinHandlerGroups, type HandlerGroup, type HandlerTable } from '../platform/api/handler-table';

const appHandlers = {
  'app.status': (ctx) => {
    const inst = readInstallation(ctx.db);
    const installation = inst && { ...toInstallation(inst), operator: readOperatorSetting(ctx.db) ?? inst.operator };
    return { version: ctx.appVersion, dataDir: ctx.dataDir, locale: readLocale(ctx.db), installation };
  },
  'app.check': (ctx) => checkStore(ctx),
  'settings.setLocale': (ctx, input) => {
    writeLocale(ctx.db, input.locale);
    return { locale: input.locale };
  },
} satisfies HandlerGroup;

const referenceHandlers = {
  'reference.searchMunicipalities': (_ctx, input) => searchMunicipalities(input.query, input.limit),
  'reference.municipalities': (_ctx, input) => input.istat.map(findMunicipality).filter((m) => m !== undefined),
  'reference.provinces': () => listProvinces(),
} satisfies HandlerGroup;

const setupHandlers = {
  'setup.municipality': setupMunicipality,
  // The hub's first events (its catalogue and registry) follow its setup: idempotent, see publishInitialHubRecords.
  'setup.hub': (ctx, input) => {
    const installation = setupHub(ctx, input);
    publishInitialHubRecords(ctx);
    return installation;
  },
} satisfies HandlerGroup;

const identityHandlers = {
  'identity.show': showIdentity,
  'identity.export': (ctx) => {
    const { fileName, bytes } = exportIdentity(ctx);
    return { fileName, contentBase64: bytes.toString('base64') };
  },
} satisfies HandlerGroup;

const memberHandlers = {
  // The registry with its public record's fields (membership, member since): on a municipality, as the hub sent it.
  'members.list': (ctx) => listRegistry(ctx),
} satisfies HandlerGroup;

const logHandlers = {
  'log.verify': (ctx) => verifyOutboxInParallel(ctx.db),
} satisfies HandlerGroup;

/** The one handler table: every method of the contract, each implemented exactly once. */
export const handlers: HandlerTable = joinHandlerGroups(
  appHandlers,
  referenceHandlers,
  setupHandlers,
  identityHandlers,
  memberHandlers,
  logHandlers,
  municipalityRecordHandlers,
  peerHandlers,
  bundleHandlers,
  hubHandlers,
  govHandlers,
  reportHandlers,
  recoveryHandlers,
  backupHandlers,
);
