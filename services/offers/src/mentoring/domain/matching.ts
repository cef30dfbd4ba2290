import { distanceKm } from '../../shared/municipality-coordinates.js';

export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
/** Weekly slots: day and part of day, e.g. `mo-evening`. */
export const SLOT = /^(mo|tu|we|th|fr|sa|su)-(morning|afternoon|evening)$/;
export type Gender = 'female' | 'male' | 'diverse';

export interface Mentor {
  readonly id: string;
  readonly poolId: string;
  readonly consentOn: string | null;
  readonly active: boolean;
  readonly languages: readonly { readonly code: string; readonly level: LanguageLevel }[];
  readonly municipality: number;
  readonly interests: readonly string[];
  readonly availability: readonly string[];
  readonly capacity: number;
  /** Tandems proposed or active now. */
  readonly load: number;
  readonly gender: Gender;
}

export interface MentoringRequest {
  readonly id: string;
  readonly poolId: string;
  readonly municipality: number;
  readonly languages: readonly { readonly code: string; readonly level: LanguageLevel }[];
  readonly goals: readonly string[];
  readonly interests: readonly string[];
  readonly availability: readonly string[];
  /** Must hold (MP3): a woman mentor, at most so far away. */
  readonly hard: { readonly mentorGender?: Gender; readonly maxDistanceKm?: number };
  /** Preferred, scored. */
  readonly soft: { readonly mentorGender?: Gender };
}

export interface Reason {
  readonly kind: 'languages' | 'distance' | 'availability' | 'interests' | 'preference';
  readonly points: number;
  readonly detail: string;
}

export interface Suggestion {
  readonly mentorId: string;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

const A2 = LANGUAGE_LEVELS.indexOf('A2');
const level = (l: LanguageLevel) => LANGUAGE_LEVELS.indexOf(l);

/** Languages both speak at A2 or better: the least a tandem needs to talk. */
export function sharedLanguages(m: Pick<Mentor, 'languages'>, r: Pick<MentoringRequest, 'languages'>): string[] {
  return r.languages
    .filter((rl) => level(rl.level) >= A2 && m.languages.some((ml) => ml.code === rl.code && level(ml.level) >= A2))
    .map((l) => l.code);
}

/** Which hard constraint the pair breaks, or undefined (MP2, MP3); `coordinates` knows the municipalities' places. */
export function hardViolation(
  m: Mentor,
  r: MentoringRequest,
  coordinates: (bfs: number) => readonly [number, number] | undefined,
  needFreeCapacity = true,
): string | undefined {
  if (m.poolId !== r.poolId) return 'another pool';
  if (!m.consentOn || !m.active) return 'no consent or not active';
  if (needFreeCapacity && m.load >= m.capacity) return 'no free capacity';
  if (sharedLanguages(m, r).length === 0) return 'no shared language at A2 or above';
  if (r.hard.mentorGender && m.gender !== r.hard.mentorGender) return `mentor gender must be ${r.hard.mentorGender}`;
  if (!m.availability.some((s) => r.availability.includes(s))) return 'no overlapping availability';
  if (r.hard.maxDistanceKm !== undefined) {
    const d = kmBetween(m.municipality, r.municipality, coordinates);
    if (d === undefined || d > r.hard.maxDistanceKm) return `farther than ${r.hard.maxDistanceKm} km`;
  }
  return undefined;
}

function kmBetween(
  a: number,
  b: number,
  coordinates: (bfs: number) => readonly [number, number] | undefined,
): number | undefined {
  if (a === b) return 0;
  const [pa, pb] = [coordinates(a), coordinates(b)];
  return pa && pb ? distanceKm(pa, pb) : undefined;
}

/** The score (0–100) of an allowed pair with its reasons: languages 30, distance 25, availability 20, interests 15, preference 10. */
export function score(
  m: Mentor,
  r: MentoringRequest,
  coordinates: (bfs: number) => readonly [number, number] | undefined,
): Suggestion {
  const reasons: Reason[] = [];
  const shared = sharedLanguages(m, r);
  reasons.push({
    kind: 'languages',
    points: Math.min(30, 20 + 10 * (shared.length - 1)),
    detail: `gemeinsame Sprachen: ${shared.join(', ')}`,
  });
  const km = kmBetween(m.municipality, r.municipality, coordinates);
  const distancePoints = km === undefined ? 0 : km <= 5 ? 25 : km <= 15 ? 15 : km <= 30 ? 5 : 0;
  reasons.push({
    kind: 'distance',
    points: distancePoints,
    detail: km === undefined ? 'Distanz unbekannt' : `${Math.round(km)} km`,
  });
  const slots = m.availability.filter((s) => r.availability.includes(s));
  reasons.push({
    kind: 'availability',
    points: Math.min(20, 5 * slots.length),
    detail: `gemeinsame Zeiten: ${slots.join(', ')}`,
  });
  const interests = m.interests.filter((i) => r.interests.includes(i) || r.goals.includes(i));
  reasons.push({
    kind: 'interests',
    points: Math.min(15, 5 * interests.length),
    detail: interests.length ? `gemeinsame Interessen: ${interests.join(', ')}` : 'keine gemeinsamen Interessen',
  });
  if (r.soft.mentorGender)
    reasons.push({
      kind: 'preference',
      points: m.gender === r.soft.mentorGender ? 10 : 0,
      detail: `Wunsch: ${r.soft.mentorGender}`,
    });
  return { mentorId: m.id, score: reasons.reduce((s, x) => s + x.points, 0), reasons };
}

/** Ranked suggestions for one request: only pairs that break no hard constraint (MP3), best first, ties by mentor id. */
export function suggestions(
  r: MentoringRequest,
  mentors: readonly Mentor[],
  coordinates: (bfs: number) => readonly [number, number] | undefined,
  limit = 3,
): Suggestion[] {
  return mentors
    .filter((m) => !hardViolation(m, r, coordinates))
    .map((m) => score(m, r, coordinates))
    .sort((a, b) => b.score - a.score || (a.mentorId < b.mentorId ? -1 : 1))
    .slice(0, limit);
}
