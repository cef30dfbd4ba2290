import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@si/auth';
import { actorFor } from '../../shared/caller.js';
import type { CaseDetailView } from './case-view.js';
import { CaseCommandRunner, type CaseAction, type CaseBatchAction } from './case-command.runner.js';
import { CaseQueries } from './case-queries.js';

/** What the action routes call: run the action, answer with the case as the caller may now see it. */
@Injectable()
export class CaseActions {
  constructor(
    @Inject(CaseCommandRunner) private readonly runner: CaseCommandRunner,
    @Inject(CaseQueries) private readonly queries: CaseQueries,
  ) {}

  async act(principal: Principal, caseId: string, action: CaseAction): Promise<CaseDetailView> {
    const loaded = await this.runner.run(principal, caseId, action);
    return this.queries.actionAnswer(principal, loaded, actorFor(principal, action.roles));
  }

  /** The batch answers with the first case (the one the route named). */
  async actOnMany(principal: Principal, caseIds: readonly string[], action: CaseBatchAction): Promise<CaseDetailView> {
    const loadedAll = await this.runner.runMany(principal, caseIds, action);
    const [head] = loadedAll;
    const first = loadedAll.find((l) => l.case.id === caseIds[0]) ?? head;
    if (!first) throw new Error('a batch action ran on no case');
    return this.queries.actionAnswer(principal, first, actorFor(principal, action.roles));
  }
}
