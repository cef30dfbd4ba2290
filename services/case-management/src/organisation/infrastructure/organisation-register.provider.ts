import type { DataSource } from 'typeorm';
import { OrganisationRegister } from '../domain/index.js';
import type { ReferenceData } from '../../shared/reference-data.js';
import type { OrganisationPeriodRepository } from './organisation-period.repository.js';

/**
 * The organisation model of all municipalities (about 100 × a few periods) held in memory, since every
 * request resolves access with it. It is re-read after `ttlMs` (so a change made by another instance
 * takes effect within that time) and at once after a change through this instance.
 */
export class OrganisationRegisterProvider {
  private cached?: { register: OrganisationRegister; loadedAt: number };
  private loading?: Promise<OrganisationRegister>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: OrganisationPeriodRepository,
    private readonly reference: ReferenceData,
    private readonly ttlMs: number,
  ) {}

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
