import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Outbox } from '@si/messaging';
import { assertOfferRules, translationStatuses, type OfferContent } from '../domain/offer-content.js';
import { canKeep, type OffersActor } from '../domain/offer-keepers.js';
import { nextStatus, type OfferStep } from '../domain/offer-lifecycle.js';
import { changedFields, confirmationDue, keptFacts, type Offer } from '../domain/offer.js';
import { NotFoundError, refuse } from '../../shared/rules.js';
import type { Canton } from '../../shared/canton.js';
import type { Clock } from '../../shared/clock.js';
import type { OfferRepository } from '../infrastructure/offer.repository.js';
import type { ProviderRepository } from '../infrastructure/provider.repository.js';
import { offerPublished, offerWithdrawn } from './offer-events.js';

/**
 * The keepers' and curators' changes of an offer. Each runs in one transaction: the offer row locked, the domain
 * decides, the offer and its texts written, one history entry (who, when, what changed, the content after it),
 * and the events in the outbox (published / withdrawn) with the change.
 */
export class OfferCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offers: OfferRepository,
    private readonly providers: ProviderRepository,
    private readonly outbox: Outbox,
    private readonly canton: Canton,
    private readonly clock: Clock,
  ) {}

  async create(actor: OffersActor, providerId: string | undefined, content: OfferContent): Promise<Offer> {
    assertOfferRules(content, this.canton);
    return this.dataSource.transaction(async (em) => {
      const id = actor.kind === 'provider' ? actor.providerId : providerId;
      if (!id)
        refuse(
          'OF1',
          'provider-required',
          'Die Anbieterorganisation fehlt (providerId).',
          'providerId is required.',
          'unprocessable',
          { field: 'providerId' },
        );
      const provider = await this.providers.find(em, id);
      if (!provider) throw new NotFoundError('Anbieter', id);
      if (!canKeep(actor, { providerId: provider.id, providerMunicipality: provider.municipality })) {
        refuse(
          'OF7',
          'not-your-provider',
          'Sie dürfen für diese Anbieterorganisation keine Angebote erfassen.',
          'You may not keep offers of this provider.',
          'forbidden',
          { providerId: id },
        );
      }
      const offer: Offer = {
        id: randomUUID(),
        ...keptFacts(provider.id, provider.municipality, content),
        status: 'draft',
        version: 1,
        content,
        translationStatus: translationStatuses(undefined, {}, content),
        reviewComment: null,
        publishedAt: null,
        lastConfirmedOn: null,
        confirmationDueOn: null,
        confirmationAskedOn: null,
      };
      await this.offers.save(em, offer, true);
      await this.record(em, offer, actor, 'created', changedFields(undefined, content));
      return offer;
    });
  }

  async update(actor: OffersActor, id: string, content: OfferContent): Promise<Offer> {
    assertOfferRules(content, this.canton);
    return this.change(actor, id, async (em, offer) => {
      const status = nextStatus(actor, offer, 'edit');
      const updated: Offer = {
        ...offer,
        ...keptFacts(offer.providerId, offer.providerMunicipality, content),
        status,
        content,
        version: offer.version + 1,
        translationStatus: translationStatuses(offer.content, offer.translationStatus, content),
      };
      await this.offers.save(em, updated, false);
      await this.record(em, updated, actor, 'edited', changedFields(offer.content, content));
      return updated;
    });
  }

  async step(
    actor: OffersActor,
    id: string,
    step: Exclude<OfferStep, 'edit' | 'expire'>,
    comment?: string,
  ): Promise<Offer> {
    return this.change(actor, id, async (em, offer) => {
      const status = nextStatus(actor, offer, step, comment);
      const today = this.clock.today();
      const updated: Offer = {
        ...offer,
        status,
        version: offer.version + 1,
        ...(step === 'send-back' ? { reviewComment: comment?.trim() ?? null } : {}),
        ...(step === 'publish'
          ? {
              reviewComment: null,
              publishedAt: this.clock.instant(),
              lastConfirmedOn: today,
              confirmationDueOn: confirmationDue(today),
              confirmationAskedOn: null,
            }
          : {}),
        ...(step === 'confirm'
          ? { lastConfirmedOn: today, confirmationDueOn: confirmationDue(today), confirmationAskedOn: null }
          : {}),
      };
      if (step === 'publish' && updated.content.schedule.end < today) {
        refuse(
          'OF4',
          'offer-already-ended',
          'Das Angebot ist bereits zu Ende und kann nicht veröffentlicht werden.',
          'The offer has already ended.',
          'conflict',
          { end: updated.content.schedule.end },
        );
      }
      await this.offers.save(em, updated, false);
      await this.record(em, updated, actor, step, [], comment?.trim() || null);
      if (step === 'publish') await this.outbox.add(em, offerPublished(updated, today));
      if (step === 'withdraw' && offer.status === 'published')
        await this.outbox.add(em, offerWithdrawn(updated, today, 'withdrawn'));
      return updated;
    });
  }

  /** The job's step: an offer past its end expires (and can no longer be referred to). */
  async expire(em: EntityManager, id: string): Promise<boolean> {
    const offer = await this.offers.find(em, id, true);
    const today = this.clock.today();
    if (!offer || offer.status !== 'published' || offer.content.schedule.end >= today) return false;
    const updated: Offer = { ...offer, status: nextStatus('system', offer, 'expire'), version: offer.version + 1 };
    await this.offers.save(em, updated, false);
    await this.offers.appendHistory(em, updated, {
      at: this.clock.instant(),
      action: 'expired',
      actorSubject: 'system:offers',
      actorKind: 'system',
      comment: null,
      changed: [],
    });
    await this.outbox.add(em, offerWithdrawn(updated, today, 'expired'));
    return true;
  }

  /** The job's other step: the yearly "still current?" question, asked once per due date. */
  async askConfirmation(em: EntityManager, id: string): Promise<boolean> {
    const offer = await this.offers.find(em, id, true);
    const today = this.clock.today();
    if (!offer || offer.status !== 'published' || !offer.confirmationDueOn || offer.confirmationDueOn > today)
      return false;
    if (offer.confirmationAskedOn && offer.confirmationAskedOn >= offer.confirmationDueOn) return false;
    const updated: Offer = { ...offer, confirmationAskedOn: today, version: offer.version + 1 };
    await this.offers.save(em, updated, false);
    await this.offers.appendHistory(em, updated, {
      at: this.clock.instant(),
      action: 'confirmation-asked',
      actorSubject: 'system:offers',
      actorKind: 'system',
      comment: 'Noch aktuell? Bitte bestätigen.',
      changed: [],
    });
    return true;
  }

  private async change(
    actor: OffersActor,
    id: string,
    apply: (em: EntityManager, offer: Offer) => Promise<Offer>,
  ): Promise<Offer> {
    return this.dataSource.transaction(async (em) => {
      const offer = await this.offers.find(em, id, true);
      // Out of scope answers as not found, so ids of other providers' drafts do not leak.
      if (!offer || !(canKeep(actor, offer) || actor.kind === 'officer')) throw new NotFoundError('Angebot', id);
      if (
        actor.kind === 'officer' &&
        !canKeep(actor, offer) &&
        !offer.locationMunicipalities.some((m) => actor.gemeinden.includes(m))
      )
        throw new NotFoundError('Angebot', id);
      return apply(em, offer);
    });
  }

  private record(
    em: EntityManager,
    offer: Offer,
    actor: OffersActor,
    action: string,
    changed: string[],
    comment: string | null = null,
  ): Promise<void> {
    return this.offers.appendHistory(em, offer, {
      at: this.clock.instant(),
      action,
      actorSubject: actor.id,
      actorKind: actor.kind,
      comment,
      changed,
    });
  }
}
