import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DateField, TextField } from './fields.js';

export class HandoverContactDto {
  @TextField('Whom the Sozialregion contacts at the municipality', 200)
  name!: string;

  @ApiPropertyOptional({ type: String, format: 'email' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(40)
  phone?: string;
}

export class DfpaHandoverDto {
  @TextField('Why the case is handed over (goes to the Sozialregion)', 4000)
  reason!: string;

  @ApiPropertyOptional({ type: HandoverContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HandoverContactDto)
  contact?: HandoverContactDto;
}

export class SuspendDeadlineDto {
  @DateField('Day from which the clock stops')
  since!: string;

  @TextField('Why (CM6)', 2000)
  reason!: string;
}

export class ResumeDeadlineDto {
  @DateField('Day the clock runs again (the due date moves by the suspended days)')
  on!: string;
}

export class ExtendDeadlineDto {
  @DateField('New due date (only later, CM6)')
  to!: string;

  @TextField('Why (CM6)', 2000)
  reason!: string;
}

export class CloseCaseDto {
  @DateField('Day the case ends')
  on!: string;

  @TextField('Why the IB closes the case', 2000)
  note!: string;
}
