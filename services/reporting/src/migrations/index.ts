import type { MigrationClass } from '@si/service';
import { CreateEventLog1766000000000 } from './1766000000000-create-event-log.js';
import { CreateFigureProjections1766000000001 } from './1766000000001-create-figure-projections.js';
import { CreateSnapshots1766000000002 } from './1766000000002-create-snapshots.js';
import { CreateSelfDeclarations1766000000003 } from './1766000000003-create-self-declarations.js';
import { CreateProjectionStaging1766000000004 } from './1766000000004-create-projection-staging.js';

/** This service's own migrations, oldest first (the platform's outbox, inbox and audit tables come from the libs). */
export const migrations: MigrationClass[] = [
  CreateEventLog1766000000000,
  CreateFigureProjections1766000000001,
  CreateSnapshots1766000000002,
  CreateSelfDeclarations1766000000003,
  CreateProjectionStaging1766000000004,
];
