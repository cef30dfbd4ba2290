import { Module } from '@nestjs/common';
import { MentoringController } from './mentoring.controller.js';

@Module({ controllers: [MentoringController] })
export class MentoringModule {}
