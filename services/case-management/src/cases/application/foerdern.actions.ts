import { randomUUID } from 'node:crypto';
import type { DisclosedPerson, ReferralInput, ReferralStatusInput } from '../domain/index.js';
import type { PersonRepository } from '../infrastructure/person.repository.js';
import { assertReferableOffer } from '../../offer-catalogue/offer-catalogue.js';
import type { CaseAction } from './case-command.runner.js';
import { rolesOf } from './command-roles.js';

/**
 * Fördern (R3): referrals to an offer, a VIntA Art. 4 structure or free text, each with a status. An offer must be one
 * the Angebotsplattform has published and not withdrawn (CM8, this service's read model of the offers' events). The
 * provider learns the person's name and contact only where the officer recorded the person's consent.
 */
export const makeReferral = (
  input: Omit<ReferralInput, 'referralId' | 'disclosedPerson'>,
  persons: PersonRepository,
): CaseAction => ({
  name: 'make-referral',
  roles: rolesOf('makeReferral'),
  apply: async (c, ctx, tx) => {
    if (input.target?.kind !== 'offer') return c.makeReferral({ referralId: randomUUID(), ...input }, ctx);
    const offerId = input.target.offerId;
    await assertReferableOffer(tx.em, offerId);
    // Name and contact are read from the person store, and leave it, only where the person consented.
    const p = input.disclosureConsent ? await persons.find(tx.em, c.state.subject.personRef) : null;
    const disclosedPerson: DisclosedPerson | undefined = p
      ? { officialName: p.officialName, firstName: p.firstName, address: p.address, phone: p.phone, email: p.email }
      : undefined;
    const events = c.makeReferral(
      { referralId: randomUUID(), ...input, ...(disclosedPerson ? { disclosedPerson } : {}) },
      ctx,
    );
    if (disclosedPerson) {
      tx.audit.recipient = `offer:${offerId}`;
      tx.audit.detail = { disclosedPersonFields: Object.keys(disclosedPerson).sort(), consent: true };
    }
    return events;
  },
});

export const updateReferralStatus = (referralId: string, input: ReferralStatusInput): CaseAction => ({
  name: 'update-referral-status',
  roles: rolesOf('updateReferralStatus'),
  apply: (c, ctx) => c.updateReferralStatus(referralId, input, ctx),
});
