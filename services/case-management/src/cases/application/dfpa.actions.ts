import { randomUUID } from 'node:crypto';
import { localDateOf, type HandoverContact, type HandoverPerson } from '../domain/index.js';
import type { PersonRepository } from '../infrastructure/person.repository.js';
import type { ReferenceData } from '../../shared/reference-data.js';
import type { CaseAction } from './case-command.runner.js';
import { rolesOf } from './command-roles.js';

/**
 * DFPA hand-over (R16, R25): the IB or AGS offers the case to the Sozialregion of its municipality
 * (computed, never chosen). The personal data the region needs comes from the person store and travels
 * only in case.dfpa-handover-requested.v1; the audit record names the region and the fields disclosed.
 */
export const requestDfpaHandover = (
  input: { reason: string; contact?: HandoverContact },
  persons: PersonRepository,
  reference: ReferenceData,
): CaseAction => ({
  name: 'request-dfpa-handover',
  roles: rolesOf('requestDfpaHandover'),
  async apply(c, ctx, tx) {
    const p = await persons.find(tx.em, c.state.subject.personRef);
    // Missing fields are left empty so the domain refuses with its rule (R16: data incomplete).
    const person: HandoverPerson = {
      officialName: p?.officialName ?? '',
      firstName: p?.firstName ?? '',
      dateOfBirth: (p?.dateOfBirth ?? '') as HandoverPerson['dateOfBirth'],
      sex: p?.sex ?? c.state.subject.sex,
      address: p?.address ?? { street: '', postalCode: '', town: '' },
      ...(p?.vn ? { vn: p.vn } : {}),
      ...(p?.phone ? { phone: p.phone } : {}),
      ...(p?.email ? { email: p.email } : {}),
    };
    // The domain checks dates against the UTC day of the command (dayOf(ctx)); the request is dated the same way,
    // so a hand-over just after midnight in Solothurn is not refused as lying in the future.
    const events = c.requestDfpaHandover(
      {
        handoverId: randomUUID(),
        requestedOn: localDateOf(ctx.at),
        reason: input.reason,
        person,
        ...(input.contact ? { contact: input.contact } : {}),
      },
      reference.directory,
      ctx,
    );
    tx.audit.recipient = c.state.handover?.sozialregionId;
    tx.audit.detail = { handoverId: c.state.handover?.handoverId, disclosedPersonFields: Object.keys(person).sort() };
    return events;
  },
});
