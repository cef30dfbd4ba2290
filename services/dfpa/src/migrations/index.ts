import type { MigrationClass } from '@si/service';
import { CreateDfpa1766000000000 } from './1766000000000-create-dfpa.js';
import { ReadIndexes1766100000000 } from './1766100000000-read-indexes.js';

/** This service's own migrations, oldest first (the platform's outbox, inbox and audit tables come from the libs). */
export const migrations: MigrationClass[] = [CreateDfpa1766000000000, ReadIndexes1766100000000];
