import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OrganisationRegister } from '../domain/index.js';
import type { ReferenceData } from '../../shared/reference-data.js';
import { REFERENCE_DATA } from '../../cases/application/tokens.js';
import { CASE_MANAGEMENT_CONFIG, type CaseManagementConfig } from '../../config/case-management.config.js';
import { OrganisationPeriodRepository } from './organisation-period.repository.js';

/**
 * The organisation model of all municipalities (about 100 × a few periods) held in memory, since every
 * request resolves access with it. It is re-read after `ttlMs` (so a change made by another instance
 * takes effect within that time) and at once after a change through this instance.
 */
@Injectable()
export class OrganisationRegisterProvider {
  private cached?: { register: OrganisationRegister; loadedAt: number };
  private loading?: Promise<OrganisationRegister>;

  private readonly ttlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OrganisationPeriodRepository) private readonly periods: OrganisationPeriodRepository,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(CASE_MANAGEMENT_CONFIG) config: Pick<CaseManagementConfig, 'organisationCacheMs'>,
  ) {
    this.ttlMs = config.organisationCacheMs;
  }

  async current(): Promise<OrganisationRegister> {
    if (this.cached && Date.now() - this.cached.loadedAt < this.ttlMs) return this.cached.register;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async load(): Promise<OrganisationRegister> {
    const register = new OrganisationRegister(
      await this.periods.all(this.dataSource.manager),
      this.reference.directory,
    );
    this.cached = { register, loadedAt: Date.now() };
    return register;
  }
}
