import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, AuditLog } from '@si/audit';
import type { Principal } from '@si/auth';
import type { CaseReferralDisclosedV1, CaseReferralMadeV1 } from '@si/contracts';
import type { LocalDate } from '@si/kernel';
import type { Outbox } from '@si/messaging';
import type { Logger } from '@si/observability';
import { auditActor } from '../../shared/caller.js';
import type { Clock } from '../../shared/clock.js';
import { NotFoundError } from '../../shared/rules.js';
import type { OfferRepository } from '../../offers/infrastructure/offer.repository.js';
import {
  assertProviderOf,
  recordStep,
  type ParticipationStep,
  type ProviderReferral,
} from '../domain/participation.js';
import type { ReferralRepository } from '../infrastructure/referral.repository.js';

/**
 * Referrals to offers and the provider's confirmations. A referral arrives from the case (case.referral-made.v1) and is
 * kept with pseudonymous references; the person's name and contact only where they consented (case.referral-disclosed.v1),
 * and every showing of them is audited per referral; the provider confirms steps, each going back as offer.participation-recorded.v1
 * in the same transaction. Every read and change of referrals is audited (a person's participation is personal data).
 */
export class Participations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly offers: OfferRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** From the case: only referrals to an offer of this platform are kept; others are not the providers' business. */
  async referred(em: EntityManager, d: CaseReferralMadeV1): Promise<void> {
    if (d.target.kind !== 'offer') return;
    const offerId = (d.target as { offerId: string }).offerId;
    const offer = /^[0-9a-f-]{36}$/.test(offerId) ? await this.offers.find(em, offerId) : undefined;
    if (!offer) {
      // case-management refuses referrals to offers it has not seen published; one arriving anyway is logged, not kept.
      this.logger.warn({ referralId: d.referralId, offerId }, 'referral to an offer unknown here ignored');
      return;
    }
    await this.referrals.insert(em, {
      referralId: d.referralId,
      caseId: d.caseId,
      personRef: d.personRef,
      municipality: d.municipality,
      offerId,
      providerId: offer.providerId,
      category: offer.content.category,
      madeOn: d.madeOn as LocalDate,
      stage: 'referred',
      person: null,
      stages: [],
    });
  }

  /**
   * From the case, only where the officer recorded the person's consent: the name and contact the provider of the
   * offer may see. Kept apart from the pseudonymous referral; for an offer unknown here nothing is kept.
   */
  async disclosed(em: EntityManager, d: CaseReferralDisclosedV1): Promise<void> {
    const offer = /^[0-9a-f-]{36}$/.test(d.offerId) ? await this.offers.find(em, d.offerId) : undefined;
    if (!offer) {
      this.logger.warn(
        { referralId: d.referralId, offerId: d.offerId },
        'disclosure for an offer unknown here ignored',
      );
      return;
    }
    await this.referrals.disclose(em, d);
  }

  /** The referrals to a provider's offers (AGS: all), audited as a list read. */
  async list(p: Principal): Promise<ProviderReferral[]> {
    const providerId = p.roles.includes('ags') ? undefined : p.anbieter;
    if (!p.roles.includes('ags') && !providerId) return [];
    const items = await this.referrals.list(this.dataSource.manager, providerId, 500);
    const shown = items.filter((r) => r.person);
    // The list read, and one record per referral whose person's name and contact were shown (findable per referral).
    await this.audit.recordAlone(
      {
        actor: auditActor(p),
        action: 'referral.list',
        objectType: 'referral',
        objectId: providerId ?? '*',
        outcome: 'granted',
        detail: { count: items.length, personsShown: shown.length },
      },
      ...shown.map((r) => this.personRead(p, r)),
    );
    return items;
  }

  /** The audit record of showing a disclosed person's name and contact: field names and consent day, never values. */
  private personRead(p: Principal, r: ProviderReferral): AuditEntry {
    return {
      actor: auditActor(p),
      action: 'referral.person-read',
      objectType: 'referral',
      objectId: r.referralId,
      municipality: r.municipality,
      outcome: 'granted',
      detail: {
        personRef: r.personRef,
        fields: Object.keys(r.person ?? {})
          .filter((k) => k !== 'consentOn')
          .sort(),
        consentOn: r.person?.consentOn,
      },
    };
  }

  async confirm(
    p: Principal,
    referralId: string,
    step: ParticipationStep,
    on: LocalDate,
    reason?: string,
  ): Promise<ProviderReferral> {
    return this.dataSource.transaction(async (em) => {
      const referral = await this.referrals.find(em, referralId, true);
      if (!referral) throw new NotFoundError('Zuweisung', referralId);
      try {
        assertProviderOf(referral, p.anbieter);
      } catch (error) {
        await this.audit.recordAlone({
          actor: auditActor(p),
          action: 'referral.confirm',
          objectType: 'referral',
          objectId: referralId,
          municipality: referral.municipality,
          outcome: 'denied',
          detail: { rule: 'PA1' },
        });
        throw error;
      }
      const updated = recordStep(referral, step, on, this.clock.today(), reason);
      await this.referrals.update(em, updated);
      await this.outbox.add(em, {
        type: 'offer.participation-recorded.v1',
        subject: referralId,
        data: {
          referralId,
          caseId: referral.caseId,
          personRef: referral.personRef,
          municipality: referral.municipality,
          offerId: referral.offerId,
          providerId: referral.providerId,
          category: referral.category,
          step,
          on,
          ...(reason?.trim() ? { reason: reason.trim() } : {}),
        },
      });
      await this.audit.record(
        em,
        {
          actor: auditActor(p),
          action: 'referral.confirm',
          objectType: 'referral',
          objectId: referralId,
          municipality: referral.municipality,
          outcome: 'granted',
          detail: { step },
        },
        // The answer shows the referral again, with the person where disclosed.
        ...(updated.person ? [this.personRead(p, updated)] : []),
      );
      return updated;
    });
  }
}
