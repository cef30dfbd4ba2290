import type { FastifyRequest } from 'fastify';
import { correlation } from '@si/observability';
import type { UserTokens } from '../auth/user-token.js';
import { ForbiddenPage, LoginRequired, NotFoundPage, ServiceDown } from '../shell/web-errors.js';

/** What the subsidies service answers (services/subsidies/README.md); money in integer Rappen. */
export const TARIFF_ITEMS = [
  'first-information-talk',
  'info-folder',
  'integration-talk',
  'interpreter',
  'offer-participation',
] as const;
export type TariffItem = (typeof TARIFF_ITEMS)[number];

export interface TariffVersion {
  id: number;
  item: TariffItem;
  validFrom: string;
  validTo: string | null;
  amountRappen: number;
  placeholder: boolean;
  reference: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export type ClaimStatus = 'draft' | 'submitted' | 'checked' | 'approved' | 'exported' | 'paid' | 'returned';

export interface Claim {
  id: string;
  municipality: number;
  period: string;
  periodFrom: string;
  periodTo: string;
  status: ClaimStatus;
  totalRappen: number;
  payableRappen: number;
  checkedBy: string | null;
  approvedBy: string | null;
  exportId: string | null;
  paidOn: string | null;
  draftedAt: string;
  updatedAt: string;
}

/** A line names the case by its id only: the claim carries no names (issue 13). */
export interface ClaimLine {
  entryId: number;
  caseId: string;
  serviceDate: string;
  item: string;
  rateRappen: number;
  amountRappen: number;
  late: boolean;
  disputedReason: string | null;
  /** A correction entry (retroactive tariff change): its reason. */
  correction?: string;
}

export interface ClaimStep {
  step: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorName: string;
  comment: string | null;
  at: string;
}

export interface ClaimDetail extends Claim {
  lines: ClaimLine[];
  steps: ClaimStep[];
}

export interface PayoutExport {
  id: string;
  messageId: string;
  claimIds: string[];
  totalRappen: number;
  pain001Sha256: string;
  createdBy: string;
  createdAt: string;
}

export interface Budget {
  year: number;
  budgetRappen: number | null;
  committedRappen: number;
  approvedRappen: number;
  paidRappen: number;
  remainingRappen: number | null;
  usedPercent: number | null;
  warnPercent: number[];
  warning: number | null;
}

export type PayoutFile = 'csv' | 'pain001';
const FILE_PATH: Record<PayoutFile, string> = { csv: 'booking.csv', pain001: 'pain001.xml' };

/**
 * The payout files as the service stored them, byte for byte (the JSON client reads text as JSON, so the files
 * come through here): the user's token, their correlation id, and the same page errors as every other call.
 */
export async function fetchPayoutFile(
  baseUrl: string,
  tokens: UserTokens,
  request: FastifyRequest,
  exportId: string,
  file: PayoutFile,
): Promise<Buffer> {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokens.accessToken(request)}` };
  const id = correlation.id();
  if (id) headers['x-correlation-id'] = id;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/v1/exports/${exportId}/${FILE_PATH[file]}`, {
      headers,
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new ServiceDown('subsidies');
  }
  if (response.ok) return Buffer.from(await response.arrayBuffer());
  if (response.status === 401) throw new LoginRequired(request.url);
  if (response.status === 403) throw new ForbiddenPage();
  if (response.status === 404) throw new NotFoundPage();
  throw new ServiceDown('subsidies');
}
