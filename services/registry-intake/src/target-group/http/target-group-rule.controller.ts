import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { TargetGroupRules } from '../application/target-group-rules.js';
import { RuleHistoryDto, RuleInForceDto, RuleVersionDto, TargetGroupRuleDto } from './target-group-rule.dto.js';

@ApiTags('target-group rule')
@ApiBearerAuth()
@Controller('api/v1/target-group-rule')
export class TargetGroupRuleController {
  constructor(@Inject(TargetGroupRules) private readonly rules: TargetGroupRules) {}

  @Get()
  @Roles('ags', 'gemeinde', 'register-connector')
  @ApiOperation({
    summary: 'The target-group rule in force',
    description:
      'Which residence permits open a start.integration case today. Every arrival records the version it was decided under.',
  })
  @ApiOkResponse({ type: RuleInForceDto })
  inForce(): Promise<RuleInForceDto> {
    return this.rules.inForce() as unknown as Promise<RuleInForceDto>;
  }

  @Get('history')
  @Roles('ags')
  @ApiOperation({ summary: 'Every version of the rule, oldest first, with who stored it' })
  @ApiOkResponse({ type: RuleHistoryDto })
  async history(): Promise<RuleHistoryDto> {
    const [versions, inForce] = await Promise.all([this.rules.history(), this.rules.inForce()]);
    return { versions: versions as unknown as RuleVersionDto[], inForce: inForce.version };
  }

  @Put()
  @Roles('ags')
  @ApiOperation({
    summary: 'Store a new version of the rule (AGS)',
    description: `Adds a version; versions are never edited or deleted. The version with the latest validFrom that has come is in force.
422 lists every problem of an incomplete rule; 409 when the version name exists.`,
  })
  @ApiOkResponse({ type: RuleVersionDto })
  change(@Body() body: TargetGroupRuleDto, @CurrentPrincipal() principal: Principal): Promise<RuleVersionDto> {
    return this.rules.change({ ...body }, principal) as unknown as Promise<RuleVersionDto>;
  }
}
