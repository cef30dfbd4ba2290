import type { MigrationClass } from '@si/service';

/** This service's own migrations, oldest first (the platform's outbox, inbox and audit tables come from the libs). */
export const migrations: MigrationClass[] = [];
