import type { MigrationClass } from '@si/service';
import { CreateSubsidies1765000000000 } from './1765000000000-create-subsidies.js';
import { CreateLedgerOpen1765000000001 } from './1765000000001-create-ledger-open.js';

/** This service's own migrations, oldest first (the platform's outbox, inbox and audit tables come from the libs). */
export const migrations: MigrationClass[] = [CreateSubsidies1765000000000, CreateLedgerOpen1765000000001];
