/** The case detail as case-management answers it (GET /api/v1/cases/{id}); loose where the role view varies. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actorId?: string;
  role: string;
  action: string;
  reason?: string;
  details?: Record<string, unknown>;
}

export interface CaseDetail {
  id: string;
  version: number;
  municipality: number;
  status: string;
  phase: string;
  atSozialregion: string | null;
  /** The coarse DFPA status (R25): requested, accepted, assessment-done, plan-active, closed, rejected, returned. */
  dfpaStatus?: string | null;
  handover: { sozialregionId?: string; requestedAt?: string; status?: string } | null;
  registrationDate: string;
  arrivalDate?: string;
  firstInformationDeadline: { due?: string; status?: string; suspendedSince?: string | null };
  closure?: { on?: string; reason?: string } | null;
  person: {
    officialName?: string;
    firstName?: string;
    sex?: string;
    birthYear?: number;
    language?: string | null;
    euEfta?: boolean;
    familyOfSwiss?: boolean;
    nationality?: { bfsCode: number; iso2: string | null };
    permit?: { code?: string; category?: string } | null;
    householdRef?: string | null;
  } | null;
  subject?: { nationality?: { bfsCode: number }; euEfta?: boolean };
  firstInformation?: { outcome: string; record: Record<string, unknown> | null; noShows: unknown[]; refusal: unknown };
  referrals?: { referralId: string; status: string; measure?: string; category?: string; madeOn?: string }[];
  integrationTalks?: { talkId: string; heldOn: string }[];
  agreements?: { agreementId: string; concludedOn: string; reviewOn: string; review?: unknown; reviewed?: unknown }[];
  reports?: { reportId: string; reportedOn: string; status: string; review?: unknown; decision?: unknown }[];
  household?: {
    id: string;
    officialName: string;
    firstName: string;
    phase: string;
    status: string;
    firstInformation: string;
  }[];
  history: HistoryEntry[];
}
