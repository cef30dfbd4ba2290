import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, hasRole, Roles, type Principal } from '@si/auth';
import { ProblemError } from '@si/http';
import { createLogger } from '@si/observability';
import { errorSummary } from '../../shared/error-summary.js';
import { auditActor } from '../../shared/audit-actor.js';
import { DeliveryIntake } from '../application/delivery-intake.js';
import { DeliveryQueries, type DeliveryDetail, type DeliveryPage } from '../application/delivery-queries.js';
import type { IntakeChannel, IntakeResult } from '../application/intake-types.js';
import { IntakeEngine } from '../application/intake-engine.js';
import { refusalProblem, unsupportedMediaType } from './delivery-problems.js';
import {
  DeliveryAcceptedDto,
  DeliveryDetailDto,
  DeliveryDuplicateDto,
  DeliveryPageDto,
  OutcomePageDto,
  ReprocessResultDto,
} from './dto/delivery.responses.js';
import { ListDeliveriesQuery, OutcomesQuery, QuarantineQuery } from './dto/list-deliveries.query.js';
import { isXmlMediaType } from './xml-body.parser.js';

const DEFAULT_LIMIT = 50;

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('api/v1/deliveries')
export class DeliveriesController {
  private readonly logger = createLogger('registry-intake');

  constructor(
    @Inject(DeliveryIntake) private readonly intake: DeliveryIntake,
    @Inject(DeliveryQueries) private readonly queries: DeliveryQueries,
    @Inject(IntakeEngine) private readonly engine: IntakeEngine,
  ) {}

