import { bootstrapService } from '@si/service';
import { AppModule } from './app.module.js';
import { intakeConfig } from './config/intake.config.js';
import { definition } from './service.definition.js';

// Fails before anything starts when the configuration is unusable (e.g. production without PERSON_REF_KEY).
intakeConfig();
await bootstrapService(AppModule, definition);
