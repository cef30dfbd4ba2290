import { bootstrapService } from '@si/service';
import { AppModule } from './app.module.js';
import { settings } from './config/dfpa.config.js';
import { definition } from './service.definition.js';

// Fails before anything starts when a setting is wrong, naming every wrong variable.
settings.load();
await bootstrapService(AppModule, definition);
