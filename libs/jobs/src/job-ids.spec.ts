import { jobId } from './job-ids.js';

describe('jobId', () => {
  it('is stable and never contains a colon', () => {
    const id = jobId('first-information-due', 'case:42', '2027-02-21');
    expect(id).toBe('first-information-due-case_42-2027-02-21');
    expect(jobId('first-information-due', 'case:42', '2027-02-21')).toBe(id);
  });
});
