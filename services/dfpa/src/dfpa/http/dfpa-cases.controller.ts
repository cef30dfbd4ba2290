import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { invalid, type DfpaPerson, type ServedRegions } from '../domain/index.js';
import { callerOf } from '../application/caller.js';
import { DfpaCases } from '../application/dfpa-cases.js';
import { ASSESSMENT_EXAMPLE, MEASURE_EXAMPLE, PLAN_EXAMPLE, REVIEW_EXAMPLE, RegionRoute } from './api-docs.js';
import {
  CaseworkersDto,
  ClosureDto,
  DirectCaseDto,
  MeasureStatusDto,
  MoveDto,
  PlacementDto,
  RavReportDto,
  ReturnDto,
} from './dto/case.dto.js';
import { pageOf } from './page.js';
import { SERVED_REGIONS } from './regions.token.js';

const STATUSES = ['active', 'returned', 'closed', 'moved'];
/** Bodies validated field by field in the domain (nested, versioned records): an object, at most 64 KiB by the body limit. */
type RawBody = Record<string, unknown>;

/**
 * The DFPA case (points 2–5): one region's cases, for its caseworkers and its own system. Every read and change is
 * audited; health constraints appear only for the case's own caseworkers (R22).
 */
@ApiTags('cases')
@Controller('api/v1/cases')
@Roles('sozialregion', 'sozialregion-connector')
export class DfpaCasesController {
  constructor(
    @Inject(DfpaCases) private readonly cases: DfpaCases,
    @Inject(SERVED_REGIONS) private readonly regions: ServedRegions,
  ) {}

  @Get()
  @RegionRoute("The region's DFPA cases", 'Newest first; `status` active (default), returned, closed or moved.')
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false })
  @Header('content-type', 'application/json; charset=utf-8')
  list(
    @CurrentPrincipal() p: Principal,
    @Query('status') status = 'active',
    @Query('limit') limit?: string,
    @Query('after') after?: string,
  ) {
    if (!STATUSES.includes(status))
      throw invalid('status', `erlaubt: ${STATUSES.join(', ')}`, `allowed: ${STATUSES.join(', ')}`);
    const page = pageOf(limit, after);
    return this.cases.list(
      callerOf(p, this.regions),
      status,
      page.limit,
      page.after ? { openedOn: page.after.key, id: page.after.id } : undefined,
    );
  }

  @Post()
  @HttpCode(201)
  @RegionRoute(
    'Open a case directly for a person the canton assigned (VA/FL, R16)',
    'No municipal case behind it; it is never returned to a municipality.',
  )
  open(@CurrentPrincipal() p: Principal, @Body() b: DirectCaseDto) {
    const person: DfpaPerson = { ...b.person, dateOfBirth: b.person.dateOfBirth as DfpaPerson['dateOfBirth'] };
    return this.cases.openDirect(callerOf(p, this.regions), {
      personRef: b.personRef,
      person,
      caseworker: b.caseworker,
      assignedOn: b.assignedOn,
      ...(b.municipality ? { municipality: b.municipality } : {}),
    });
  }

  @Get(':id')
  @RegionRoute('A DFPA case with assessments (every version), plan, measures, reviews, deadlines and history')
  get(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.cases.get(callerOf(p, this.regions), id);
  }

  @Post(':id/assessments')
  @HttpCode(201)
  @ApiBody({ schema: { type: 'object', example: ASSESSMENT_EXAMPLE } })
  @RegionRoute(
    'Record a (re)assessment (Potenzialabklärung)',
    "A new version each time; earlier ones stay readable. `health` is stored apart and shown only to the case's caseworkers (R22). Emits dfpa.assessment-completed.v1 with levels and indicators only.",
  )
  assess(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: RawBody) {
    return this.cases.assess(callerOf(p, this.regions), id, b);
  }

  @Post(':id/plans')
  @HttpCode(201)
  @ApiBody({ schema: { type: 'object', example: PLAN_EXAMPLE } })
  @RegionRoute(
    'Agree the integration plan (individueller Hilfsplan, § 148 SG)',
    'Goals along the IAS goals and the review date (a deadline with reminder). A new plan is a new version.',
  )
  plan(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: RawBody) {
    return this.cases.agreePlan(callerOf(p, this.regions), id, b);
  }

  @Post(':id/measures')
  @HttpCode(201)
  @ApiBody({ schema: { type: 'object', example: MEASURE_EXAMPLE } })
  @RegionRoute(
    'Add a measure to the plan',
    'Typed by a VIntA Art. 4 structure (R3) or an offer of the Angebotsplattform; cost in integer Rappen; its end is a deadline with reminder.',
  )
  measure(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: RawBody) {
    return this.cases.addMeasure(callerOf(p, this.regions), id, b);
  }

  @Post(':id/measures/:measureId/status')
  @HttpCode(200)
  @RegionRoute(
    'Start, end or cancel a measure',
    'Emits dfpa.measure-started.v1 / dfpa.measure-ended.v1 (type and KIP Förderbereich).',
  )
  measureStatus(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('measureId', new ParseUUIDPipe()) measureId: string,
    @Body() b: MeasureStatusDto,
  ) {
    return this.cases.measureStatus(callerOf(p, this.regions), id, measureId, b);
  }

  @Post(':id/reviews')
  @HttpCode(201)
  @ApiBody({ schema: { type: 'object', example: REVIEW_EXAMPLE } })
  @RegionRoute('Record a plan review (date, outcome, reasons, next review)')
  review(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: RawBody) {
    return this.cases.review(callerOf(p, this.regions), id, b);
  }

  @Put(':id/caseworkers')
  @HttpCode(200)
  @RegionRoute('Change the responsible caseworkers')
  caseworkers(
    @CurrentPrincipal() p: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() b: CaseworkersDto,
  ) {
    return this.cases.caseworkers(callerOf(p, this.regions), id, b);
  }

  @Post(':id/rav-reports')
  @HttpCode(201)
  @RegionRoute(
    'Report the person to the RAV (VIntA Art. 9, R19b)',
    'Only after an assessment as arbeitsmarktfähig. Emits dfpa.rav-reported.v1.',
  )
  rav(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: RavReportDto) {
    return this.cases.ravReport(callerOf(p, this.regions), id, b);
  }

  @Post(':id/placements')
  @HttpCode(201)
  @RegionRoute('Record a placement (employment, apprenticeship, internship, training; R19b)')
  placement(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: PlacementDto) {
    return this.cases.placement(callerOf(p, this.regions), id, b);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RegionRoute(
    'Return the case to the municipality',
    'Answers dfpa.case-returned.v1 with the reason; the officer holds the case again.',
  )
  returnCase(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: ReturnDto) {
    return this.cases.returnCase(callerOf(p, this.regions), id, b);
  }

  @Post(':id/closure')
  @HttpCode(200)
  @RegionRoute(
    'Close the case with an exit reason',
    'Departure, naturalisation, death, goals reached or other. Emits dfpa.case-closed.v1.',
  )
  close(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: ClosureDto) {
    return this.cases.close(callerOf(p, this.regions), id, b);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RegionRoute(
    'The person moved to another Sozialregion',
    'This region keeps references, history and its measures, not the personal data; a case from a municipality goes back to it (reason person-moved) to be handed to the new region.',
  )
  move(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() b: MoveDto) {
    return this.cases.move(callerOf(p, this.regions), id, b);
  }
}
