import { Module } from '@nestjs/common';
import { AgsController } from './ags.controller.js';

@Module({ controllers: [AgsController] })
export class AgsModule {}
