import { ProblemError, problemType } from '@si/http';
import type { DeliveryRefusal, DeliveryRefusalCode } from '../domain/index.js';

/**
 * A refused delivery as problem+json: what was wrong (code, sentence) and where (line, column, the XSD message),
 * with the id under which it sits in quarantine.
 */
export function refusalProblem(id: string, refusal: DeliveryRefusal, reprocessable: boolean): ProblemError {
  const status = httpStatusOf(refusal.code);
  return new ProblemError({
    type: problemType(`delivery-${refusal.code}`),
    status,
    title:
      status === 413
        ? 'Delivery too large'
        : status === 400
          ? 'Delivery is not readable XML'
          : status === 503
            ? 'Delivery could not be processed'
            : 'Delivery refused',
    detail: refusal.message,
    errors: refusal.issues.map((i) => ({
      message: i.message,
      line: i.line,
      column: i.column,
      ...(i.path ? { pointer: i.path } : {}),
    })),
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

/**
 * The HTTP status of a refusal (the domain names the refusal, only this layer knows statuses): 400 when the body is not a readable XML document at all, 413 when it is too large,
 * 422 when it is XML but not an acceptable eCH-0020 v3 delivery (namespace, version, schema, municipality).
 */
export function httpStatusOf(code: DeliveryRefusalCode): 400 | 413 | 422 | 503 {
  switch (code) {
    case 'empty':
    case 'not-xml':
    case 'not-well-formed':
    case 'truncated':
    case 'unsupported-encoding':
    case 'dtd-forbidden':
    case 'too-deep':
    case 'text-too-long':
      return 400;
    case 'too-large':
      return 413;
    case 'interrupted':
    case 'internal-error':
      return 503;
    default:
      return 422;
  }
}
