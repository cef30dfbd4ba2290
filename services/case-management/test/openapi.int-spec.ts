import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openApiOf, startCaseApp, type CaseTestApp } from './support/case-app.js';
import { routeTable } from '@si/testing';

describe('OpenAPI document', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('describes every API route with a summary, the bearer scheme, its answer and its problem+json refusals', () => {
    const doc = openApiOf(t.app);
    const missing: string[] = [];
    for (const route of routeTable(t.app).filter((r) => r.path.startsWith('/api/'))) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const op = (doc.paths[path] as Record<string, Record<string, unknown>> | undefined)?.[route.method.toLowerCase()];
      if (!op) {
        missing.push(`${route.key}: no operation`);
        continue;
      }
      const responses = op['responses'] as Record<string, { content?: Record<string, { schema?: unknown }> }>;
      if (!op['summary']) missing.push(`${route.key}: no summary`);
      if (!responses['200']?.content) missing.push(`${route.key}: no documented 200 body`);
      for (const status of ['400', '401', '403', '404'])
        if (!responses[status]) missing.push(`${route.key}: no ${status}`);
      if (route.method === 'POST' && !op['requestBody']) missing.push(`${route.key}: no request body`);
      for (const param of route.path.match(/:(\w+)/g) ?? []) {
        if (
          !(op['parameters'] as { name: string; in: string }[] | undefined)?.some(
            (p) => p.in === 'path' && `:${p.name}` === param,
          )
        )
          missing.push(`${route.key}: ${param} undocumented`);
      }
    }
    expect(missing).toEqual([]);
    expect(doc.components?.securitySchemes?.['bearer']).toBeDefined();
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/bench'))).toBe(false);
  });

  it('documents the work-list filters, sorting and pagination', () => {
    const params = (
      (openApiOf(t.app).paths['/api/v1/cases'] as Record<string, { parameters: { name: string }[] }>)['get']
        ?.parameters ?? []
    ).map((p) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        'phase',
        'status',
        'municipality',
        'due',
        'overdue',
        'nationality',
        'language',
        'household',
        'q',
        'sort',
        'limit',
        'cursor',
      ]),
    );
  });
});
