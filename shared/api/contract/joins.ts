import { method } from '../define';
import { JoinersInput, JoinInput, JoinWithdrawInput, type Joiner, type SharedProposal } from '../../domain/proposal-joins';
import { NoInput } from './inputs';

/** *Condivisione* (issue 13 item 5): a municipality joins the other members' proposals. */
export const joinMethods = {
  /** The other members' proposals as the hub published them, with who joined and this member's join. */
  'joins.list': method(NoInput)<SharedProposal[]>(),
  /** "Aderisci", with a note; again with another note: the note changes. */
  'joins.join': method(JoinInput)<SharedProposal>(),
  /** "Ritira l'adesione". */
  'joins.withdraw': method(JoinWithdrawInput)<SharedProposal>(),
  /** Who joined one of this member's own proposals (as the hub relayed it). */
  'joins.ofProposal': method(JoinersInput)<Joiner[]>(),
} as const;
