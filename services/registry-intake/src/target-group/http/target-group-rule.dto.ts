import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { PERMIT_CATEGORIES } from '../../rules/residence-permit-catalog.js';

/**
 * A new rule version. Properties are only whitelisted here: the rule is checked as a whole by
 * parseTargetGroupRule (rules/target-group-rule.ts), which lists every problem at once (422).
 */
export class TargetGroupRuleDto {
  @ApiProperty({ example: 'so-2027.1', description: 'Unique name of the version, never reused' })
  @Allow()
  version!: unknown;

  @ApiProperty({ example: '2027-01-01', description: 'ISO date from which the version is in force' })
  @Allow()
  validFrom!: unknown;

  @ApiProperty({ example: 'S permits open a case from 2027' })
  @Allow()
  description!: unknown;

  @ApiProperty({
    description: `Decision per permit category; every category must be present: ${PERMIT_CATEGORIES.join(', ')}`,
    example: {
      A: false,
      B: true,
      C: true,
      Ci: true,
      F: true,
      G: false,
      L: true,
      N: false,
      S: true,
      'registration-only': false,
      'diplomatic-immunity': false,
      'international-official': false,
      unassigned: false,
    },
  })
  @Allow()
  byCategory!: unknown;

  @ApiPropertyOptional({
    description: 'Exceptions per eCH-0006 code, checked before the category',
    example: { '070104': false },
  })
  @Allow()
  byCode?: unknown;

  @ApiProperty({ description: 'Decision for a person without a permit code' })
  @Allow()
  withoutPermit!: unknown;
}

export class RuleVersionDto {
  @ApiProperty() version!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ description: 'The rule itself (version, validFrom, description, byCategory, byCode, withoutPermit)' })
  rule!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'Username of who stored the version' }) createdBy!: string;
}

export class RuleInForceDto extends RuleVersionDto {
  @ApiProperty({ description: 'The day for which the version in force was determined (Europe/Zurich)' }) asOf!: string;
}

export class RuleHistoryDto {
  @ApiProperty({ type: [RuleVersionDto], description: 'Every version, oldest first' }) versions!: RuleVersionDto[];
  @ApiProperty({ description: 'The version in force today' }) inForce!: string;
}
