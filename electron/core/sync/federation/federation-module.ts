/** Federation of hubs (docs/federation.md): the provincial and the regional side, one module. */
import { regionalHubKind, regionalReportKind } from '../../../../shared/records/hub-federation';
import type { FeatureModule } from '../../platform/api/feature-module';
import type { HandlerGroup } from '../../platform/api/handler-table';
import { defaultVerifier } from '../../format/worker/verifier';
import { confirmHubIdentity, findFederationHub, importHubIdentity, setProvinceMailbox, toFederationHub } from './federation-store';
import { normalizeMailboxUrl } from '../network/sync-config';
import { syncAgentOf } from '../network/sync-agent';
import { forwardToRegional } from './forward';
import { confirmRegional, regionalHub, regionalHubProjector, removeRegional } from './regional-announcement';
import { importForwarded } from './regional-import';
import { listProvinces, provinceRoster, provinceRosterPage, regionUsage } from './region-views';
import { forwardedSoFar } from './forwarding-status';
import { appError } from '../../platform/errors';
import { forwardToMembers } from './forward-down';
import { publishRegionalReport } from './regional-report';
import { provinceRecords, regionalRecords } from './federated-records';

export const federationHandlers = {
  'federation.regional.import': (ctx, input) => toFederationHub(importHubIdentity(ctx, 'regional', Buffer.from(input.contentBase64, 'base64'))),
  'federation.regional.confirm': (ctx, input) => toFederationHub(confirmRegional(ctx, input.fingerprint)),
  'federation.regional.remove': (ctx) => removeRegional(ctx),
  'federation.regional.show': (ctx) => {
    const hub = regionalHub(ctx);
    return { regional: hub ? toFederationHub(hub) : null, forwarded: forwardedSoFar(ctx.db) };
  },
  'federation.forward': (ctx, input) => forwardToRegional(ctx, input),
  'federation.province.import': (ctx, input) => toFederationHub(importHubIdentity(ctx, 'province', Buffer.from(input.contentBase64, 'base64'))),
  'federation.province.confirm': (ctx, input) => {
    const hub = findFederationHub(ctx.db, 'province', input.id);
    if (!hub) throw appError('federation.provinceUnknown', { id: input.id });
    return toFederationHub(confirmHubIdentity(ctx, hub, input.fingerprint));
  },
  'federation.province.mailbox': (ctx, input) => {
    const hub = findFederationHub(ctx.db, 'province', input.id);
    if (!hub) throw appError('federation.provinceUnknown', { id: input.id });
    // The address checked as the installation's own mailbox address is (sync.configure).
    setProvinceMailbox(ctx.db, hub.id, input.url === null || input.url === '' ? null : normalizeMailboxUrl(input.url));
    syncAgentOf(ctx).configured();
    return listProvinces(ctx.db).find((p) => p.id === hub.id)!;
  },
  'federation.provinces': (ctx) => listProvinces(ctx.db),
  'federation.roster': (ctx, input) => provinceRoster(ctx.db, input.province),
  'federation.roster.page': (ctx, input) => provinceRosterPage(ctx.db, input),
  'federation.import': async (ctx, input) => {
    const verifier = defaultVerifier();
    try {
      return await importForwarded(ctx, input, {
        verifier,
        onProgress: (done, total) => ctx.emit('task.progress', { taskId: 'bundle.import', label: 'Pacchetti inoltrati', done, total }),
      });
    } finally {
      await verifier.close();
    }
  },
  'federation.usage': (ctx, input) => regionUsage(ctx.db, input),
  'federation.forwardDown': (ctx, input) => forwardToMembers(ctx, input),
  'federation.report.publish': (ctx, input) => publishRegionalReport(ctx, input),
  'federation.regionalRecords': (ctx) => regionalRecords(ctx),
  'federation.provinceRecords': (ctx, input) => provinceRecords(ctx, input),
} satisfies HandlerGroup;

/** The provincial hub writes `regional_hub`; a municipality projects it. */
export const federationModule = {
  name: 'sync/federation',
  handlers: federationHandlers,
  kinds: [regionalHubKind, regionalReportKind],
  projectors: [regionalHubProjector],
} satisfies FeatureModule;
