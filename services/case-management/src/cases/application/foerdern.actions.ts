import { randomUUID } from 'node:crypto';
import type { ReferralInput, ReferralStatusInput } from '../domain/index.js';
import { assertReferableOffer } from '../../offer-catalogue/offer-catalogue.js';
import type { CaseAction } from './case-command.runner.js';
import { rolesOf } from './command-roles.js';

/**
 * Fördern (R3): referrals to an offer, a VIntA Art. 4 structure or free text, each with a status. An offer must be one
 * the Angebotsplattform has published and not withdrawn (CM8, this service's read model of the offers' events).
 */
export const makeReferral = (input: Omit<ReferralInput, 'referralId'>): CaseAction => ({
  name: 'make-referral',
  roles: rolesOf('makeReferral'),
  apply: async (c, ctx, tx) => {
    if (input.target?.kind === 'offer') await assertReferableOffer(tx.em, input.target.offerId);
    return c.makeReferral({ referralId: randomUUID(), ...input }, ctx);
  },
});

export const updateReferralStatus = (referralId: string, input: ReferralStatusInput): CaseAction => ({
  name: 'update-referral-status',
  roles: rolesOf('updateReferralStatus'),
  apply: (c, ctx) => c.updateReferralStatus(referralId, input, ctx),
});
