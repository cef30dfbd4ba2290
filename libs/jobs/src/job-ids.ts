/**
 * A deterministic BullMQ job id: the same trigger yields the same id, so adding it twice is a no-op.
 * BullMQ forbids `:` in custom ids and treats pure integers specially, hence the prefix and the mapping.
 */
export function jobId(kind: string, ...parts: (string | number)[]): string {
  return [kind, ...parts].map((p) => String(p).replaceAll(':', '_')).join('-');
}
