import { Module } from '@nestjs/common';
import { ProviderOffersController } from './provider-offers.controller.js';
import { ProviderReferralsController } from './referrals.controller.js';

@Module({ controllers: [ProviderOffersController, ProviderReferralsController] })
export class ProviderOffersModule {}
