import { Global, Module } from '@nestjs/common';
import { INTAKE_CONFIG, intakeConfig } from './intake.config.js';

/** The service's configuration, read from the environment once when the app is built. */
@Global()
@Module({ providers: [{ provide: INTAKE_CONFIG, useFactory: () => intakeConfig() }], exports: [INTAKE_CONFIG] })
export class IntakeConfigModule {}
