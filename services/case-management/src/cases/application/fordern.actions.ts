import { randomUUID } from 'node:crypto';
import type { Abs2Input, AgreementInput, AgreementReview, IntegrationTalkInput } from '../domain/index.js';
import type { CaseAction } from './case-command.runner.js';
import { rolesOf } from './command-roles.js';

/** Fordern (R4, R5, R28): integration talk with the Art. 58a assessment, Abs. 2, municipal agreement and its review. */
export const holdIntegrationTalk = (input: Omit<IntegrationTalkInput, 'talkId'>): CaseAction => ({
  name: 'hold-integration-talk',
  roles: rolesOf('holdIntegrationTalk'),
  apply: (c, ctx) => c.holdIntegrationTalk({ talkId: randomUUID(), ...input }, ctx),
});

export const recordAbs2Consideration = (input: Abs2Input): CaseAction => ({
  name: 'record-abs2-consideration',
  roles: rolesOf('recordAbs2Consideration'),
  apply: (c, ctx) => c.recordAbs2Consideration(input, ctx),
});

export const concludeAgreement = (input: Omit<AgreementInput, 'agreementId'>): CaseAction => ({
  name: 'conclude-agreement',
  roles: rolesOf('concludeAgreement'),
  apply: (c, ctx) => c.concludeAgreement({ agreementId: randomUUID(), ...input }, ctx),
});

export const reviewAgreement = (agreementId: string, input: AgreementReview): CaseAction => ({
  name: 'review-agreement',
  roles: rolesOf('reviewAgreement'),
  apply: (c, ctx) => c.reviewAgreement(agreementId, input, ctx),
});
