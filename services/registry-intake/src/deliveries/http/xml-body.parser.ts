import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const XML_MEDIA_TYPES = ['application/xml', 'text/xml'];

/**
 * Hands XML request bodies to the controller as the raw stream, unread: a delivery is read, validated and stored
 * as it arrives (a base delivery may be a gigabyte), and the intake limits, not Fastify's body limit, bound it.
 */
@Injectable()
export class XmlBodyParser implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('application/xml')) return;
    fastify.addContentTypeParser(XML_MEDIA_TYPES, (_request, payload, done) => done(null, payload));
  }
}

export function isXmlMediaType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type !== undefined && XML_MEDIA_TYPES.includes(type);
}
