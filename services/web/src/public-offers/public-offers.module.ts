import { Module } from '@nestjs/common';
import { PublicOffersController } from './offers.controller.js';

@Module({ controllers: [PublicOffersController] })
export class PublicOffersModule {}
