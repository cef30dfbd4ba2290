import { refuse } from '../../shared/rules.js';

export const END_REASONS = ['completed', 'dropped', 'moved', 'other'] as const;
export const OUTCOMES = ['goals-reached', 'partly-reached', 'not-reached', 'unknown'] as const;

export type TandemStatus = 'proposed' | 'active' | 'ended' | 'declined';

/** proposed → active → ended; a proposal may also be declined (MP4). */
export function nextTandemStatus(from: TandemStatus, step: 'activate' | 'end' | 'decline' | 'check-in'): TandemStatus {
  const allowed: Record<typeof step, TandemStatus[]> = {
    activate: ['proposed'],
    decline: ['proposed'],
    end: ['active'],
    'check-in': ['active'],
  };
  if (!allowed[step].includes(from)) {
    refuse(
      'MP4',
      'tandem-step-not-allowed',
      `«${step}» ist für ein Tandem im Status «${from}» nicht möglich.`,
      `"${step}" is not allowed for a tandem in status "${from}".`,
      'conflict',
      { from, step },
    );
  }
  return step === 'activate' ? 'active' : step === 'end' ? 'ended' : step === 'decline' ? 'declined' : from;
}
