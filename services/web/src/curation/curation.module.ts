import { Module } from '@nestjs/common';
import { CurationController } from './curation.controller.js';

@Module({ controllers: [CurationController] })
export class CurationModule {}
