import { formatDate } from '../i18n/format.js';
import { parseChf } from '../i18n/money.js';
import type { DfpaCase } from './dfpa.api.js';
import { active, date, words, type DfpaAction } from './dfpa-action.js';
import { ASSESSMENT_ACTION } from './assessment-action.js';
import {
  EXIT_REASONS,
  GOAL_AREAS,
  KIP_AREAS,
  MEASURE_CHANGE,
  NEW_MEASURE_STATUS,
  PLACEMENTS,
  RETURN_REASONS,
  REVIEW_OUTCOMES,
  STRUCTURES,
} from './dfpa-options.js';
import { allRegions } from '../shared/regions.js';

export type { DfpaAction } from './dfpa-action.js';

/** The actions on a DFPA case, in the order the page groups them. */
export const CASE_ACTIONS: readonly DfpaAction<DfpaCase>[] = [
  ASSESSMENT_ACTION,
  {
    id: 'plan',
    title: 'dfpa.action.plan',
    group: 'plan',
    path: '/plans',
    available: active,
    fields: () => [
      date('agreedOn', 'dfpa.form.agreedOn'),
      { kind: 'date', name: 'reviewOn', label: 'dfpa.form.reviewOn', required: true },
      {
        kind: 'rows',
        name: 'goals',
        label: 'dfpa.form.planGoals',
        count: 3,
        hint: 'dfpa.form.planGoalsHint',
        fields: [
          { kind: 'select', name: 'area', label: 'dfpa.form.goalArea', options: GOAL_AREAS, empty: 'form.choose' },
          { kind: 'text', name: 'target', label: 'dfpa.form.target' },
          { kind: 'date', name: 'dueOn', label: 'dfpa.form.dueOn' },
        ],
      },
    ],
  },
  {
    id: 'massnahme',
    title: 'dfpa.action.measure',
    group: 'plan',
    path: '/measures',
    available: (c) => active(c) && c.plan !== null,
    fields: () => [
      { kind: 'text', name: 'title', label: 'dfpa.form.measureTitle', required: true },
      {
        kind: 'select',
        name: 'goalArea',
        label: 'dfpa.form.goalArea',
        options: GOAL_AREAS,
        required: true,
        empty: 'form.choose',
      },
      {
        kind: 'select',
        name: 'structure',
        label: 'dfpa.form.structure',
        options: STRUCTURES,
        empty: 'form.none',
        hint: 'dfpa.form.structureHint',
      },
      { kind: 'text', name: 'offerId', label: 'dfpa.form.offerId', hint: 'dfpa.form.offerIdHint' },
      {
        kind: 'select',
        name: 'kipArea',
        label: 'dfpa.form.kipArea',
        options: KIP_AREAS,
        required: true,
        empty: 'form.choose',
      },
      { kind: 'text', name: 'provider', label: 'dfpa.form.provider', required: true },
      date('from', 'dfpa.form.from'),
      { kind: 'date', name: 'to', label: 'dfpa.form.to', required: true },
      { kind: 'select', name: 'status', label: 'dfpa.form.measureStatus', options: NEW_MEASURE_STATUS, required: true },
      { kind: 'text', name: 'costRappen', label: 'dfpa.form.costChf', required: true, hint: 'dfpa.form.costHint' },
    ],
    // Not an amount: sent as typed, so that the service refuses it with its rule (DF3) next to the field.
    finish: (body) => {
      const typed = String(body['costRappen'] ?? '');
      return { ...body, costRappen: parseChf(typed) ?? typed };
    },
  },
  {
    id: 'massnahme-status',
    title: 'dfpa.action.measureStatus',
    group: 'plan',
    path: '/measures/{measureId}/status',
    available: (c) => active(c) && c.measures.some((m) => m.status === 'planned' || m.status === 'running'),
    fields: (c) => [
      {
        kind: 'select',
        name: 'measureId',
        label: 'dfpa.form.measure',
        required: true,
        options: c.measures
          .filter((m) => m.status === 'planned' || m.status === 'running')
          .map((m) => ({ value: m.measureId, label: '', text: `${m.title} (${m.provider}, ${formatDate(m.from)})` })),
      },
      {
        kind: 'select',
        name: 'status',
        label: 'dfpa.form.newStatus',
        options: MEASURE_CHANGE,
        required: true,
        empty: 'form.choose',
      },
      date('on', 'dfpa.form.statusOn'),
    ],
  },
  {
    id: 'ueberpruefung',
    title: 'dfpa.action.review',
    group: 'plan',
    path: '/reviews',
    available: (c) => active(c) && c.plan !== null,
    fields: () => [
      date('reviewedOn', 'dfpa.form.reviewedOn'),
      {
        kind: 'select',
        name: 'outcome',
        label: 'dfpa.form.reviewOutcome',
        options: REVIEW_OUTCOMES,
        required: true,
        empty: 'form.choose',
      },
      { kind: 'textarea', name: 'reasons', label: 'dfpa.form.reasons', required: true },
      { kind: 'date', name: 'nextReviewOn', label: 'dfpa.form.nextReviewOn' },
    ],
  },
  {
    id: 'fallfuehrung',
    title: 'dfpa.action.caseworkers',
    group: 'fallfuehrung',
    path: '/caseworkers',
    method: 'put',
    available: active,
    fields: () => [
      {
        kind: 'rows',
        name: 'caseworkers',
        label: 'dfpa.form.caseworkers',
        count: 3,
        hint: 'dfpa.form.caseworkersHint',
        fields: [{ kind: 'text', name: 'text', label: 'dfpa.form.username' }],
      },
    ],
    initial: (c) => Object.fromEntries(c.caseworkers.slice(0, 3).map((u, i) => [`caseworkers.${i}.text`, u])),
    finish: (body) => ({ caseworkers: words(body['caseworkers']) }),
  },
  {
    id: 'rav',
    title: 'dfpa.action.rav',
    group: 'fallfuehrung',
    path: '/rav-reports',
    available: active,
    fields: () => [date('reportedOn', 'dfpa.form.reportedOn')],
  },
  {
    id: 'platzierung',
    title: 'dfpa.action.placement',
    group: 'fallfuehrung',
    path: '/placements',
    available: active,
    fields: () => [
      date('placedOn', 'dfpa.form.placedOn'),
      {
        kind: 'select',
        name: 'kind',
        label: 'dfpa.form.placementKind',
        options: PLACEMENTS,
        required: true,
        empty: 'form.choose',
      },
    ],
  },
  {
    id: 'rueckgabe',
    title: 'dfpa.action.return',
    group: 'ende',
    path: '/return',
    available: (c) => active(c) && c.origin === 'handover',
    fields: () => [
      {
        kind: 'select',
        name: 'reasonCode',
        label: 'dfpa.form.returnReason',
        options: RETURN_REASONS,
        required: true,
        empty: 'form.choose',
      },
      { kind: 'textarea', name: 'reason', label: 'dfpa.form.returnNote', hint: 'dfpa.form.noPersonalDataHint' },
    ],
  },
  {
    id: 'abschluss',
    title: 'dfpa.action.closure',
    group: 'ende',
    path: '/closure',
    available: active,
    fields: () => [
      {
        kind: 'select',
        name: 'exitReason',
        label: 'dfpa.form.exitReason',
        options: EXIT_REASONS,
        required: true,
        empty: 'form.choose',
      },
      date('closedOn', 'dfpa.form.closedOn'),
    ],
  },
  {
    id: 'umzug',
    title: 'dfpa.action.move',
    group: 'ende',
    path: '/move',
    available: active,
    fields: (c) => [
      {
        kind: 'select',
        name: 'toSozialregion',
        label: 'dfpa.form.toSozialregion',
        required: true,
        empty: 'form.choose',
        options: allRegions()
          .filter((r) => r.id !== c.sozialregionId)
          .map((r) => ({ value: r.id, label: '', text: r.name })),
        hint: 'dfpa.form.moveHint',
      },
      date('movedOn', 'dfpa.form.movedOn'),
    ],
  },
];

export const CASE_GROUPS = ['abklaerung', 'plan', 'fallfuehrung', 'ende'] as const;

export function caseActionsFor(c: DfpaCase): DfpaAction<DfpaCase>[] {
  return CASE_ACTIONS.filter((a) => a.available?.(c) ?? true);
}
