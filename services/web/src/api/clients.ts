import { ServiceClient } from './service-client.js';

/** One injectable client per service the workspace calls. */
export class CaseManagementApi extends ServiceClient {}
export class RegistryIntakeApi extends ServiceClient {}
export class OffersApi extends ServiceClient {}
export class SubsidiesApi extends ServiceClient {}
export class ReportingApi extends ServiceClient {}
export class DfpaApi extends ServiceClient {}
