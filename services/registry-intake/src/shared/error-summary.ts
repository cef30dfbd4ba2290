/**
 * What of an error may go into a log: its kind, message and code. Database errors carry the statement's parameters
 * (a delivery's bytes, events with names and AHV numbers), so an error object is never logged whole.
 */
export function errorSummary(error: unknown): { name: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error).slice(0, 500) };
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ??
    (error as { code?: unknown }).code;
  return { name: error.name, message: error.message.slice(0, 500), ...(typeof code === 'string' ? { code } : {}) };
}
