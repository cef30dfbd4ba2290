import type { FastifyRequest } from 'fastify';
import { correlation } from '@si/observability';
import type { UserTokens } from '../auth/user-token.js';
import { ForbiddenPage, LoginRequired, NotFoundPage, ServiceDown } from '../shell/web-errors.js';

/** RFC 9457 problem as the platform's services answer refusals (rule, German title, field details). */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  rule?: string;
  ruleText?: string;
  code?: string;
  details?: Record<string, unknown>;
  errors?: { pointer?: string; message: string }[];
}

/** A refusal the user can act on (400/409/422): shown next to the form that caused it. */
export class ServiceRefusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title ?? `refused (${problem.status})`);
  }
}

type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) params.set(k, v.join(','));
    } else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Calls one service as the logged-in user (their access token), passing the correlation id on. What the
 * service answers is mapped to what the page shows: 404 → "nicht gefunden" (a foreign object looks like a
 * missing one), 403 → no access, 401 → log in again, 5xx or no answer → service unavailable, other 4xx → a
 * refusal for the form.
 */
export class ServiceClient {
  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly tokens?: UserTokens,
  ) {}

  /** `headers`: e.g. X-Forwarded-For for a service that trusts this one as its proxy (the offers rate limit). */
  async get<T>(
    request: FastifyRequest | null,
    path: string,
    query?: Query,
    headers: Record<string, string> = {},
  ): Promise<T> {
    return this.call<T>(request, 'GET', `${path}${queryString(query)}`, undefined, headers);
  }

  async post<T>(request: FastifyRequest, path: string, body?: unknown): Promise<T> {
    return this.call<T>(request, 'POST', path, body);
  }

  async put<T>(request: FastifyRequest, path: string, body?: unknown): Promise<T> {
    return this.call<T>(request, 'PUT', path, body);
  }

  private async call<T>(
    request: FastifyRequest | null,
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { ...extra, accept: 'application/json' };
    const id = correlation.id();
    if (id) headers['x-correlation-id'] = id;
    if (request && this.tokens) headers['authorization'] = `Bearer ${await this.tokens.accessToken(request)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      throw new ServiceDown(this.name);
    }
    const text = await response.text();
    const json = text ? safeJson(text) : undefined;
    if (response.ok) return json as T;
    const problem: Problem = { status: response.status, ...(json && typeof json === 'object' ? (json as object) : {}) };
    if (response.status === 401) throw new LoginRequired(request?.url ?? '/');
    if (response.status === 403 && method === 'GET') throw new ForbiddenPage();
    if (
      response.status === 404 &&
      (method === 'GET' ||
        problem.rule === 'R25' ||
        (/not-found$/.test(problem.type ?? '') && !/part/.test(problem.type ?? '')))
    ) {
      throw new NotFoundPage();
    }
    if (response.status >= 500) throw new ServiceDown(this.name);
    throw new ServiceRefusal(problem);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
