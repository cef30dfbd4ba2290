import { ProblemError, problemType } from '@si/http';
import { httpStatusOf, type DeliveryRefusal } from '../domain/index.js';

/**
 * A refused delivery as problem+json: what was wrong (code, sentence) and where (line, column, the XSD message),
 * with the id under which it sits in quarantine.
 */
export function refusalProblem(id: string, refusal: DeliveryRefusal, reprocessable: boolean): ProblemError {
  const status = httpStatusOf(refusal.code);
  return new ProblemError({
    type: problemType(`delivery-${refusal.code}`),
    status,
    title: status === 413 ? 'Delivery too large' : status === 400 ? 'Delivery is not readable XML' : status === 503 ? 'Delivery could not be processed' : 'Delivery refused',
    detail: refusal.message,
    errors: refusal.issues.map((i) => ({ message: i.message, line: i.line, column: i.column, ...(i.path ? { pointer: i.path } : {}) })),
    extensions: { deliveryId: id, code: refusal.code, deliveryStatus: 'quarantined', reprocessable },
  });
}

export function unsupportedMediaType(found: string | undefined): ProblemError {
  return new ProblemError({
    type: problemType('unsupported-media-type'),
    status: 415,
    title: 'Unsupported Media Type',
    detail: `a delivery is an eCH-0020 XML document: send it as application/xml (or text/xml), not ${found ? found.split(';')[0] : 'without a content type'}`,
  });
}