  @Post()
  @Roles('register-connector', 'gemeinde')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Deliver an eCH-0020 v3 message',
    description: `The body is the eCH-0020 v3.0 delivery itself (application/xml), of any size: it is read as it arrives.
A register connector may deliver for any Solothurn municipality, an IB (role gemeinde) only for its own BFS numbers (else 403).
202: accepted, every event emitted or skipped with its reason. 200 with status "duplicate": the eCH-0058 messageId was accepted before (the first delivery's id; nothing is emitted again).
400 (not XML, DTD, truncated), 413 (too large), 422 (wrong namespace or version, XSD errors with line and column, unknown municipality): problem+json; the delivery is kept in quarantine (deliveryId).`,
  })
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ schema: { type: 'string', format: 'xml' } })
  @ApiResponse({ status: 202, type: DeliveryAcceptedDto })
  @ApiResponse({ status: 200, type: DeliveryDuplicateDto })
  @ApiResponse({ status: 400, description: 'not readable XML (problem+json)' })
  @ApiResponse({ status: 403, description: "a municipality outside the caller's BFS numbers" })
  @ApiResponse({ status: 413, description: 'larger than the intake limit' })
  @ApiResponse({ status: 415, description: 'not application/xml' })
  @ApiResponse({
    status: 422,
    description: 'not an acceptable eCH-0020 v3 delivery (problem+json with line, column and XSD message)',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeliveryAcceptedDto | DeliveryDuplicateDto> {
    const contentType = request.headers['content-type'];
    if (!isXmlMediaType(contentType)) throw unsupportedMediaType(contentType);
    const body = request.body as AsyncIterable<Uint8Array> | undefined;
    if (!body || typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== 'function')
      throw unsupportedMediaType(contentType);
    const run = this.intake.start(body[Symbol.asyncIterator](), channelOf(principal));
    let result: IntakeResult;
    try {
      result = await this.intake.execute(run);
    } catch (error) {
      // Logged here without the error object (a database error carries the delivery's data as parameters); the
      // client gets a 500 problem with the correlation id.
      this.logger.error({ error: errorSummary(error), deliveryId: run.id }, 'delivery failed inside the service');
      throw new Error('delivery processing failed');
    } finally {
      // The answer may come before the whole body was read (a refusal at its start): read the rest so the
      // connection stays usable, up to the intake limit; beyond it, close the connection after answering.
      const finished = await run.raw.drain(this.engine.config.limits.maxBytes ?? 2 * 1024 ** 3).catch(() => false);
      if (!finished) {
        void reply.header('connection', 'close');
        reply.raw.once('finish', () => request.raw.destroy());
      }
    }
    switch (result.kind) {
      case 'accepted':
        return {
          id: result.id,
          status: 'accepted',
          eventsFound: result.records,
          emitted: result.emitted,
          skipped: result.skipped,
          municipality: result.municipality,
        };
      case 'duplicate':
        void reply.status(200);
        return { id: result.id, status: 'duplicate' };
      case 'in-progress':
        void reply.header('retry-after', String(this.engine.config.leaseSeconds));
        throw new ProblemError({
          status: 409,
          title: 'Conflict',
          detail: `the message is being delivered right now as ${result.id}; ask again later (a retry then answers duplicate, or takes over if that delivery died)`,
          extensions: { deliveryId: result.id },
        });
      case 'forbidden':
        throw new ProblemError({
          status: 403,
          title: 'Forbidden',
          detail: `not allowed to deliver for municipality BFS ${result.municipality}: an IB delivers for its own municipalities only`,
        });
      case 'refused':
        throw refusalProblem(result.id, result.refusal, result.curable);
    }
  }

  @Get()
  @Roles('ags', 'gemeinde', 'register-connector')
  @ApiOperation({
    summary: 'The delivery log, newest first',
    description:
      'AGS sees every delivery, an IB those of its municipalities and its own, a register connector its own. Every call is audited.',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListDeliveriesQuery): Promise<DeliveryPage> {
    const { limit, cursor, ...filter } = query;
    return this.queries.list(principal, filter, limit ?? DEFAULT_LIMIT, cursor);
  }

  @Get('quarantine')
  @Roles('ags', 'gemeinde', 'register-connector')
  @ApiOperation({
    summary: 'Refused deliveries with their reason',
    description: '`reprocessable` says whether POST …/reprocess can take one (after a rule or master-data fix).',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  quarantine(@CurrentPrincipal() principal: Principal, @Query() query: QuarantineQuery): Promise<DeliveryPage> {
    const filter = {
      status: 'quarantined' as const,
      ...(query.municipality !== undefined ? { municipality: query.municipality } : {}),
    };
    return this.queries.list(principal, filter, query.limit ?? DEFAULT_LIMIT, query.cursor, 'delivery.quarantine.list');
  }

  @Get(':id')
  @Roles('ags', 'gemeinde', 'register-connector')
  @ApiOperation({ summary: 'One delivery: status, events found, what was emitted or skipped and why, errors' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: DeliveryDetailDto })
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<DeliveryDetail> {
    return this.queries.get(principal, id);
  }

  @Get(':id/outcomes')
  @Roles('ags', 'gemeinde', 'register-connector')
  @ApiOperation({ summary: 'The delivery log lines of one delivery, in document order (pages)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OutcomePageDto })
  outcomes(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: OutcomesQuery,
  ) {
    return this.queries.outcomesOf(principal, id, query.from ?? 0, query.limit ?? 200);
  }

  @Post(':id/reprocess')
  @Roles('ags')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Process a quarantined delivery again (AGS)',
    description: `After a master-data fix (a municipality or merger added) or a rule change, or when processing was interrupted: reads the stored bytes
again with the rule in force and the master data as they are now. 409 when the delivery is not quarantined, was refused for its bytes
(the sender must send a corrected message), or its message has since been accepted.`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReprocessResultDto })
  async reprocess(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ReprocessResultDto> {
    await this.queries.visible(principal, id, 'delivery.reprocess');
    const r = await this.intake.reprocess(id, auditActor(principal)).catch((error: unknown) => {
      this.logger.error({ error: errorSummary(error), deliveryId: id }, 'reprocess failed inside the service');
      throw new Error('reprocess failed');
    });
    const conflict = (detail: string) => new ProblemError({ status: 409, title: 'Conflict', detail });
    switch (r.kind) {
      case 'not-found':
        throw new ProblemError({ status: 404, title: 'Not Found', detail: `no delivery ${id}` });
      case 'not-quarantined':
        throw conflict(`delivery ${id} is ${r.status}: only quarantined deliveries are reprocessed`);
      case 'superseded':
        throw conflict(
          `the message of delivery ${id} has since been accepted under another delivery; it is marked superseded`,
        );
      case 'not-curable':
        if (r.code === 'partial-delivery-incomplete')
          throw conflict(
            `delivery ${id} reports packages of a partial delivery missing: nothing to reprocess; the sender must deliver them`,
          );
        throw conflict(
          `delivery ${id} was refused for its content (${r.code}): the same bytes would be refused again; the sender must send a corrected message`,
        );
      case 'raw-missing':
        throw conflict(`the bytes of delivery ${id} are no longer kept (retention) or its sedex file is gone`);
      case 'done': {
        const result = r.result;
        if (result.kind === 'accepted')
          return {
            id,
            status: 'accepted',
            eventsFound: result.records,
            emitted: result.emitted,
            skipped: result.skipped,
          };
        if (result.kind === 'refused') return { id, status: 'quarantined', refusal: result.refusal };
        if (result.kind === 'in-progress') throw conflict(`its message is being delivered right now as ${result.id}`);
        throw conflict(`delivery ${id} could not be reprocessed (${result.kind})`);
      }
    }
  }
}

/** A register connector delivers for anyone; an IB for its BFS numbers, which also give the default municipality. */
function channelOf(principal: Principal): IntakeChannel {
  const connector = hasRole(principal, 'register-connector');
  const gemeinden = [...principal.gemeinden];
  return {
    source: 'http',
    sourceRef: null,
    submittedBy: principal.username,
    submittedBySubject: principal.subject,
    municipalityHint: !connector && gemeinden.length === 1 ? gemeinden[0] : null,
    scope: connector ? null : gemeinden,
    rawStore: 'db',
    actor: auditActor(principal),
    auditAction: 'delivery.create',
  };
}
