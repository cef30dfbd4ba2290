import { bootstrapService } from '@si/service';
import { AppModule } from './app.module.js';
import { definition } from './service.definition.js';

await bootstrapService(AppModule, definition);
