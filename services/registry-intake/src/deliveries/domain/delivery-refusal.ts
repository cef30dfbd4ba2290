import type { IntakeRefusal, RefusalCode } from '../../ech/intake-refusal.js';

/** Refusals the service adds to those of the eCH reader. */
export type ServiceRefusalCode =
  | 'interrupted'
  | 'internal-error'
  | 'envelope-invalid'
  | 'outside-submitter-scope'
  | 'partial-delivery-inconsistent'
  | 'partial-delivery-incomplete';
export type DeliveryRefusalCode = RefusalCode | ServiceRefusalCode;

export interface DeliveryRefusal extends Omit<IntakeRefusal, 'code'> {
  code: DeliveryRefusalCode;
}

/**
 * Refusals that a reprocess can cure without a new message from the sender: master data (a municipality added or a
 * merger recorded) and interrupted or failed processing. Everything else is about the bytes themselves (not XML,
 * wrong version, schema errors, DTDs, size): the same bytes would be refused again, the sender must send anew.
 */
const CURABLE: ReadonlySet<DeliveryRefusalCode> = new Set<DeliveryRefusalCode>([
  'municipality-unknown',
  'municipality-outside-canton',
  'municipality-undetermined',
  'interrupted',
  'internal-error',
]);

export function isCurableByReprocess(code: DeliveryRefusalCode): boolean {
  return CURABLE.has(code);
}

/** A refusal of the service itself (not of the delivery's content). */
export function serviceRefusal(code: ServiceRefusalCode, message: string): DeliveryRefusal {
  return { code, message, issues: [] };
}
