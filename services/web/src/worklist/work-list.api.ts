/** The work list as case-management answers it (GET /api/v1/cases). */
export interface WorkListItem {
  id: string;
  municipality: number;
  phase: string;
  status: string;
  person: { personRef: string; officialName: string; firstName: string } | null;
  householdRef: string | null;
  due: string | null;
  dueKind: 'first-information' | 'agreement-review' | null;
  overdue: boolean;
  firstInformationDue: string | null;
  firstInformationDeadline: 'pending' | 'suspended' | 'met';
  registrationDate: string;
  openedAt: string;
  nationality: { bfsCode: number; iso2: string | null };
  language: string | null;
  sozialregion: string | null;
}

export interface WorkListPage {
  items: WorkListItem[];
  nextCursor: string | null;
  limit: number;
}

export const PHASES = ['informieren', 'foerdern', 'fordern', 'sanktionieren'] as const;
export const STATUSES = ['open', 'dfpa-handover-requested', 'at-sozialregion', 'closed'] as const;
export const SORTS = [
  'due',
  '-due',
  'name',
  '-name',
  'registrationDate',
  '-registrationDate',
  'openedAt',
  '-openedAt',
] as const;
