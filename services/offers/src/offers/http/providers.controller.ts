import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { z } from 'zod';
import { NotFoundError, refuse } from '../../shared/rules.js';
import { parseInput } from '../../shared/zod-input.js';
import { Canton } from '../../shared/canton.js';
import { isSwissIban } from '../domain/iban.js';
import { ProviderRepository, type Provider } from '../infrastructure/provider.repository.js';
import { jsonSchemaOf } from './json-schema.js';

const providerSchema = z.strictObject({
  name: z.string().trim().min(2).max(160),
  kind: z.enum(['association', 'school', 'ngo', 'public-body', 'company']),
  municipality: z.number().int().nullable().default(null),
  contact: z.strictObject({
    person: z.string().max(120).optional(),
    email: z.email().max(200),
    phone: z
      .string()
      .regex(/^\+?[0-9 ]{7,20}$/)
      .optional(),
  }),
  address: z.strictObject({
    street: z.string().trim().min(1).max(120),
    postcode: z.string().regex(/^[1-9][0-9]{3}$/),
    place: z.string().trim().min(1).max(80),
  }),
  iban: z
    .string()
    .refine(isSwissIban, 'a Swiss or Liechtenstein IBAN with a valid check number')
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .nullable()
    .default(null),
});
const createSchema = providerSchema.extend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens'),
});

/**
 * Provider organisations: AGS registers them; provider staff read and keep their own (name, contact, address, the
 * IBAN for later subsidies). Nobody else reads a provider's contact person or IBAN.
 */
@ApiTags('providers')
@ApiBearerAuth()
@Controller('api/v1/providers')
export class ProvidersController {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(ProviderRepository) private readonly providers: ProviderRepository,
    @Inject(Canton) private readonly canton: Canton,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('ags')
  @ApiOperation({ summary: 'Register a provider organisation (AGS)' })
  @ApiBody({ schema: jsonSchemaOf(createSchema) })
  async create(@Body() body: unknown) {
    const p = parseInput(createSchema, body);
    this.checkMunicipality(p.municipality);
    const created = await this.providers.save(this.dataSource.manager, p as Provider, true);
    if (!created)
      refuse(
        'OF1',
        'provider-exists',
        `Die Kennung «${p.id}» ist schon vergeben.`,
        `Provider id "${p.id}" exists.`,
        'conflict',
        { field: 'id' },
      );
    return p;
  }

  @Get()
  @Roles('ags')
  @ApiOperation({ summary: 'All provider organisations (AGS)' })
  async list() {
    return { items: await this.providers.list(this.dataSource.manager) };
  }

  @Get(':id')
  @Roles('ags', 'anbieter')
  @ApiOperation({ summary: 'One provider organisation (AGS, or its own staff)' })
  async one(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.ownOrAgs(principal, id);
  }

  @Put(':id')
  @Roles('ags', 'anbieter')
  @ApiOperation({ summary: 'Keep a provider organisation (AGS, or its own staff)' })
  @ApiBody({ schema: jsonSchemaOf(providerSchema) })
  async update(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const existing = await this.ownOrAgs(principal, id);
    const p = parseInput(providerSchema, body);
    // Which municipality a provider is decides who keeps its offers (OF7): only AGS changes that.
    const municipality = principal.roles.includes('ags') ? p.municipality : existing.municipality;
    this.checkMunicipality(municipality);
    const updated: Provider = { ...p, id, municipality };
    await this.providers.save(this.dataSource.manager, updated, false);
    return updated;
  }

  private async ownOrAgs(principal: Principal, id: string): Promise<Provider> {
    const own = principal.roles.includes('ags') || principal.anbieter === id;
    const provider = own ? await this.providers.find(this.dataSource.manager, id) : undefined;
    if (!provider) throw new NotFoundError('Anbieter', id);
    return provider;
  }

  private checkMunicipality(bfs: number | null): void {
    if (bfs !== null && !this.canton.isMunicipality(bfs)) {
      refuse(
        'OF1',
        'unknown-municipality',
        `${bfs} ist keine Solothurner Gemeinde.`,
        `${bfs} is not a Solothurn municipality.`,
        'unprocessable',
        { field: 'municipality' },
      );
    }
  }
}
