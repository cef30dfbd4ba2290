import { bootstrapService } from '@si/service';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/subsidies.config.js';
import { definition } from './service.definition.js';

// Fails before anything starts when a setting is wrong, naming every wrong variable.
loadConfig();
await bootstrapService(AppModule, definition);
