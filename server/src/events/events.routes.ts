import type { LiveEvent } from '@weir/contract';
import type { FastifyInstance } from 'fastify';
import { principalOf } from '../access/request-principal.js';
import type { EventBus, WeirEvent } from './events.js';
import type { LiveStreams } from './live-streams.js';

/** Event types the browser gets; exceptions and checkpoints stay server-side (alerts, health). */
const LIVE_TYPES = new Set<WeirEvent['type']>(['run.discovered', 'run.status', 'cluster.health'] satisfies LiveEvent['type'][]);
const KEEPALIVE_MS = 15_000;

/**
 * Server-Sent Events: every status change the watcher records reaches open
 * pages as it happens, so the overview's cards and rows update without polling.
 * A page hears only about its user's teams' tasks and clusters (LiveStreams decides).
 */
export function eventsRoutes(app: FastifyInstance, _pages: EventBus, streams: LiveStreams): void {
  // `_pages` is the bus LiveStreams already follows: it hands each stream the events its principal may hear.
  app.get('/api/events', {
    config: { access: 'viewer' },
    schema: {
      tags: ['events'],
      operationId: 'streamEvents',
      description:
        'text/event-stream of run.discovered, run.status and cluster.health events (data is the event as JSON). The stream ends when its credential is revoked or expires; a user or token holds at most a few streams at once (429 beyond).',
    },
    handler: (request, reply) => {
      const principal = principalOf(request);
      streams.assertRoomFor(principal);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      const send = (event: WeirEvent) => {
        if (LIVE_TYPES.has(event.type)) res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      };
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
      const close = () => {
        clearInterval(keepalive);
        forget();
      };
      const forget = streams.add({
        principal,
        send,
        end: (reason) => {
          close();
          // The browser's EventSource reconnects on its own; with a revoked credential that attempt gets 401 and stops.
          res.end(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
        },
      });
      request.raw.on('close', close);
      res.on('error', close);
    },
  });
}
