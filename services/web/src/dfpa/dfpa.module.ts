import { Module } from '@nestjs/common';
import { DfpaCaseController } from './dfpa-case.controller.js';
import { InboxController } from './inbox.controller.js';

/** The Sozialregion's screens on the dfpa service: the hand-over inbox and the DFPA cases. */
@Module({ controllers: [InboxController, DfpaCaseController] })
export class DfpaModule {}
