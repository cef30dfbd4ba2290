import type { EntityManager } from 'typeorm';
import type { Mentor, MentoringRequest } from '../domain/matching.js';
import type { TandemStatus } from '../domain/tandem.js';

export interface MentorRecord extends Mentor {
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface RequestRecord extends MentoringRequest {
  readonly caseId: string | null;
  readonly menteeRef: string;
  readonly status: 'open' | 'matched' | 'closed';
}

export interface Tandem {
  readonly id: string;
  readonly poolId: string;
  readonly requestId: string;
  readonly mentorId: string;
  readonly status: TandemStatus;
  readonly proposedOn: string;
  readonly startedOn: string | null;
  readonly endedOn: string | null;
  readonly endReason: string | null;
  readonly outcome: string | null;
  readonly checkIns: readonly { readonly on: string; readonly note: string }[];
}

const MENTOR = `SELECT m.id, m.pool_id, m.name, m.email, m.phone, m.consent_on::text, m.active, m.languages, m.municipality, m.interests, m.availability,
  m.capacity, m.gender, (SELECT count(*)::int FROM tandem t WHERE t.mentor_id = m.id AND t.status IN ('proposed', 'active')) AS load FROM mentor m`;
const REQUEST = `SELECT id, pool_id, case_id, mentee_ref, municipality, languages, goals, interests, availability, hard, soft, status FROM mentoring_request`;
const TANDEM = `SELECT id, pool_id, request_id, mentor_id, status, proposed_on::text, started_on::text, ended_on::text, end_reason, outcome, check_ins FROM tandem`;

/* eslint-disable @typescript-eslint/no-explicit-any -- rows of raw SQL, mapped field by field below */
const toMentor = (r: any): MentorRecord => ({
  id: r.id,
  poolId: r.pool_id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  consentOn: r.consent_on,
  active: r.active,
  languages: r.languages,
  municipality: r.municipality,
  interests: r.interests,
  availability: r.availability,
  capacity: r.capacity,
  load: r.load,
  gender: r.gender,
});
const toRequest = (r: any): RequestRecord => ({
  id: r.id,
  poolId: r.pool_id,
  caseId: r.case_id,
  menteeRef: r.mentee_ref,
  municipality: r.municipality,
  languages: r.languages,
  goals: r.goals,
  interests: r.interests,
  availability: r.availability,
  hard: r.hard,
  soft: r.soft,
  status: r.status,
});
const toTandem = (r: any): Tandem => ({
  id: r.id,
  poolId: r.pool_id,
  requestId: r.request_id,
  mentorId: r.mentor_id,
  status: r.status,
  proposedOn: r.proposed_on,
  startedOn: r.started_on,
  endedOn: r.ended_on,
  endReason: r.end_reason,
  outcome: r.outcome,
  checkIns: r.check_ins,
});
/* eslint-enable @typescript-eslint/no-explicit-any */

export class MentoringRepository {
  async addMentor(em: EntityManager, m: MentorRecord): Promise<void> {
    await em.query(
      `INSERT INTO mentor (id, pool_id, name, email, phone, consent_on, active, languages, municipality, interests, availability, capacity, gender)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [
        m.id,
        m.poolId,
        m.name,
        m.email,
        m.phone,
        m.consentOn,
        m.active,
        JSON.stringify(m.languages),
        m.municipality,
        m.interests,
        m.availability,
        m.capacity,
        m.gender,
      ],
    );
  }

  async mentors(em: EntityManager, poolId: string, lockFor?: string): Promise<MentorRecord[]> {
    return (
      (await em.query(
        `${MENTOR} WHERE m.pool_id = $1 ${lockFor ? 'AND m.id = $2 FOR UPDATE OF m' : 'ORDER BY m.id'}`,
        lockFor ? [poolId, lockFor] : [poolId],
      )) as unknown[]
    ).map(toMentor);
  }

  /**
   * The mentors of the request's pool who can be matched at all: active, with a language the mentee speaks at A2 or
   * better among their own (`speaks`, indexed), an overlapping time and the required gender. Only what the matching
   * reads, no names or contacts; the domain still checks every hard constraint (MP3), this only spares it the rest.
   */
  async candidates(em: EntityManager, r: MentoringRequest): Promise<Mentor[]> {
    const speaks = r.languages.filter((l) => l.level !== 'A1').map((l) => l.code);
    const rows: unknown[] = await em.query(
      `SELECT m.id, m.pool_id, NULL AS name, NULL AS email, NULL AS phone, m.consent_on::text, m.active, m.languages, m.municipality,
              m.interests, m.availability, m.capacity, m.gender, coalesce(t.load, 0) AS load
       FROM mentor m
       LEFT JOIN LATERAL (SELECT count(*)::int AS load FROM tandem t WHERE t.mentor_id = m.id AND t.status IN ('proposed', 'active')) t ON true
       WHERE m.pool_id = $1 AND m.active AND m.speaks && $2::text[] AND m.availability && $3::text[] AND ($4::text IS NULL OR m.gender = $4)`,
      [r.poolId, speaks, r.availability, r.hard.mentorGender ?? null],
    );
    return rows.map(toMentor);
  }

  /** The names of a few mentors (those suggested). */
  async names(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await em.query(
      'SELECT id, name FROM mentor WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async addRequest(em: EntityManager, r: RequestRecord, createdBy: string): Promise<void> {
    await em.query(
      `INSERT INTO mentoring_request (id, pool_id, case_id, mentee_ref, municipality, languages, goals, interests, availability, hard, soft, status, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [
        r.id,
        r.poolId,
        r.caseId,
        r.menteeRef,
        r.municipality,
        JSON.stringify(r.languages),
        r.goals,
        r.interests,
        r.availability,
        JSON.stringify(r.hard),
        JSON.stringify(r.soft),
        r.status,
        createdBy,
      ],
    );
  }

  async request(em: EntityManager, id: string, lock = false): Promise<RequestRecord | undefined> {
    const rows = (await em.query(`${REQUEST} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as unknown[];
    return rows[0] ? toRequest(rows[0]) : undefined;
  }

  async openRequests(em: EntityManager, poolId: string): Promise<RequestRecord[]> {
    return (
      (await em.query(`${REQUEST} WHERE pool_id = $1 AND status = 'open' ORDER BY created_at, id`, [
        poolId,
      ])) as unknown[]
    ).map(toRequest);
  }

  async setRequestStatus(em: EntityManager, id: string, status: RequestRecord['status']): Promise<void> {
    await em.query('UPDATE mentoring_request SET status = $2 WHERE id = $1', [id, status]);
  }

  async addTandem(em: EntityManager, t: Tandem): Promise<void> {
    await em.query(
      'INSERT INTO tandem (id, pool_id, request_id, mentor_id, status, proposed_on) VALUES ($1,$2,$3,$4,$5,$6)',
      [t.id, t.poolId, t.requestId, t.mentorId, t.status, t.proposedOn],
    );
  }

  async tandem(em: EntityManager, id: string, lock = false): Promise<Tandem | undefined> {
    const rows = (await em.query(`${TANDEM} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id])) as unknown[];
    return rows[0] ? toTandem(rows[0]) : undefined;
  }

  async tandems(em: EntityManager, poolId: string): Promise<Tandem[]> {
    return ((await em.query(`${TANDEM} WHERE pool_id = $1 ORDER BY proposed_on DESC, id`, [poolId])) as unknown[]).map(
      toTandem,
    );
  }

  async saveTandem(em: EntityManager, t: Tandem): Promise<void> {
    await em.query(
      'UPDATE tandem SET status = $2, started_on = $3, ended_on = $4, end_reason = $5, outcome = $6, check_ins = $7 WHERE id = $1',
      [t.id, t.status, t.startedOn, t.endedOn, t.endReason, t.outcome, JSON.stringify(t.checkIns)],
    );
  }
}
