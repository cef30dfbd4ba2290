import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@si/auth';
import { ASSET_LIST } from './assets.js';

const BY_PATH = new Map(ASSET_LIST.map((a) => [a.url.slice('/assets/'.length), a]));

@Controller('assets')
export class AssetsController {
  @Public()
  @Get(':file')
  serve(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const found = BY_PATH.get(file);
    if (!found) throw new NotFoundException();
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    void reply
      .header('content-type', found.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'accept-encoding');
    if (gzip) void reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? found.gzip : found.body);
  }
}
