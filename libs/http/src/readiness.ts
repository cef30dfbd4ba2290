/**
 * One dependency the service needs to do its work (database, broker, Redis). `/health/ready`
 * answers 503 while any of them fails, so a load balancer sends no traffic to a half-started instance.
 */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
