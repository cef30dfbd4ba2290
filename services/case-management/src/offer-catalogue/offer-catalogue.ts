import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OfferParticipationRecordedV1, OfferPublishedV1, OfferWithdrawnV1 } from '@si/contracts';
import { CaseDomainError } from '../cases/domain/index.js';

/**
 * This service's own read model of the Angebotsplattform (offer.published.v1 / offer.withdrawn.v1): which offers a
 * referral may point to (CM8). Events may arrive out of order; a publication with a lower version than the one kept
 * changes nothing, and a withdrawal is final.
 */
@Injectable()
export class OfferCatalogue {
  async published(em: EntityManager, d: OfferPublishedV1): Promise<void> {
    await em.query(
      `INSERT INTO offer_catalogue (offer_id, status, version, category, provider_id, updated_at) VALUES ($1, 'published', $2, $3, $4, now())
       ON CONFLICT (offer_id) DO UPDATE SET version = EXCLUDED.version, category = EXCLUDED.category, updated_at = now()
       WHERE offer_catalogue.status = 'published' AND offer_catalogue.version < EXCLUDED.version`,
      [d.offerId, d.version, d.category, d.providerId],
    );
  }

  async withdrawn(em: EntityManager, d: OfferWithdrawnV1): Promise<void> {
    await em.query(
      `INSERT INTO offer_catalogue (offer_id, status, version, category, provider_id, updated_at) VALUES ($1, 'withdrawn', 0, NULL, $2, now())
       ON CONFLICT (offer_id) DO UPDATE SET status = 'withdrawn', updated_at = now()`,
      [d.offerId, d.providerId],
    );
  }
}

/** Refuses a referral to an offer the catalogue does not know or knows as withdrawn (CM8), inside the action's transaction. */
export async function assertReferableOffer(em: EntityManager, offerId: string): Promise<void> {
  const rows: { status: string }[] = await em.query('SELECT status FROM offer_catalogue WHERE offer_id = $1', [
    offerId,
  ]);
  const status = rows[0]?.status;
  if (status === 'published') return;
  throw new CaseDomainError(
    'CM8',
    status ? 'offer-withdrawn' : 'offer-unknown',
    status
      ? {
          de: `Das Angebot «${offerId}» wurde zurückgezogen; neue Zuweisungen sind nicht möglich.`,
          en: `Offer "${offerId}" has been withdrawn; no new referrals.`,
        }
      : {
          de: `Das Angebot «${offerId}» ist auf der Angebotsplattform nicht veröffentlicht.`,
          en: `Offer "${offerId}" is not published on the Angebotsplattform.`,
        },
    'unprocessable',
    { field: 'target.offerId', offerId },
  );
}

/** The referral statuses a provider's confirmation leads to, in order, from the referral's current status. */
export function referralStatusesFor(step: OfferParticipationRecordedV1['step'], current: string): string[] {
  const wanted =
    step === 'enrolled'
      ? 'agreed'
      : step === 'attending'
        ? 'started'
        : step === 'completed'
          ? 'completed'
          : current === 'started'
            ? 'discontinued'
            : 'not-taken-up';
  const path: Record<string, string[]> = {
    agreed: current === 'proposed' ? ['agreed'] : [],
    started: current === 'proposed' ? ['agreed', 'started'] : current === 'agreed' ? ['started'] : [],
    completed:
      current === 'proposed'
        ? ['agreed', 'started', 'completed']
        : current === 'agreed'
          ? ['started', 'completed']
          : current === 'started'
            ? ['completed']
            : [],
    discontinued: current === 'started' ? ['discontinued'] : [],
    'not-taken-up': current === 'proposed' || current === 'agreed' ? ['not-taken-up'] : [],
  };
  return path[wanted] ?? [];
}
