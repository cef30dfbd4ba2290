import type { MigrationInterface } from 'typeorm';

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
}
