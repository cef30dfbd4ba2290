import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@si/audit';
import type { Principal } from '@si/auth';
import type { LocalDate } from '@si/kernel';
import type { Outbox } from '@si/messaging';
import { auditActor } from '../../shared/caller.js';
import type { Canton } from '../../shared/canton.js';
import type { Clock } from '../../shared/clock.js';
import { NotFoundError, refuse } from '../../shared/rules.js';
import { assignUnderCapacity } from '../domain/assignment.js';
import { hardViolation, score, suggestions, type Suggestion } from '../domain/matching.js';
import { nextTandemStatus } from '../domain/tandem.js';
import type {
  MentoringRepository,
  MentorRecord,
  RequestRecord,
  Tandem,
} from '../infrastructure/mentoring.repository.js';

export type NewMentor = Omit<MentorRecord, 'id' | 'poolId' | 'load' | 'active'>;
export type NewRequest = Omit<RequestRecord, 'id' | 'poolId' | 'status'>;

/**
 * The Mentoring-Pools (MP1–MP4): a coordinator runs the pools their token names; officers and Sozialregionen send
 * requests for their municipalities to the pool of the municipality's region. Mentors are personal data: every read and
 * change is audited. Tandem starts and ends leave as pseudonymous events.
 */
export class MentoringService {
  private readonly at = (bfs: number) => this.canton.coordinatesOf(bfs);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: MentoringRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly canton: Canton,
    private readonly clock: Clock,
  ) {}

  /** Throws 404 (MP1) unless the caller coordinates the pool: another pool's existence is nobody's business. */
  assertCoordinator(p: Principal, poolId: string): void {
    if (!p.roles.includes('mentoring-koordination') || !(p.mentoringPools ?? []).includes(poolId))
      throw new NotFoundError('Mentoring-Pool', poolId);
  }

  async addMentor(p: Principal, poolId: string, m: NewMentor): Promise<MentorRecord> {
    this.assertCoordinator(p, poolId);
    this.assertMunicipality(m.municipality, '/municipality');
    const mentor: MentorRecord = { ...m, id: randomUUID(), poolId, active: true, load: 0 };
    await this.dataSource.transaction(async (em) => {
      await this.repo.addMentor(em, mentor);
      await this.audit.record(em, {
        actor: auditActor(p),
        action: 'mentor.create',
        objectType: 'mentor',
        objectId: mentor.id,
        municipality: m.municipality,
        outcome: 'granted',
        detail: { poolId, consentOn: m.consentOn },
      });
    });
    return mentor;
  }

  async mentors(p: Principal, poolId: string): Promise<MentorRecord[]> {
    this.assertCoordinator(p, poolId);
    const items = await this.repo.mentors(this.dataSource.manager, poolId);
    await this.audit.recordAlone({
      actor: auditActor(p),
      action: 'mentor.list',
      objectType: 'mentor',
      objectId: poolId,
      outcome: 'granted',
      detail: { count: items.length },
    });
    return items;
  }

  /** A request for a person of the caller's municipalities (officer, Sozialregion) or pool (coordinator). */
  async addRequest(p: Principal, r: NewRequest): Promise<RequestRecord> {
    this.assertMunicipality(r.municipality, '/municipality');
    const poolId = this.canton.regionOfMunicipality(r.municipality);
    const allowed =
      poolId !== undefined &&
      ((p.roles.includes('gemeinde') && p.gemeinden.includes(r.municipality)) ||
        (p.roles.includes('sozialregion') && p.sozialregion === poolId) ||
        (p.roles.includes('mentoring-koordination') && (p.mentoringPools ?? []).includes(poolId)));
    if (!allowed || !poolId) {
      refuse(
        'MP1',
        'not-your-municipality',
        `Sie dürfen für die Gemeinde ${r.municipality} keine Anfrage stellen.`,
        `You may not request for municipality ${r.municipality}.`,
        'forbidden',
        { field: 'municipality' },
      );
    }
    const request: RequestRecord = { ...r, id: randomUUID(), poolId, status: 'open' };
    await this.dataSource.transaction(async (em) => {
      await this.repo.addRequest(em, request, p.subject);
      await this.audit.record(em, {
        actor: auditActor(p),
        action: 'mentoring-request.create',
        objectType: 'mentoring-request',
        objectId: request.id,
        municipality: r.municipality,
        outcome: 'granted',
        detail: { poolId, caseId: r.caseId },
      });
    });
    return request;
  }

  async openRequests(p: Principal, poolId: string): Promise<RequestRecord[]> {
    this.assertCoordinator(p, poolId);
    return this.repo.openRequests(this.dataSource.manager, poolId);
  }

  /** Ranked suggestions with reasons for one open request (MP3); names the mentors, so the read is audited. */
  async suggestionsFor(p: Principal, requestId: string, limit = 3): Promise<(Suggestion & { name: string })[]> {
    const em = this.dataSource.manager;
    const request = await this.visibleRequest(p, em, requestId);
    const found = suggestions(request, await this.repo.candidates(em, request), this.at, limit);
    await this.audit.recordAlone({
      actor: auditActor(p),
      action: 'mentor.suggest',
      objectType: 'mentoring-request',
      objectId: requestId,
      municipality: request.municipality,
      outcome: 'granted',
      detail: { mentors: found.map((s) => s.mentorId) },
    });
    const names = await this.repo.names(
      em,
      found.map((s) => s.mentorId),
    );
    return found.map((s) => ({ ...s, name: names.get(s.mentorId) ?? '' }));
  }

  /** The optimal assignment of all open requests of a pool under the mentors' free capacities (a proposal; the coordinator decides). */
  async assignment(
    p: Principal,
    poolId: string,
  ): Promise<{
    assignments: { requestId: string; mentorId: string | null; score: number | null }[];
    unassigned: number;
  }> {
    this.assertCoordinator(p, poolId);
    const em = this.dataSource.manager;
    const [requests, mentors] = await Promise.all([this.repo.openRequests(em, poolId), this.repo.mentors(em, poolId)]);
    const result = this.optimal(requests, mentors);
    await this.audit.recordAlone({
      actor: auditActor(p),
      action: 'mentor.assign-proposal',
      objectType: 'mentoring-pool',
      objectId: poolId,
      outcome: 'granted',
      detail: { requests: requests.length },
    });
    return result;
  }

  /** Pure part of `assignment`, also used by the benchmark. */
  optimal(requests: readonly RequestRecord[], mentors: readonly MentorRecord[]) {
    const free = mentors.map((m) => ({ capacity: Math.max(0, m.capacity - m.load) }));
    const scores = new Map<string, number>();
    const chosen = assignUnderCapacity({
      requests: requests.length,
      mentors: free,
      cost: (r, k) => {
        const request = requests[r];
        const mentor = mentors[k];
        if (!request || !mentor || hardViolation(mentor, request, this.at, false)) return undefined;
        const s = score(mentor, request, this.at).score;
        scores.set(`${r}:${k}`, s);
        return 100 - s;
      },
    });
    const assignments = requests.map((request, r) => {
      const mentor = mentors[chosen[r] ?? -1];
      return {
        requestId: request.id,
        mentorId: mentor?.id ?? null,
        score: mentor ? (scores.get(`${r}:${chosen[r]}`) ?? null) : null,
      };
    });
    return { assignments, unassigned: assignments.filter((a) => !a.mentorId).length };
  }

  async propose(p: Principal, requestId: string, mentorId: string): Promise<Tandem> {
    return this.dataSource.transaction(async (em) => {
      const request = await this.repo.request(em, requestId, true);
      if (!request) throw new NotFoundError('Anfrage', requestId);
      this.assertCoordinator(p, request.poolId);
      const [mentor] = await this.repo.mentors(em, request.poolId, mentorId);
      if (!mentor) throw new NotFoundError('Mentor/in', mentorId);
      if (request.status !== 'open')
        refuse('MP4', 'request-not-open', 'Die Anfrage ist nicht mehr offen.', 'The request is not open.', 'conflict');
      const violation = hardViolation(mentor, request, this.at);
      if (violation)
        refuse(
          violation === 'no free capacity' ? 'MP4' : 'MP3',
          'hard-constraint',
          `Dieses Tandem verletzt eine feste Bedingung: ${violation}.`,
          `The pair breaks a hard constraint: ${violation}.`,
          'conflict',
          { violation },
        );
      const tandem: Tandem = {
        id: randomUUID(),
        poolId: request.poolId,
        requestId,
        mentorId,
        status: 'proposed',
        proposedOn: this.clock.today(),
        startedOn: null,
        endedOn: null,
        endReason: null,
        outcome: null,
        checkIns: [],
      };
      await this.repo.addTandem(em, tandem);
      await this.repo.setRequestStatus(em, requestId, 'matched');
      await this.audit.record(em, {
        actor: auditActor(p),
        action: 'tandem.propose',
        objectType: 'tandem',
        objectId: tandem.id,
        municipality: request.municipality,
        outcome: 'granted',
        detail: { requestId, mentorId },
      });
      return tandem;
    });
  }

  async tandems(p: Principal, poolId: string): Promise<Tandem[]> {
    this.assertCoordinator(p, poolId);
    return this.repo.tandems(this.dataSource.manager, poolId);
  }

  async changeTandem(
    p: Principal,
    id: string,
    step: 'activate' | 'end' | 'decline' | 'check-in',
    input: { on: LocalDate; note?: string; reason?: string; outcome?: string },
  ): Promise<Tandem> {
    return this.dataSource.transaction(async (em) => {
      const tandem = await this.repo.tandem(em, id, true);
      if (!tandem) throw new NotFoundError('Tandem', id);
      this.assertCoordinator(p, tandem.poolId);
      if (input.on > this.clock.today())
        refuse(
          'MP4',
          'date-in-future',
          'Das Datum liegt in der Zukunft.',
          'The date lies in the future.',
          'unprocessable',
          { field: 'on' },
        );
      const status = nextTandemStatus(tandem.status, step);
      const updated: Tandem = {
        ...tandem,
        status,
        ...(step === 'activate' ? { startedOn: input.on } : {}),
        ...(step === 'end'
          ? { endedOn: input.on, endReason: input.reason ?? 'other', outcome: input.outcome ?? 'unknown' }
          : {}),
        ...(step === 'check-in' ? { checkIns: [...tandem.checkIns, { on: input.on, note: input.note ?? '' }] } : {}),
      };
      await this.repo.saveTandem(em, updated);
      const request = await this.repo.request(em, tandem.requestId);
      if (!request) throw new NotFoundError('Anfrage', tandem.requestId); // the foreign key makes this unreachable
      if (step === 'decline') await this.repo.setRequestStatus(em, request.id, 'open');
      if (step === 'end') await this.repo.setRequestStatus(em, request.id, 'closed');
      const base = {
        tandemId: id,
        poolId: tandem.poolId,
        municipality: request.municipality,
        menteeRef: request.menteeRef,
        mentorRef: tandem.mentorId,
        on: input.on,
      };
      if (step === 'activate')
        await this.outbox.add(em, {
          type: 'mentoring.tandem-activated.v1',
          subject: id,
          data: { ...base, caseId: request.caseId },
        });
      if (step === 'end')
        await this.outbox.add(em, {
          type: 'mentoring.tandem-ended.v1',
          subject: id,
          data: { ...base, reason: updated.endReason, outcome: updated.outcome, checkIns: updated.checkIns.length },
        });
      await this.audit.record(em, {
        actor: auditActor(p),
        action: `tandem.${step}`,
        objectType: 'tandem',
        objectId: id,
        municipality: request.municipality,
        outcome: 'granted',
      });
      return updated;
    });
  }

  private async visibleRequest(p: Principal, em: EntityManager, id: string): Promise<RequestRecord> {
    const request = await this.repo.request(em, id);
    if (!request) throw new NotFoundError('Anfrage', id);
    this.assertCoordinator(p, request.poolId);
    return request;
  }

  private assertMunicipality(bfs: number, pointer: string): void {
    if (!this.canton.isMunicipality(bfs))
      refuse(
        'MP1',
        'unknown-municipality',
        `${bfs} ist keine Solothurner Gemeinde.`,
        `${bfs} is not a Solothurn municipality.`,
        'unprocessable',
        { field: pointer },
      );
  }
}
