import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { isLocalDate, type LocalDate } from '@si/kernel';
import { z } from 'zod';
import { jsonSchemaOf } from '../../offers/http/json-schema.js';
import { parseInput } from '../../shared/zod-input.js';
import { MentoringService, type NewMentor, type NewRequest } from '../application/mentoring.service.js';
import { LANGUAGE_LEVELS, SLOT } from '../domain/matching.js';
import { END_REASONS, OUTCOMES } from '../domain/tandem.js';

const date = z.string().refine(isLocalDate, 'a calendar date YYYY-MM-DD');
const languages = z
  .array(z.strictObject({ code: z.string().regex(/^[a-z]{3}$/, 'ISO 639-3 code'), level: z.enum(LANGUAGE_LEVELS) }))
  .min(1)
  .max(10);
const slots = z.array(z.string().regex(SLOT, 'day-part, e.g. mo-evening')).min(1).max(21);
const words = z.array(z.string().trim().min(1).max(40)).max(20).default([]);
const gender = z.enum(['female', 'male', 'diverse']);

const mentorSchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  email: z.email().max(200).nullable().default(null),
  phone: z
    .string()
    .regex(/^\+?[0-9 ]{7,20}$/)
    .nullable()
    .default(null),
  consentOn: date,
  languages,
  municipality: z.number().int(),
  interests: words,
  availability: slots,
  capacity: z.number().int().min(1).max(10),
  gender,
});
const requestSchema = z.strictObject({
  caseId: z.uuid().nullable().default(null),
  menteeRef: z.string().min(1).max(64),
  municipality: z.number().int(),
  languages,
  goals: words,
  interests: words,
  availability: slots,
  hard: z
    .strictObject({ mentorGender: gender.optional(), maxDistanceKm: z.number().int().min(1).max(100).optional() })
    .default({}),
  soft: z.strictObject({ mentorGender: gender.optional() }).default({}),
});
const proposeSchema = z.strictObject({ requestId: z.uuid(), mentorId: z.uuid() });
const onSchema = z.strictObject({ on: date, note: z.string().max(1000).optional() });
const endSchema = z.strictObject({ on: date, reason: z.enum(END_REASONS), outcome: z.enum(OUTCOMES) });

/** Mentoring-Pools (MP1–MP4): the coordinator's pool, suggestions, the optimal assignment and the tandems. */
@ApiTags('mentoring')
@ApiBearerAuth()
@Controller('api/v1/mentoring')
export class MentoringController {
  constructor(@Inject(MentoringService) private readonly mentoring: MentoringService) {}

  @Post('pools/:pool/mentors')
  @HttpCode(201)
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'Add a mentor with their consent (coordinator of the pool)' })
  @ApiBody({ schema: jsonSchemaOf(mentorSchema) })
  addMentor(@CurrentPrincipal() p: Principal, @Param('pool') pool: string, @Body() body: unknown) {
    return this.mentoring.addMentor(p, pool, parseInput(mentorSchema, body, 'body', 'MP2') as NewMentor);
  }

  @Get('pools/:pool/mentors')
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'The mentors of a pool (audited)' })
  async mentors(@CurrentPrincipal() p: Principal, @Param('pool') pool: string) {
    return { items: await this.mentoring.mentors(p, pool) };
  }

  @Post('requests')
  @HttpCode(201)
  @Roles('gemeinde', 'sozialregion', 'mentoring-koordination')
  @ApiOperation({
    summary: "Ask the pool of the municipality's region for a mentor (officer, Sozialregion, coordinator)",
  })
  @ApiBody({ schema: jsonSchemaOf(requestSchema) })
  addRequest(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.mentoring.addRequest(p, parseInput(requestSchema, body) as NewRequest);
  }

  @Get('pools/:pool/requests')
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'Open requests of a pool' })
  async requests(@CurrentPrincipal() p: Principal, @Param('pool') pool: string) {
    return { items: await this.mentoring.openRequests(p, pool) };
  }

  @Get('requests/:id/suggestions')
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'Ranked suggestions with score and reasons; never breaking a hard constraint (MP3)' })
  async suggestions(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.mentoring.suggestionsFor(p, id) };
  }

  @Get('pools/:pool/assignment')
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: "Optimal assignment of all open requests under the mentors' capacities (a proposal)" })
  assignment(@CurrentPrincipal() p: Principal, @Param('pool') pool: string) {
    return this.mentoring.assignment(p, pool);
  }

  @Get('pools/:pool/tandems')
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'Tandems of a pool' })
  async tandems(@CurrentPrincipal() p: Principal, @Param('pool') pool: string) {
    return { items: await this.mentoring.tandems(p, pool) };
  }

  @Post('tandems')
  @HttpCode(201)
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'Propose a tandem (coordinator decides)' })
  @ApiBody({ schema: jsonSchemaOf(proposeSchema) })
  propose(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    const b = parseInput(proposeSchema, body);
    return this.mentoring.propose(p, b.requestId, b.mentorId);
  }

  @Post('tandems/:id/activate')
  @HttpCode(200)
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'Both agreed: the tandem is active' })
  activate(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    return this.mentoring.changeTandem(p, id, 'activate', { on: parseInput(onSchema, body).on as LocalDate });
  }

  @Post('tandems/:id/decline')
  @HttpCode(200)
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'The proposal is declined; the request is open again' })
  decline(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    return this.mentoring.changeTandem(p, id, 'decline', { on: parseInput(onSchema, body).on as LocalDate });
  }

  @Post('tandems/:id/check-ins')
  @HttpCode(200)
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'Record a check-in of an active tandem' })
  checkIn(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    const b = parseInput(onSchema, body);
    return this.mentoring.changeTandem(p, id, 'check-in', {
      on: b.on as LocalDate,
      ...(b.note ? { note: b.note } : {}),
    });
  }

  @Post('tandems/:id/end')
  @HttpCode(200)
  @Roles('mentoring-koordination')
  @ApiOperation({ summary: 'End an active tandem with reason and outcome' })
  end(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    const b = parseInput(endSchema, body);
    return this.mentoring.changeTandem(p, id, 'end', { on: b.on as LocalDate, reason: b.reason, outcome: b.outcome });
  }
}
