import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { routeDeclarations } from './route-declarations.js';

export interface OpenApiInfo {
  title: string;
  description: string;
  version?: string;
}

/** The service's OpenAPI document, built from its controllers and DTOs. */
export function buildOpenApi(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version ?? '1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Access token of the realm start-integration',
    })
    .addSecurityRequirements('bearer')
    .build();
  return withAccessDeclarations(SwaggerModule.createDocument(app, config), app);
}

type Operation = { description?: string; security?: unknown[]; 'x-roles'?: readonly string[] };

/**
 * Writes each route's declared access into its operation: `x-roles` and a sentence in the description for a route
 * with `@Roles`, no security requirement for a `@Public()` one. The same declaration the guard enforces.
 */
function withAccessDeclarations(document: OpenAPIObject, app: INestApplication): OpenAPIObject {
  for (const route of routeDeclarations(app)) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = (document.paths[path] as Record<string, Operation> | undefined)?.[route.method.toLowerCase()];
    if (!operation) continue;
    if (route.policy.kind === 'roles') {
      operation['x-roles'] = route.policy.roles;
      const sentence = `Roles: ${route.policy.roles.join(', ')}.`;
      operation.description = operation.description ? `${operation.description}\n\n${sentence}` : sentence;
    } else if (route.policy.kind === 'public') operation.security = [];
  }
  return document;
}

/** Serves the UI at `/api/docs` and the JSON at `/api/docs-json`. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
