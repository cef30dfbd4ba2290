import { refuse } from '../../shared/rules.js';
import { canKeep, canPublish, type KeptOffer, type OffersActor } from './offer-keepers.js';

export const OFFER_STATUSES = ['draft', 'in-review', 'published', 'returned', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export type OfferStep = 'edit' | 'submit' | 'publish' | 'send-back' | 'withdraw' | 'confirm' | 'expire';

/** The statuses each step starts from (OF9). */
const FROM: Readonly<Record<OfferStep, readonly OfferStatus[]>> = {
  edit: ['draft', 'returned', 'in-review', 'published'],
  submit: ['draft', 'returned'],
  publish: ['in-review'],
  'send-back': ['in-review'],
  withdraw: ['in-review', 'published'],
  confirm: ['published'],
  expire: ['published'],
};

const STEP_DE: Record<OfferStep, string> = {
  edit: 'Bearbeiten',
  submit: 'Zur Prüfung einreichen',
  publish: 'Veröffentlichen',
  'send-back': 'Zurückweisen',
  withdraw: 'Zurückziehen',
  confirm: 'Als aktuell bestätigen',
  expire: 'Ablaufen',
};

/**
 * The status after `step`, or a refusal naming the rule: the lifecycle (OF9), who may take the step (OF7, OF8) and
 * the comment a send-back needs (OF10). An edit by anyone but AGS puts a published offer back into review.
 */
export function nextStatus(
  actor: OffersActor | 'system',
  offer: KeptOffer & { status: OfferStatus },
  step: OfferStep,
  comment?: string,
): OfferStatus {
  if (!FROM[step].includes(offer.status)) {
    refuse(
      'OF9',
      'offer-step-not-allowed',
      `«${STEP_DE[step]}» ist im Status «${offer.status}» nicht möglich.`,
      `"${step}" is not allowed in status "${offer.status}".`,
      'conflict',
      { step, status: offer.status },
    );
  }
  if (actor === 'system') {
    if (step !== 'expire') throw new Error(`the system only expires offers, not ${step}`);
    return 'expired';
  }
  const allowed =
    step === 'publish'
      ? canPublish(actor, offer)
      : step === 'send-back'
        ? actor.kind === 'ags'
        : step === 'withdraw'
          ? actor.kind === 'ags' || canKeep(actor, offer)
          : step === 'expire'
            ? false
            : canKeep(actor, offer);
  if (!allowed) {
    refuse(
      step === 'publish' || step === 'send-back' || step === 'withdraw' ? 'OF8' : 'OF7',
      'offer-step-forbidden',
      `Sie dürfen «${STEP_DE[step]}» für dieses Angebot nicht ausführen.`,
      `You may not "${step}" this offer.`,
      'forbidden',
      { step },
    );
  }
  switch (step) {
    case 'edit':
      return offer.status === 'published' && actor.kind !== 'ags' ? 'in-review' : offer.status;
    case 'submit':
      return 'in-review';
    case 'publish':
      return 'published';
    case 'send-back':
      if (!comment?.trim())
        refuse(
          'OF10',
          'comment-required',
          'Ein Kommentar für den Anbieter ist nötig.',
          'A comment for the provider is required.',
          'unprocessable',
          { field: 'comment' },
        );
      return 'returned';
    case 'withdraw':
      return 'withdrawn';
    case 'confirm':
      return 'published';
    case 'expire':
      return 'expired';
  }
}
