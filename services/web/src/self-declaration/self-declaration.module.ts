import { Module } from '@nestjs/common';
import { SelfDeclarationController } from './self-declaration.controller.js';

/** Issue 14 point 8: the questionnaire editor, rounds and decisions (AGS) and the municipality's form. */
@Module({ controllers: [SelfDeclarationController] })
export class SelfDeclarationModule {}
