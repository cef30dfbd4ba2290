import type { DataSource } from 'typeorm';
import { canSeeInternal, type OffersActor } from '../domain/offer-keepers.js';
import type { Offer } from '../domain/offer.js';
import { NotFoundError } from '../../shared/rules.js';
import type { OfferRepository, HistoryEntry } from '../infrastructure/offer.repository.js';

/** Reads of offers: the keepers' and curators' internal view (the public one is PublicCatalogue). */
export class OfferQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offers: OfferRepository,
  ) {}

  /** The internal record with its history; out of scope answers as not found (OF7). */
  async internal(actor: OffersActor, id: string): Promise<{ offer: Offer; history: HistoryEntry[] }> {
    const em = this.dataSource.manager;
    const offer = await this.offers.find(em, id);
    if (!offer || !canSeeInternal(actor, offer)) throw new NotFoundError('Angebot', id);
    return { offer, history: await this.offers.history(em, id) };
  }

  /** The offers an actor keeps or may publish: a provider's own, an officer's municipalities', every offer for AGS. */
  list(actor: OffersActor, status: string | undefined, limit: number, offset: number): Promise<Offer[]> {
    const em = this.dataSource.manager;
    const scope =
      actor.kind === 'provider'
        ? { providerId: actor.providerId }
        : actor.kind === 'officer'
          ? { municipalities: actor.gemeinden, providerMunicipalities: actor.gemeinden }
          : {};
    return this.offers.list(em, { ...scope, ...(status ? { status } : {}) }, limit, offset);
  }
}
