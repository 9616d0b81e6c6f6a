import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { proposalKind } from '../../../../shared/records/proposals';
import { restoreProposalFromEvent } from './proposals-restore';
import { readAttachment } from '../../sync/attachments/attachment-store';
import {
  addAttachment,
  createProposal,
  deleteProposal,
  getProposal,
  listProposals,
  removeAttachment,
  submitProposal,
  updateProposal,
  withdrawProposal,
} from './proposals-service';

export const proposalsHandlers = {
  'proposals.create': createProposal,
  'proposals.update': updateProposal,
  'proposals.submit': submitProposal,
  'proposals.withdraw': withdrawProposal,
  'proposals.delete': deleteProposal,
  'proposals.list': listProposals,
  'proposals.get': getProposal,
  'attachments.add': addAttachment,
  'attachments.remove': removeAttachment,
  'attachments.get': (ctx, input) => readAttachment(ctx, input.sha256),
} satisfies HandlerGroup;

/** The technical referent's proposals (proposte) with their attachments. */
export const proposalsModule = {
  name: 'municipality/proposals',
  handlers: proposalsHandlers,
  kinds: [proposalKind],
  restorers: { proposal: (db, dir, ev) => restoreProposalFromEvent(db, dir, ev) },
} satisfies FeatureModule;
