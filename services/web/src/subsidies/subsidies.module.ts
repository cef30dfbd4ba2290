import { Module } from '@nestjs/common';
import { SubsidyBudgetController } from './budget.controller.js';
import { SubsidyClaimsController } from './claims.controller.js';
import { SubsidyPayoutController } from './payout.controller.js';
import { SubsidyTariffsController } from './tariffs.controller.js';

/** Subsidies (issue 13): tariffs, the municipality's claims, the AGS approval queue, payout files, the budget. */
@Module({
  controllers: [SubsidyTariffsController, SubsidyClaimsController, SubsidyPayoutController, SubsidyBudgetController],
})
export class SubsidiesScreensModule {}
