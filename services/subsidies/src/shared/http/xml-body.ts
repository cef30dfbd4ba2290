import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Hands XML request bodies (the bank's camt.054) to the controller as the raw stream, so the reader parses them as
 * they arrive and bounds their size itself.
 */
@Injectable()
export class XmlBodyStream implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('application/xml')) return;
    fastify.addContentTypeParser(['application/xml', 'text/xml'], (_request, payload, done) => done(null, payload));
  }
}

export const isStream = (body: unknown): body is AsyncIterable<Uint8Array> =>
  !!body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function';
