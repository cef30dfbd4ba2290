import { refuse } from '../../shared/rules.js';

/** Who acts on the platform, as the token says (scope claims only). */
export type OffersActor =
  | { readonly kind: 'provider'; readonly id: string; readonly providerId: string }
  | { readonly kind: 'officer'; readonly id: string; readonly gemeinden: readonly number[] }
  | { readonly kind: 'ags'; readonly id: string };

/** What the keeper rules need to know of an offer. */
export interface KeptOffer {
  readonly providerId: string;
  /** The BFS number of a provider that is a municipality itself (its offers are kept by its officers). */
  readonly providerMunicipality: number | null;
  readonly locationMunicipalities: readonly number[];
  readonly online: boolean;
}

/**
 * May this actor keep (edit, submit, confirm) the offer? Provider staff their own provider's (OF7); an officer the
 * offers of a provider that is one of their municipalities; AGS every offer.
 */
export function canKeep(actor: OffersActor, offer: Pick<KeptOffer, 'providerId' | 'providerMunicipality'>): boolean {
  switch (actor.kind) {
    case 'ags':
      return true;
    case 'provider':
      return actor.providerId === offer.providerId;
    case 'officer':
      return offer.providerMunicipality !== null && actor.gemeinden.includes(offer.providerMunicipality);
  }
}

/** An officer publishes only offers held entirely in their municipalities (not online-only ones) (OF8). */
export function canPublish(actor: OffersActor, offer: KeptOffer): boolean {
  if (actor.kind === 'ags') return true;
  if (actor.kind !== 'officer') return false;
  return (
    offer.locationMunicipalities.length > 0 &&
    offer.locationMunicipalities.every((bfs) => actor.gemeinden.includes(bfs))
  );
}

/** May the actor see the offer's internal record (drafts, history, comments)? */
export function canSeeInternal(actor: OffersActor, offer: KeptOffer): boolean {
  return canKeep(actor, offer) || canPublish(actor, offer);
}

export function assertCanKeep(actor: OffersActor, offer: KeptOffer): void {
  if (!canKeep(actor, offer)) {
    refuse(
      'OF7',
      'not-your-offer',
      'Dieses Angebot gehört nicht zu Ihrer Organisation.',
      'This offer is not kept by your organisation.',
      'forbidden',
      { providerId: offer.providerId },
    );
  }
}
