import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { Clock } from '../../shared/clock.js';
import { Questionnaires } from '../application/questionnaires.js';
import { Reminders } from '../application/reminders.js';
import { Responses } from '../application/responses.js';
import { Results } from '../application/results.js';
import { Rounds } from '../application/rounds.js';
import {
  answersBody,
  decisionBody,
  parseBody,
  questionnaireBody,
  questionnaireUpdateBody,
  roundBody,
  toAnswers,
  toDefinition,
} from './self-declaration.schemas.js';

const BODY = { schema: { type: 'object' } };

@ApiTags('self-declarations')
@Controller('api/v1/self-declarations')
export class SelfDeclarationsController {
  constructor(
    @Inject(Questionnaires) private readonly questionnaires: Questionnaires,
    @Inject(Rounds) private readonly rounds: Rounds,
    @Inject(Responses) private readonly responses: Responses,
    @Inject(Results) private readonly results: Results,
    @Inject(Reminders) private readonly reminders: Reminders,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('questionnaires')
  @Roles('ags', 'gemeinde')
  @ApiOperation({ summary: 'Questionnaire versions per year' })
  listQuestionnaires() {
    return this.questionnaires.list();
  }

  @Post('questionnaires')
  @Roles('ags')
  @HttpCode(201)
  @ApiBody(BODY)
  @ApiOperation({
    summary:
      'AGS drafts a questionnaire: version n+1 of its year (sections, questions: yesno, single, multi, number, text, date)',
  })
  createQuestionnaire(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    const b = parseBody(questionnaireBody, body);
    return this.questionnaires.create(p, b.year, toDefinition(b), this.clock.instant());
  }

  @Get('questionnaires/:id')
  @Roles('ags', 'gemeinde')
  getQuestionnaire(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.questionnaires.get(id);
  }

  @Put('questionnaires/:id')
  @Roles('ags')
  @ApiBody(BODY)
  @ApiOperation({ summary: 'Change a draft questionnaire (a published one: 409, SD1)' })
  updateQuestionnaire(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ) {
    return this.questionnaires.update(p, id, toDefinition(parseBody(questionnaireUpdateBody, body)));
  }

  @Post('questionnaires/:id/publication')
  @Roles('ags')
  @HttpCode(200)
  publishQuestionnaire(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.questionnaires.publish(p, id, this.clock.instant());
  }

  @Get('rounds')
  @Roles('ags', 'gemeinde')
  listRounds() {
    return this.rounds.list();
  }

  @Post('rounds')
  @Roles('ags')
  @HttpCode(201)
  @ApiBody(BODY)
  @ApiOperation({
    summary: "AGS opens the year's round on a published questionnaire with a deadline; reminders are scheduled",
  })
  openRound(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.rounds.open(p, parseBody(roundBody, body), this.clock.instant(), this.clock.today());
  }

  @Get('rounds/:roundId/results')
  @Roles('ags')
  @ApiOperation({ summary: 'Results per question across municipalities, year over year, and the share submitted' })
  roundResults(@Param('roundId', new ParseUUIDPipe()) roundId: string) {
    return this.results.of(roundId);
  }

  @Get('rounds/:roundId/reminders')
  @Roles('ags')
  roundReminders(@Param('roundId', new ParseUUIDPipe()) roundId: string) {
    return this.reminders.list(roundId);
  }

  @Get('rounds/:roundId/responses')
  @Roles('ags', 'gemeinde')
  @ApiOperation({ summary: "Every municipality's state in the round (AGS), or the IB's own municipalities" })
  listResponses(@CurrentPrincipal() p: Principal, @Param('roundId', new ParseUUIDPipe()) roundId: string) {
    return this.responses.list(p, roundId);
  }

  @Get('rounds/:roundId/responses/:bfs')
  @Roles('ags', 'gemeinde')
  @ApiOperation({
    summary: 'A response; before the first save, a draft prefilled from last year and from the platform',
  })
  getResponse(
    @CurrentPrincipal() p: Principal,
    @Param('roundId', new ParseUUIDPipe()) roundId: string,
    @Param('bfs', ParseIntPipe) bfs: number,
  ) {
    return this.responses.get(p, roundId, bfs, this.clock.today());
  }

  @Put('rounds/:roundId/responses/:bfs')
  @Roles('gemeinde')
  @ApiBody(BODY)
  @ApiOperation({ summary: 'The IB saves the draft answers (checked by type; required questions only on submission)' })
  saveResponse(
    @CurrentPrincipal() p: Principal,
    @Param('roundId', new ParseUUIDPipe()) roundId: string,
    @Param('bfs', ParseIntPipe) bfs: number,
    @Body() body: unknown,
  ) {
    return this.responses.save(
      p,
      roundId,
      bfs,
      toAnswers(parseBody(answersBody, body)),
      this.clock.instant(),
      this.clock.today(),
    );
  }

  @Post('rounds/:roundId/responses/:bfs/submission')
  @Roles('gemeinde')
  @HttpCode(200)
  submitResponse(
    @CurrentPrincipal() p: Principal,
    @Param('roundId', new ParseUUIDPipe()) roundId: string,
    @Param('bfs', ParseIntPipe) bfs: number,
  ) {
    return this.responses.submit(p, roundId, bfs, this.clock.instant(), this.clock.today());
  }

  @Post('rounds/:roundId/responses/:bfs/return')
  @Roles('ags')
  @HttpCode(200)
  @ApiBody(BODY)
  @ApiOperation({ summary: 'AGS returns a submitted response with a comment' })
  returnResponse(
    @CurrentPrincipal() p: Principal,
    @Param('roundId', new ParseUUIDPipe()) roundId: string,
    @Param('bfs', ParseIntPipe) bfs: number,
    @Body() body: unknown,
  ) {
    return this.responses.decide(
      p,
      roundId,
      bfs,
      'return',
      parseBody(decisionBody, body).comment,
      this.clock.instant(),
      this.clock.today(),
    );
  }

  @Post('rounds/:roundId/responses/:bfs/acceptance')
  @Roles('ags')
  @HttpCode(200)
  @ApiBody(BODY)
  acceptResponse(
    @CurrentPrincipal() p: Principal,
    @Param('roundId', new ParseUUIDPipe()) roundId: string,
    @Param('bfs', ParseIntPipe) bfs: number,
    @Body() body: unknown,
  ) {
    return this.responses.decide(
      p,
      roundId,
      bfs,
      'accept',
      parseBody(decisionBody, body).comment,
      this.clock.instant(),
      this.clock.today(),
    );
  }
}
