import { BadRequestException } from '@nestjs/common';
import { DomainError, type RefusalKind } from '@si/kernel';
import { ProblemError } from './problem.js';
import { mapToProblem, type ProblemMapper } from './problem-mapping.js';

class DemoRefusal extends DomainError {
  constructor(kind: RefusalKind) {
    super(
      'R10',
      'binding-agreement-not-allowed',
      { de: 'Nur eine Empfehlung ist möglich.', en: 'Only a recommendation is possible.' },
      kind,
      { reason: 'eu-efta' },
    );
  }
  get rule() {
    return 'EU/EFTA nationals get recommendations only';
  }
}

describe('mapToProblem', () => {
  it.each<[RefusalKind, number]>([
    ['conflict', 409],
    ['unprocessable', 422],
    ['forbidden', 403],
    ['not-found', 404],
  ])('maps a domain refusal of kind %s to %i, naming its rule in German and English', (kind, status) => {
    const problem = mapToProblem(new DemoRefusal(kind), []) as ProblemError;
    expect(problem).toBeInstanceOf(ProblemError);
    expect(problem.problem).toEqual({
      type: 'urn:start-integration:problem:binding-agreement-not-allowed',
      status,
      title: 'Nur eine Empfehlung ist möglich.',
      detail: 'Only a recommendation is possible.',
      rule: 'R10',
      extensions: {
        code: 'binding-agreement-not-allowed',
        ruleText: 'EU/EFTA nationals get recommendations only',
        details: { reason: 'eu-efta' },
      },
    });
  });

  it("uses the service's mappers in order and passes anything else through", () => {
    const named = new ProblemError({ status: 400, title: 'Ungültige Anfrage', rule: 'CM7' });
    const mappers: ProblemMapper[] = [() => undefined, (e) => (e instanceof BadRequestException ? named : undefined)];
    expect(mapToProblem(new BadRequestException('x'), mappers)).toBe(named);
    const other = new Error('boom');
    expect(mapToProblem(other, mappers)).toBe(other);
  });
});
