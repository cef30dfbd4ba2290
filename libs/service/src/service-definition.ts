import type { MigrationInterface } from 'typeorm';
import type { ProblemMapper } from '@si/http';

export type MigrationClass = new () => MigrationInterface;

/**
 * What makes one service: its name (also its Keycloak audience and event source), port and schema.
 * Consumers register their queue's handlers with `EventConsumers` from @si/messaging in `onModuleInit`.
 */
export interface ServiceDefinition {
  name: 'registry-intake' | 'case-management' | 'offers' | 'subsidies' | 'reporting' | 'dfpa';
  port: number;
  title: string;
  description: string;
  migrations: MigrationClass[];
  /** Body limit for this service's routes (default 1 MiB). */
  bodyLimit?: number;
  /**
   * The service's own error mappings, used by the one global problem filter (domain refusals, `DomainError` of
   * @si/kernel, need none: @si/http maps their kind). Controllers carry no `@UseFilters`.
   */
  problems?: readonly ProblemMapper[];
}
