import { randomUUID } from 'node:crypto';
import {
  recordHouseholdFirstInformationTalk,
  type Case,
  type CommandContext,
  type FirstInformationTalkInput,
  type InfoFolderInput,
  type NoShowInput,
  type RefusalInput,
} from '../domain/index.js';
import type { CaseAction, CaseBatchAction } from './case-command.runner.js';
import { rolesOf } from './command-roles.js';

/** Informieren (R1, R2, R9): info folder, first-information talk (also for a whole household), no-show, refusal. */
export const recordInfoFolder = (input: Omit<InfoFolderInput, 'form'>): CaseAction => ({
  name: 'record-info-folder',
  roles: rolesOf('recordFirstInformation'),
  apply: (c, ctx) => c.recordFirstInformation({ form: 'info-folder', ...input }, ctx),
});

export type TalkInput = Omit<FirstInformationTalkInput, 'form' | 'talkId'>;

/** One talk for one or several cases of a household: every case gets the same record (same talk id), or none does. */
export function recordFirstInformationTalk(input: TalkInput): CaseBatchAction {
  const talk: FirstInformationTalkInput = { form: 'talk', talkId: randomUUID(), ...input };
  return {
    name: 'record-first-information-talk',
    roles: rolesOf('recordFirstInformation'),
    apply: (cases: Case[], ctx: CommandContext) => {
      const [only, ...more] = cases;
      return only && more.length === 0
        ? new Map([[only.id, only.recordFirstInformation(talk, ctx)]])
        : recordHouseholdFirstInformationTalk(cases, talk, ctx);
    },
  };
}

export const recordNoShow = (input: NoShowInput): CaseAction => ({
  name: 'record-first-information-no-show',
  roles: rolesOf('recordFirstInformationNoShow'),
  apply: (c, ctx) => c.recordFirstInformationNoShow(input, ctx),
});

export const recordRefusal = (input: RefusalInput): CaseAction => ({
  name: 'record-first-information-refusal',
  roles: rolesOf('recordFirstInformationRefusal'),
  apply: (c, ctx) => c.recordFirstInformationRefusal(input, ctx),
});
