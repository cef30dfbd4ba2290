/**
 * What a page handler throws when it cannot show what was asked; the error filter renders each as a page
 * (or a redirect), never as JSON and never with internals.
 */
export class WebError extends Error {
  constructor(
    readonly status: number,
    readonly titleKey: string,
    readonly textKey: string,
  ) {
    super(titleKey);
  }
}

/** A foreign object and a missing one look the same: "nicht gefunden" (R25, no existence leak). */
export class NotFoundPage extends WebError {
  constructor() {
    super(404, 'error.notFound.title', 'error.notFound.text');
  }
}

export class ForbiddenPage extends WebError {
  constructor() {
    super(403, 'error.forbidden.title', 'error.forbidden.text');
  }
}

export class CsrfRefused extends WebError {
  constructor() {
    super(403, 'error.csrf.title', 'error.csrf.text');
  }
}

export class ServiceDown extends WebError {
  constructor(readonly service: string) {
    super(502, 'error.serviceDown.title', 'error.serviceDown.text');
  }
}

/** No (or no longer a) session: go to the login and come back to `returnTo`. */
export class LoginRequired extends Error {
  constructor(readonly returnTo: string) {
    super('login required');
  }
}
