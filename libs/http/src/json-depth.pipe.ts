import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { ProblemError } from './problem.js';

/** Deepest nesting of arrays and objects in a request body or query that the services accept. */
export const MAX_JSON_DEPTH = 32;

/**
 * Refuses bodies and queries nested deeper than {@link MAX_JSON_DEPTH} before validation: class-transformer walks
 * them recursively and overflows the stack at a few thousand levels (a 500 and up to 0.7 s of event-loop time per
 * request, security probe F7). The walk here is iterative, so it cannot overflow itself.
 */
export class JsonDepthPipe implements PipeTransform {
  constructor(private readonly maxDepth = MAX_JSON_DEPTH) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const depth = nestingDepth(value, this.maxDepth);
    if (depth > this.maxDepth) {
      throw new ProblemError({
        status: 400,
        title: 'Bad Request',
        detail: `Die Anfrage ist tiefer als ${this.maxDepth} Ebenen verschachtelt. / The ${metadata.type} is nested deeper than ${this.maxDepth} levels.`,
        errors: [
          { pointer: metadata.type === 'body' ? '#/' : 'query', message: `nesting deeper than ${this.maxDepth}` },
        ],
      });
    }
    return value;
  }
}

/** Depth of arrays/objects in `value`, counting stops once past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Object.values(node as Record<string, unknown>))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}
