import { describe, expect, it } from '@jest/globals';
import { hardViolation, suggestions, type Mentor, type MentoringRequest } from './matching.js';

const places: Record<number, [number, number]> = {
  2581: [47.3499, 7.9077],
  2500: [47.3654, 7.8858],
  2601: [47.2088, 7.5323],
};
const at = (bfs: number) => places[bfs];

const mentor = (id: string, over: Partial<Mentor> = {}): Mentor => ({
  id,
  poolId: 'olten',
  consentOn: '2026-01-10',
  active: true,
  languages: [
    { code: 'deu', level: 'native' },
    { code: 'eng', level: 'B2' },
  ],
  municipality: 2581,
  interests: ['wandern', 'kochen'],
  availability: ['mo-evening', 'sa-morning'],
  capacity: 1,
  load: 0,
  gender: 'female',
  ...over,
});
const request: MentoringRequest = {
  id: 'r1',
  poolId: 'olten',
  municipality: 2500,
  languages: [
    { code: 'eng', level: 'B1' },
    { code: 'tir', level: 'native' },
  ],
  goals: ['arbeit'],
  interests: ['kochen'],
  availability: ['sa-morning'],
  hard: { mentorGender: 'female' },
  soft: {},
};

describe('mentoring suggestions (MP2, MP3)', () => {
  it('ranks with reasons and never names a mentor who breaks a hard constraint', () => {
    const mentors = [
      mentor('a'),
      mentor('b', { gender: 'male' }),
      mentor('c', { consentOn: null }),
      mentor('d', { load: 1 }),
      mentor('e', {
        languages: [
          { code: 'deu', level: 'native' },
          { code: 'eng', level: 'A1' },
        ],
      }),
      mentor('f', { availability: ['tu-morning'] }),
      mentor('g', { poolId: 'solothurn' }),
      mentor('h', { municipality: 2601, interests: [] }),
    ];
    const found = suggestions(request, mentors, at, 10);
    expect(found.map((s) => s.mentorId)).toEqual(['a', 'h']);
    expect(found[0]!.reasons.map((r) => r.kind)).toEqual(['languages', 'distance', 'availability', 'interests']);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
    expect(hardViolation(mentors[1]!, request, at)).toBe('mentor gender must be female');
    expect(hardViolation(mentors[2]!, request, at)).toBe('no consent or not active');
  });

  it('a maximum distance is a hard constraint; an unknown place does not satisfy it', () => {
    const near = { ...request, hard: { maxDistanceKm: 10 } };
    expect(hardViolation(mentor('a'), near, at)).toBeUndefined();
    expect(hardViolation(mentor('h', { municipality: 2601 }), near, at)).toBe('farther than 10 km');
    expect(hardViolation(mentor('x', { municipality: 2404 }), near, at)).toBe('farther than 10 km');
  });
});
