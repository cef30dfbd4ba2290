import { Module } from '@nestjs/common';
import { WorkListController } from './work-list.controller.js';

@Module({ controllers: [WorkListController] })
export class WorkListModule {}
