import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { MEASURE_CATEGORIES, REFERRAL_STATUSES } from '../../domain/index.js';
import { DateField, EnumField, OptionalTextField, TextField } from './fields.js';
import { ReferralTargetDto } from './referral-target.dto.js';

export class ReferralDto {
  @DateField('Day of the referral')
  madeOn!: string;

  @ApiProperty({ type: ReferralTargetDto })
  @ValidateNested()
  @Type(() => ReferralTargetDto)
  target!: ReferralTargetDto;

  @EnumField(MEASURE_CATEGORIES, 'Measure category (reports and subsidies count by it)')
  category!: (typeof MEASURE_CATEGORIES)[number];

  @TextField('What the person is to do', 500, 'Deutschkurs A2, 2× pro Woche')
  measure!: string;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      "The person consented that the offer's provider learns their name and contact (target kind offer only). Without it the provider sees the pseudonymous referral only.",
  })
  @IsOptional()
  @IsBoolean()
  disclosureConsent?: boolean;
}

export class ReferralStatusDto {
  @EnumField(REFERRAL_STATUSES, 'New status (allowed steps: proposed → agreed → started → completed, and the exits)')
  status!: (typeof REFERRAL_STATUSES)[number];

  @DateField('Day of the change')
  on!: string;

  @OptionalTextField('Why', 2000)
  reason?: string;
}
