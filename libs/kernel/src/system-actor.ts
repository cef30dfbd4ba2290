/**
 * Who did it, when no person did: a message from another service, the sedex inbox, a sweep. The same shape as an
 * audit actor of a person (see @si/audit `AuditActor`), with the role `system` and no scope.
 */
export interface SystemActor {
  readonly subject: string;
  readonly username: string;
  readonly roles: ['system'];
  readonly scope: Record<string, never>;
}

/**
 * `systemActor('registry-intake')` → subject `system:registry-intake`; `systemActor('registry-intake', 'sedex')` →
 * `system:registry-intake:sedex`, username `registry-intake/sedex`. The path names the service, then the part of it.
 */
export function systemActor(...path: [string, ...string[]]): SystemActor {
  return { subject: `system:${path.join(':')}`, username: path.join('/'), roles: ['system'], scope: {} };
}
