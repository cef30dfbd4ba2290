import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { correlation } from '@si/observability';
import { queryString } from '../api/service-client.js';
import { UserTokens } from '../auth/user-token.js';
import { WEB_CONFIG, type WebConfig } from '../config/web.config.js';
import { ForbiddenPage, LoginRequired, NotFoundPage, ServiceDown } from '../shell/web-errors.js';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  disposition: string;
}

const TYPES = new Set([
  'text/csv; charset=utf-8',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
]);

/**
 * Fetches an export (CSV, XLSX, PDF) from the reporting service as the user and hands it on: the JSON clients
 * read text, an export is bytes. The service checks role and area and audits the export.
 */
@Injectable()
export class ReportExports {
  constructor(
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
    @Inject(UserTokens) private readonly tokens: UserTokens,
  ) {}

  async fetch(request: FastifyRequest, query: Record<string, string | undefined>): Promise<ExportFile> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.tokens.accessToken(request)}` };
    const id = correlation.id();
    if (id) headers['x-correlation-id'] = id;
    let response: Response;
    try {
      response = await fetch(`${this.config.services.reporting}/api/v1/figures/export${queryString(query)}`, {
        headers,
        signal: AbortSignal.timeout(60_000),
      });
    } catch {
      throw new ServiceDown('reporting');
    }
    if (response.status === 401) throw new LoginRequired(request.url);
    if (response.status === 403) throw new ForbiddenPage();
    if (response.status === 404 || response.status === 400 || response.status === 422) throw new NotFoundPage();
    if (!response.ok) throw new ServiceDown('reporting');
    const type = response.headers.get('content-type') ?? '';
    const contentType = [...TYPES].find((t) => type.startsWith(t.split(';')[0] ?? t)) ?? 'application/octet-stream';
    const name = /filename="([\w.-]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'kennzahlen';
    return {
      body: Buffer.from(await response.arrayBuffer()),
      contentType,
      disposition: `attachment; filename="${name}"`,
    };
  }
}
