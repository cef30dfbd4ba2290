import { Module } from '@nestjs/common';
import { WebCoreModule } from './web-core.module.js';
import { HomeController } from './home.controller.js';
import { FEATURE_MODULES } from './features.js';

@Module({ imports: [WebCoreModule, ...FEATURE_MODULES], controllers: [HomeController] })
export class AppModule {}
