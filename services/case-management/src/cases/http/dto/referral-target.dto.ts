import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { REGULAR_STRUCTURES, type ReferralTarget, type RegularStructure } from '../../domain/index.js';

/**
 * Where a referral points (R3): an offer id (the offers service comes later), a regular structure of
 * VIntA Art. 4, or free text. `kind` says which field is used.
 */
export class ReferralTargetDto {
  @ApiProperty({ enum: ['offer', 'regular-structure', 'free-text'] })
  @IsIn(['offer', 'regular-structure', 'free-text'])
  kind!: 'offer' | 'regular-structure' | 'free-text';

  @ApiPropertyOptional({ type: String, description: 'Offer id (kind offer)' })
  @ValidateIf((o: ReferralTargetDto) => o.kind === 'offer')
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  offerId?: string;

  @ApiPropertyOptional({ enum: REGULAR_STRUCTURES, description: 'VIntA Art. 4 structure (kind regular-structure)' })
  @ValidateIf((o: ReferralTargetDto) => o.kind === 'regular-structure')
  @IsIn(REGULAR_STRUCTURES)
  structure?: (typeof REGULAR_STRUCTURES)[number];

  @ApiPropertyOptional({ type: String, description: 'Free text (kind free-text)' })
  @ValidateIf((o: ReferralTargetDto) => o.kind === 'free-text')
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text?: string;
}

/** The domain's target from the DTO: only the field `kind` names. */
export function referralTarget(dto: ReferralTargetDto): ReferralTarget {
  switch (dto.kind) {
    case 'offer':
      return { kind: 'offer', offerId: dto.offerId ?? '' };
    case 'regular-structure':
      return { kind: 'regular-structure', structure: dto.structure as RegularStructure };
    case 'free-text':
      return { kind: 'free-text', text: dto.text ?? '' };
  }
}
