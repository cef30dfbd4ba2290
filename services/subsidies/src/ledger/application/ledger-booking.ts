import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@si/messaging';
import type { CaseFirstInformationCompletedV1, CaseIntegrationTalkHeldV1, OfferParticipationRecordedV1 } from '@si/contracts';
import { rateOn } from '../../tariffs/domain/tariff.js';
import type { TariffRepository } from '../../tariffs/infrastructure/tariff.repository.js';
import { eligibility, type SubsidyFact } from '../domain/eligibility.js';
import type { LedgerRepository, NewEntry } from '../infrastructure/ledger.repository.js';
import type { PeriodSettings } from './period-settings.js';

export const FIRST_INFORMATION = 'case.first-information-completed.v1';
export const INTEGRATION_TALK = 'case.integration-talk-held.v1';
export const OFFER_PARTICIPATION = 'offer.participation-recorded.v1';

/** The subsidy facts of the case and offer events that earn money (pseudonymous: case id, municipality, dates, talk ids). */
export function factOf(event: CloudEvent): SubsidyFact | null {
  if (event.type === FIRST_INFORMATION) {
    const d = event.data as unknown as CaseFirstInformationCompletedV1;
    return {
      kind: 'first-information', caseId: d.caseId, municipality: d.municipality, on: d.completedOn, form: d.form,
      talkId: d.talk?.talkId ?? null, interpreter: d.talk?.interpreter.used ?? false,
    };
  }
  if (event.type === INTEGRATION_TALK) {
    const d = event.data as unknown as CaseIntegrationTalkHeldV1;
    return { kind: 'integration-talk', caseId: d.caseId, municipality: d.municipality, on: d.heldOn, talkId: d.talkId, interpreter: d.interpreter.used, deficitCriteria: d.deficitCriteria ?? [] };
  }
  if (event.type === OFFER_PARTICIPATION) {
    const d = event.data as unknown as OfferParticipationRecordedV1;
    return { kind: 'offer-participation', caseId: d.caseId, municipality: d.municipality, on: d.on, referralId: d.referralId, step: d.step };
  }
  return null;
}

/**
 * Books a case event into the ledger in the consumer's transaction (the inbox row commits with it): the
 * eligibility rules decide what it earns, the tariff valid on the event's date decides the rate, and an event
 * that earns nothing is recorded with the rule that refused it. The case's own municipality (the member,
 * never its Leitgemeinde) is the one credited.
 */
export class LedgerBooking {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly tariffs: TariffRepository,
    private readonly periods: PeriodSettings,
  ) {}

  async book(em: EntityManager, event: CloudEvent): Promise<void> {
    const fact = factOf(event);
    if (!fact) return;
    await this.tariffs.lockShared(em);
    const facts = fact.kind === 'first-information' ? await this.ledger.firstInformationFacts(em, fact.caseId, fact.talkId) : { forCase: false, talk: false };
    const decision = eligibility(fact, { firstInformationBookedForCase: facts.forCase, talkBooked: facts.talk });
    if ('refused' in decision) {
      await this.ledger.refuse(em, { eventId: event.id, eventType: event.type, caseId: fact.caseId, municipality: fact.municipality, ...decision.refused });
      return;
    }
    const versions = await this.tariffs.all(em);
    const period = await this.periods.periodOf(em, fact.on);
    const entries: NewEntry[] = [];
    for (const earning of decision.earns) {
      const tariff = rateOn(versions, earning.item, earning.on);
      if (!tariff) {
        await this.ledger.refuse(em, { eventId: event.id, eventType: event.type, caseId: fact.caseId, municipality: fact.municipality, rule: 'S4', reason: `Kein Tarif für «${earning.item}» am ${earning.on}.` });
        return;
      }
      entries.push({
        kind: 'booking', sourceEventId: event.id, eventType: event.type, eligibilityKey: earning.eligibilityKey, correctsEntry: null, caseId: fact.caseId,
        municipality: fact.municipality, item: earning.item, serviceDate: earning.on, period: period.label, tariffId: tariff.id,
        rateRappen: tariff.amountRappen, amountRappen: tariff.amountRappen, reason: null,
      });
    }
    const inserted = await this.ledger.insert(em, entries);
    if (inserted === 0) {
      // A concurrent transaction booked the same talk or case first (the database's eligibility key held the rule).
      const rule = fact.kind === 'first-information' && fact.talkId ? 'S2' : 'S1';
      await this.ledger.refuse(em, { eventId: event.id, eventType: event.type, caseId: fact.caseId, municipality: fact.municipality, rule, reason: 'Bereits gebucht (gleichzeitig eingegangen).' });
    }
  }
}
