import type { MigrationClass } from '@si/service';
import { CreateOffers1765000000000 } from './1765000000000-create-offers.js';
import { CreateReferrals1765000000001 } from './1765000000001-create-referrals.js';
import { CreateMentoring1765000000002 } from './1765000000002-create-mentoring.js';
import { FasterPublicSearch1765000000003 } from './1765000000003-faster-public-search.js';
import { CreateReferralDisclosures1765000000004 } from './1765000000004-create-referral-disclosures.js';

/** This service's own migrations, oldest first (the platform's outbox, inbox and audit tables come from the libs). */
export const migrations: MigrationClass[] = [
  CreateOffers1765000000000,
  CreateReferrals1765000000001,
  CreateMentoring1765000000002,
  FasterPublicSearch1765000000003,
  CreateReferralDisclosures1765000000004,
];
