import { swissToday } from '../i18n/format.js';
import { municipalityName } from '../shared/reference-data.js';
import type { InboxItem } from './dfpa.api.js';
import { date, type DfpaAction } from './dfpa-action.js';
import { REJECT_REASONS, SEX } from './dfpa-options.js';
import { municipalitiesOf } from '../shared/regions.js';

/** The actions that bring a case in: answering a hand-over (take over, send back) and the direct opening. */

/** The hand-over as the inbox's forms handle it: `id` is the hand-over id. */
export type HandoverForForm = InboxItem & { id: string };

export const HANDOVER_ACTIONS: readonly DfpaAction<HandoverForForm>[] = [
  {
    id: 'annehmen',
    title: 'dfpa.action.accept',
    path: '/acceptance',
    fields: () => [
      {
        kind: 'text',
        name: 'caseworker',
        label: 'dfpa.form.caseworker',
        required: true,
        hint: 'dfpa.form.caseworkerHint',
      },
    ],
    initial: (_c, username) => ({ caseworker: username }),
  },
  {
    id: 'ablehnen',
    title: 'dfpa.action.reject',
    path: '/rejection',
    fields: () => [
      {
        kind: 'select',
        name: 'reasonCode',
        label: 'dfpa.form.rejectReason',
        options: REJECT_REASONS,
        required: true,
        empty: 'form.choose',
      },
      { kind: 'textarea', name: 'reason', label: 'dfpa.form.rejectNote', hint: 'dfpa.form.noPersonalDataHint' },
    ],
  },
];

/** The form to open a case directly (VA/FL the canton assigned, R16): no object yet, so `id` names the form. */
export interface DirectCaseForm {
  id: 'neu';
  sozialregion: string | undefined;
}

export const DIRECT_CASE: DfpaAction<DirectCaseForm> = {
  id: 'eroeffnen',
  title: 'dfpa.action.openDirect',
  path: '',
  fields: (f) => [
    { kind: 'text', name: 'personRef', label: 'dfpa.form.personRef', required: true, hint: 'dfpa.form.personRefHint' },
    {
      kind: 'fieldset',
      name: 'person',
      label: 'dfpa.form.person',
      fields: [
        { kind: 'text', name: 'officialName', label: 'dfpa.form.officialName', required: true },
        { kind: 'text', name: 'firstName', label: 'dfpa.form.firstName', required: true },
        { kind: 'date', name: 'dateOfBirth', label: 'dfpa.form.dateOfBirth', required: true },
        { kind: 'select', name: 'sex', label: 'dfpa.form.sex', options: SEX, required: true, empty: 'form.choose' },
        { kind: 'text', name: 'vn', label: 'dfpa.form.vn', hint: 'dfpa.form.vnHint' },
        { kind: 'text', name: 'permitCode', label: 'dfpa.form.permitCode' },
      ],
    },
    {
      kind: 'select',
      name: 'municipality',
      label: 'dfpa.form.municipality',
      empty: 'form.none',
      options: municipalitiesOf(f.sozialregion)
        .map((bfs) => ({ value: String(bfs), label: '', text: municipalityName(bfs) }))
        .sort((a, b) => a.text.localeCompare(b.text, 'de-CH')),
    },
    { kind: 'text', name: 'caseworker', label: 'dfpa.form.caseworker', required: true },
    date('assignedOn', 'dfpa.form.assignedOn'),
  ],
  initial: (_f, username) => ({ caseworker: username, assignedOn: swissToday() }),
  finish: (body) => (body['municipality'] ? { ...body, municipality: Number(body['municipality']) } : body),
};
