/**
 * What the dfpa service answers (contracts/openapi/dfpa.openapi.json), as far as the screens read it. The region
 * comes from the user's token; the service decides what each caller sees (health only for the case's caseworkers).
 */

export interface DfpaPersonView {
  personRef?: string;
  officialName: string;
  firstName: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'unknown';
  vn?: string;
  nationality?: { bfsCode: number; iso2: string | null } | null;
  permitCode?: string | null;
  language?: string | null;
  address?: { street: string; houseNumber?: string; postalCode: string; town: string } | null;
  phone?: string;
  email?: string;
}

/** The municipal case's summary as case.dfpa-handover-requested.v1 carries it. */
export interface HandoverCaseSummary {
  phase: string;
  registrationDate: string;
  firstInformation: {
    outcome: string;
    form: string | null;
    completedOn: string | null;
    supportNeed: string | null;
    languageSkills: { language: string; oral: string; written: string }[];
  };
  referrals: { referralId: string; madeOn: string; category: string; measure: string | null; status: string }[];
  integrationTalks: unknown[];
  agreements: unknown[];
  reportToMigrationsamtOpen: boolean;
}

export interface InboxItem {
  handoverId: string;
  caseId: string;
  municipality: number;
  requestedOn: string;
  answerDueOn: string;
  overdue: boolean;
  reminded: boolean;
  status: string;
  person: DfpaPersonView;
  reason?: string;
  contact?: { name: string; email?: string; phone?: string } | null;
  caseSummary?: HandoverCaseSummary;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export type DfpaCaseStatus = 'active' | 'returned' | 'closed' | 'moved';

export interface DfpaCaseSummary {
  dfpaCaseId: string;
  sozialregionId: string;
  origin: 'handover' | 'direct';
  caseId: string | null;
  municipality: number | null;
  personRef: string;
  name: string | null;
  status: DfpaCaseStatus;
  progress: 'accepted' | 'assessment-done' | 'plan-active';
  caseworkers: string[];
  openedOn: string;
  nextReviewOn: string | null;
}

export interface LanguageSkill {
  language: string;
  oral: string;
  written: string;
  evidence: string;
  assessedOn: string;
}

export interface HealthConstraints {
  restriction: string;
  workCapacityPercent: number | null;
  note: string | null;
}

/** One version of the potential assessment; `health` is present only when the service shows it to this user (R22). */
export interface AssessmentVersion {
  version: number;
  recordedBy: string;
  recordedAt: string;
  kind: string;
  assessedOn: string;
  languages: LanguageSkill[];
  yearsOfSchooling: number;
  literacy: { anyScript: boolean; latinScript: boolean };
  qualifications: { title: string; country: string; years: number; recognition: string }[];
  workExperience: { field: string; years: number }[];
  family: { childrenAges: number[]; childcareNeeded: boolean; childcareArranged: boolean };
  employability: { status: string; assessedOn: string | null };
  goals: string[];
  health?: HealthConstraints | null;
}

export interface PlanView {
  version: number;
  agreedOn: string;
  goals: { area: string; target: string; dueOn: string }[];
  reviewOn: string;
}

export interface MeasureView {
  measureId: string;
  goalArea: string;
  structure: string | null;
  offerId: string | null;
  kipArea: string;
  title: string;
  provider: string;
  from: string;
  to: string;
  status: string;
  costRappen: number;
  endedOn: string | null;
}

export interface ReviewView {
  reviewedOn: string;
  outcome: string;
  reasons: string;
  nextReviewOn: string | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

export interface DfpaCaseDetail extends DfpaCaseSummary {
  handoverId: string | null;
  person: DfpaPersonView | null;
  plan: PlanView | null;
  measures: MeasureView[];
  reviews: ReviewView[];
  ravReports: { reportedOn: string }[];
  placements: { placedOn: string; kind: string }[];
  exit: { on: string; kind: string; reason: string; toSozialregion?: string } | null;
  version: number;
  assessments: AssessmentVersion[];
  deadlines: { kind: string; ref?: string; dueOn: string; remindOn?: string }[];
  history: HistoryEntry[];
}

/** The case as the screens handle it: `id` is the DFPA case id (what the shared action form posts to). */
export type DfpaCase = DfpaCaseDetail & { id: string };
