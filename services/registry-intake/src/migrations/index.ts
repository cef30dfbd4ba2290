import type { MigrationClass } from '@si/service';
import { CreateIntake1765000000000 } from './1765000000000-create-intake.js';
import { CreatePartialDeliveries1765000000001 } from './1765000000001-create-partial-deliveries.js';

/** This service's own migrations, oldest first (the platform's outbox, inbox and audit tables come from the libs). */
export const migrations: MigrationClass[] = [CreateIntake1765000000000, CreatePartialDeliveries1765000000001];
