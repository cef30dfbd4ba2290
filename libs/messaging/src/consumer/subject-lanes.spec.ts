import { SubjectLanes } from './subject-lanes.js';

describe('SubjectLanes', () => {
  it('hands out a subject to one batch at a time, in arrival order, and other subjects meanwhile', () => {
    const lanes = new SubjectLanes<string>();
    for (const item of ['a1', 'b1', 'a2', 'c1', 'a3']) lanes.push(item.charAt(0), item);
    const first = lanes.take(2);
    expect(first).toEqual({ subjects: ['a'], items: ['a1', 'a2'] });
    lanes.push('a', 'a4');
    const second = lanes.take(10);
    // a is busy: its remaining items wait even though the batch has room.
    expect(second).toEqual({ subjects: ['b', 'c'], items: ['b1', 'c1'] });
    expect(lanes.take(10).items).toEqual([]);
    lanes.release(first.subjects);
    expect(lanes.take(10)).toEqual({ subjects: ['a'], items: ['a3', 'a4'] });
    expect(lanes.waiting).toBe(0);
  });

  it('drops waiting items of a lost channel without losing the others', () => {
    const lanes = new SubjectLanes<{ id: string; gen: number }>();
    lanes.push('s', { id: 'x', gen: 1 });
    lanes.push('s', { id: 'y', gen: 2 });
    lanes.push('t', { id: 'z', gen: 1 });
    expect(lanes.drop((i) => i.gen === 1)).toBe(2);
    expect(lanes.waiting).toBe(1);
    expect(lanes.take(10)).toEqual({ subjects: ['s'], items: [{ id: 'y', gen: 2 }] });
  });
});
