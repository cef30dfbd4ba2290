import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { CaseDetailDto, ProblemDto } from './dto/responses.dto.js';

const problem = (status: number, description: string) =>
  ApiResponse({
    status,
    description,
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
  });

/** The refusals every case route can answer, all application/problem+json naming their rule. */
export const ApiRefusals = () =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    problem(400, 'Malformed input (rule CM7)'),
    problem(401, 'No or invalid bearer token'),
    problem(403, "The caller's role may not take this step"),
    problem(404, "No such case in the caller's scope (rule R25); the same answer whether it exists or not"),
    problem(409, "Not allowed in the case's current state (rule named)"),
    problem(422, 'The input breaks a domain rule (rule named)'),
  );

/** An action on a case: summary, the case id parameter, the refusals, and the updated case as answer. */
export const CaseActionDocs = (summary: string, description?: string) =>
  applyDecorators(
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiParam({ name: 'id', format: 'uuid', description: 'Case id' }),
    ApiOkResponse({ type: CaseDetailDto, description: 'The case after the action, as the caller may see it' }),
    ApiRefusals(),
  );
