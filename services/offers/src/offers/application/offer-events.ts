import type { LocalDate } from '@si/kernel';
import type { NewEvent } from '@si/messaging';
import type { Offer } from '../domain/offer.js';

/** offer.published.v1: what another service needs to accept a referral to the offer and to count by it. */
export function offerPublished(offer: Offer, on: LocalDate): NewEvent<Record<string, unknown>> {
  const c = offer.content;
  const original = c.texts[c.originalLanguage];
  return {
    type: 'offer.published.v1',
    subject: offer.id,
    data: {
      offerId: offer.id,
      providerId: offer.providerId,
      version: offer.version,
      publishedOn: on,
      category: c.category,
      title: original?.title ?? '',
      originalLanguage: c.originalLanguage,
      municipalities: [...new Set(c.locations.map((l) => l.municipality))],
      online: c.online,
      startsOn: c.schedule.start,
      endsOn: c.schedule.end,
      subsidised: c.cost.subsidised,
    },
  };
}

/** offer.withdrawn.v1: no new referral may point to the offer (withdrawn by a keeper or AGS, or expired). */
export function offerWithdrawn(
  offer: Offer,
  on: LocalDate,
  reason: 'withdrawn' | 'expired',
): NewEvent<Record<string, unknown>> {
  return {
    type: 'offer.withdrawn.v1',
    subject: offer.id,
    data: { offerId: offer.id, providerId: offer.providerId, withdrawnOn: on, reason },
  };
}
