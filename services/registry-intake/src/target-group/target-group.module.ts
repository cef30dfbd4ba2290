import { Module } from '@nestjs/common';
import { TargetGroupRules } from './application/target-group-rules.js';
import { TargetGroupRuleController } from './http/target-group-rule.controller.js';

@Module({ controllers: [TargetGroupRuleController], providers: [TargetGroupRules], exports: [TargetGroupRules] })
export class TargetGroupModule {}
