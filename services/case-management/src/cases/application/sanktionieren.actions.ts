import { randomUUID } from 'node:crypto';
import type {
  DecisionInput,
  DisclosedIdentification,
  FamilyOfSwissInput,
  MigrationsamtReviewInput,
  ReportInput,
} from '../domain/index.js';
import type { PersonRepository } from '../infrastructure/person.repository.js';
import type { CaseAction } from './case-command.runner.js';
import { rolesOf } from './command-roles.js';

/**
 * Sanktionieren (R4, R6–R8, R10, R31). The IB's report is a formal disclosure: the data set sent (with the
 * identification from the person store) is kept in the case history, and the audit record names the
 * recipient and the fields sent. Nothing here runs by itself; each step is a person's request.
 */
export const reportToMigrationsamt = (
  input: Omit<ReportInput, 'reportId' | 'identification'>,
  persons: PersonRepository,
): CaseAction => ({
  name: 'report-to-migrationsamt',
  roles: rolesOf('reportToMigrationsamt'),
  async apply(c, ctx, tx) {
    const person = await persons.find(tx.em, c.state.subject.personRef);
    const identification: DisclosedIdentification | undefined = person?.dateOfBirth
      ? {
          officialName: person.officialName,
          firstName: person.firstName,
          dateOfBirth: person.dateOfBirth,
          ...(person.vn ? { vn: person.vn } : {}),
        }
      : undefined;
    const events = c.reportToMigrationsamt(
      { reportId: randomUUID(), ...input, ...(identification ? { identification } : {}) },
      ctx,
    );
    const report = c.state.reports.at(-1);
    if (!report) throw new Error('the report command recorded no report');
    tx.audit.recipient = report.disclosure.recipient;
    tx.audit.detail = {
      reportId: report.reportId,
      legalBasis: report.disclosure.legalBasis,
      dataSetFields: fieldNames(report.disclosure.dataSet),
    };
    return events;
  },
});

export const recordMigrationsamtReview = (reportId: string, input: MigrationsamtReviewInput): CaseAction => ({
  name: 'record-migrationsamt-review',
  roles: rolesOf('recordMigrationsamtReview'),
  apply: (c, ctx) => c.recordMigrationsamtReview(reportId, input, ctx),
});

export const recordMigrationsamtDecision = (reportId: string, input: DecisionInput): CaseAction => ({
  name: 'record-migrationsamt-decision',
  roles: rolesOf('recordMigrationsamtDecision'),
  apply: (c, ctx) => c.recordMigrationsamtDecision(reportId, input, ctx),
});

export const recordFamilyOfSwiss = (input: FamilyOfSwissInput): CaseAction => ({
  name: 'record-family-of-swiss',
  roles: rolesOf('recordFamilyOfSwiss'),
  apply: (c, ctx) => c.recordFamilyOfSwiss(input, ctx),
});

/** Dotted field names of a data set (two levels), for the audit log: what was sent, not its values. */
export function fieldNames(data: Readonly<Record<string, unknown>>, prefix = '', depth = 0): string[] {
  return Object.entries(data)
    .flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) && depth < 1
        ? fieldNames(v as Record<string, unknown>, `${prefix}${k}.`, depth + 1)
        : [`${prefix}${k}`],
    )
    .sort();
}
