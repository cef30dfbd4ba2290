/** What the offers service's Mentoring-Pools answer (services/offers README, "Mentoring-Pools"). */
export interface LanguageSkill {
  code: string;
  level: string;
}

export interface Mentor {
  id: string;
  poolId: string;
  name: string;
  email: string | null;
  phone: string | null;
  consentOn: string | null;
  active: boolean;
  languages: LanguageSkill[];
  municipality: number;
  interests: string[];
  availability: string[];
  capacity: number;
  load: number;
  gender: string;
}

export interface MentoringRequest {
  id: string;
  poolId: string;
  caseId: string | null;
  menteeRef: string;
  municipality: number;
  languages: LanguageSkill[];
  goals: string[];
  interests: string[];
  availability: string[];
  hard: { mentorGender?: string; maxDistanceKm?: number };
  soft: { mentorGender?: string };
  status: 'open' | 'matched' | 'closed';
}

export interface Suggestion {
  mentorId: string;
  name: string;
  score: number;
  reasons: { kind: string; points: number; detail: string }[];
}

export interface Assignment {
  assignments: { requestId: string; mentorId: string | null; score: number | null }[];
  unassigned: number;
}

export interface Tandem {
  id: string;
  poolId: string;
  requestId: string;
  mentorId: string;
  status: 'proposed' | 'active' | 'ended' | 'declined';
  proposedOn: string;
  startedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  outcome: string | null;
  checkIns: { on: string; note: string }[];
}

export const END_REASONS = ['completed', 'dropped', 'moved', 'other'] as const;
export const OUTCOMES = ['goals-reached', 'partly-reached', 'not-reached', 'unknown'] as const;
