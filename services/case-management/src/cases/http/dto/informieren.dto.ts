import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { CEFR_LEVELS, SUPPORT_NEEDS } from '../../domain/index.js';
import { BoolField, DateField, EnumField, IntField, LanguageField, OptionalDateField, TextField } from './fields.js';
import { ReferralTargetDto } from './referral-target.dto.js';

export class InfoFolderDto {
  @DateField('Day the info folder (Erstinformationsmappe) was handed out')
  handedOutOn!: string;

  @LanguageField('Language of the folder')
  language!: string;
}

export class InterpreterDto {
  @BoolField('An intercultural interpreter attended')
  used!: boolean;

  @ApiPropertyOptional({
    type: String,
    pattern: '^[a-z]{3}$',
    description: 'Interpreter language (ISO 639-3), required when used (R2)',
  })
  @ValidateIf((o: InterpreterDto) => o.used || o.language !== undefined)
  @Matches(/^[a-z]{3}$/, { message: 'interpreter.language must be an ISO 639-3 code' })
  language?: string;
}

export class Art8TopicsDto {
  @BoolField('VIntA Art. 8 a: importance of language skills, education and work')
  languageEducationWork!: boolean;

  @BoolField('VIntA Art. 8 b: suitable language offers')
  languageOffers!: boolean;

  @BoolField('VIntA Art. 8 c: legal order, consequences of breaking it, basic norms')
  legalOrderAndNorms!: boolean;
}

export class LanguageSkillDto {
  @LanguageField('Language assessed')
  language!: string;

  @EnumField(CEFR_LEVELS, 'Oral level (CEFR, R9)')
  oral!: (typeof CEFR_LEVELS)[number];

  @EnumField(CEFR_LEVELS, 'Written level (CEFR, R9)')
  written!: (typeof CEFR_LEVELS)[number];
}

export class FirstInformationTalkDto {
  @DateField('Day of the first-information talk')
  heldOn!: string;

  @TextField('Place (municipal premises)', 200, 'Gemeindehaus Hubersdorf')
  place!: string;

  @ApiProperty({ type: InterpreterDto })
  @ValidateNested()
  @Type(() => InterpreterDto)
  interpreter!: InterpreterDto;

  @IntField('Duration in minutes', 1, 600)
  durationMinutes!: number;

  @ApiProperty({ type: Art8TopicsDto, description: 'The three topics of VIntA Art. 8; all must be covered (R2)' })
  @ValidateNested()
  @Type(() => Art8TopicsDto)
  topics!: Art8TopicsDto;

  @ApiProperty({ type: [LanguageSkillDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LanguageSkillDto)
  languageSkills!: LanguageSkillDto[];

  @EnumField(SUPPORT_NEEDS, 'Support need (special = besonderer Integrationsbedarf)')
  supportNeed!: (typeof SUPPORT_NEEDS)[number];

  @ApiProperty({ type: [ReferralTargetDto], description: 'Offers recommended' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReferralTargetDto)
  offersRecommended!: ReferralTargetDto[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Further cases of the same household the talk served (all recorded together, or none)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  householdCaseIds?: string[];
}

export class NoShowDto {
  @DateField('Day of the missed appointment')
  missedOn!: string;

  @OptionalDateField('Day of the new appointment (re-invitation)')
  reinvitedFor?: string;
}

export class RefusalDto {
  @DateField('Day the person refused first information')
  on!: string;

  @TextField('Note on the refusal', 2000)
  note!: string;
}
