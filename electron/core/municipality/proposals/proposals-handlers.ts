import type { HandlerGroup } from '../../platform/api/handler-table';
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
