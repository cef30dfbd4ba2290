import { ForbiddenException, UnauthorizedException } from '@nestjs/common';

/**
 * RFC 9457 problem details, the body every platform error has (DESIGN.md). `message` repeats `detail`
 * because Nest's exception filters (and @si/http's) read an HttpException's text from `message`.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  message: string;
}

const problem = (status: number, title: string, detail: string): ProblemDetails => ({
  type: 'about:blank',
  title,
  status,
  detail,
  message: detail,
});

/** 401: no usable token. The detail stays generic; the reason goes to the log only. */
export const unauthenticated = (detail: string): UnauthorizedException =>
  new UnauthorizedException(problem(401, 'Unauthorized', detail));

/** 403 with a detail that tells the caller what was missing (a role, a municipality, a declaration). */
export const forbidden = (detail: string): ForbiddenException =>
  new ForbiddenException(problem(403, 'Forbidden', detail));
