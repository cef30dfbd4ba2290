/** What the reporting service's self-declaration routes answer (services/reporting/src/self-declaration). */
export const QUESTION_TYPES = ['yesno', 'single', 'multi', 'number', 'text', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Option {
  value: string;
  label: string;
}

export interface Question {
  key: string;
  type: QuestionType;
  label: string;
  required: boolean;
  options?: Option[];
  min?: number;
  max?: number;
  maxLength?: number;
  prefill?: string;
}

export interface Section {
  key: string;
  title: string;
  questions: Question[];
}

export interface QuestionnaireDefinition {
  title: string;
  sections: Section[];
}

export interface Questionnaire {
  id: string;
  year: number;
  version: number;
  status: 'draft' | 'published';
  definition: QuestionnaireDefinition;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
}

export interface Round {
  id: string;
  year: number;
  questionnaireId: string;
  questionnaireVersion: number;
  deadline: string;
  openedBy: string;
  openedAt: string;
}

export type ResponseState = 'not-started' | 'draft' | 'submitted' | 'returned' | 'accepted';
export type Answer = boolean | number | string | string[] | null;
export type Answers = Record<string, Answer>;

export interface ResponseSummary {
  municipality: number;
  name: string;
  state: ResponseState;
  submittedAt: string | null;
  late: boolean;
}

export interface ResponseView extends ResponseSummary {
  roundId: string;
  year: number;
  deadline: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Answers;
  prefilledFrom: Record<string, 'previous-year' | 'platform'>;
  answeredByLeitgemeinde: boolean;
  comment: string | null;
  history: { at: string; actor: string; action: string; state: string; comment: string | null }[];
  reminders: { kind: string; dueOn: string; sentAt: string }[];
}

export interface QuestionResult {
  key: string;
  label: string;
  type: QuestionType;
  answered: number;
  options?: { value: string; label: string; count: number; sharePercent: number }[];
  numbers?: { sum: number; mean: number; median: number };
  previousYear?: {
    year: number;
    questionnaireVersion: number;
    answered: number;
    options?: { value: string; label: string; count: number; sharePercent: number }[];
    numbers?: { sum: number; mean: number; median: number };
  };
}

export interface RoundResults {
  roundId: string;
  year: number;
  questionnaireVersion: number;
  municipalities: number;
  byState: Record<ResponseState, number>;
  shareSubmittedPercent: number;
  questions: QuestionResult[];
}

/** The editable states of a response (the municipality may still save and submit). */
export const EDITABLE: readonly ResponseState[] = ['not-started', 'draft', 'returned'];
