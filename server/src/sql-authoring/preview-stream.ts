import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SqlPreviewEvent } from '@weir/contract';
import { inCallersLanguage } from '../errors/error-handler.js';
import { AppError } from '../errors/errors.js';

/**
 * An `alive` line this often while a query yields nothing, so that a proxy between the browser and
 * Weir does not close the connection as idle (many do after 30 to 60 s).
 */
const ALIVE_MS = 15_000;

type EndEvent = Extract<SqlPreviewEvent, { type: 'end' }>;
type Run = (signal: AbortSignal, emit: (event: SqlPreviewEvent) => void) => Promise<EndEvent>;

/**
 * Answers a preview as newline-delimited JSON, one SqlPreviewEvent per line, written as the preview
 * emits them. The answer's status is chosen by the first event: an error thrown before it (the
 * script, the query's form, access) is an ordinary HTTP error with the one error body; after it,
 * an error ends the stream with an `error` line carrying that same body. The request going away
 * (Stop, a closed page or tab) aborts the preview, which then closes its gateway operation and
 * cancels its job.
 */
export async function streamPreviewAnswer(req: FastifyRequest, reply: FastifyReply, run: Run): Promise<FastifyReply> {
  const gone = new AbortController();
  const res = reply.raw;
  res.on('close', () => {
    if (!res.writableEnded) gone.abort();
  });
  let streaming = false;
  let alive: ReturnType<typeof setInterval> | undefined;
  const write = (event: SqlPreviewEvent) => {
    if (!streaming) {
      streaming = true;
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        'x-content-type-options': 'nosniff',
        // Tells nginx not to hold the lines back until its buffer fills.
        'x-accel-buffering': 'no',
      });
      alive = setInterval(() => write({ type: 'alive' }), ALIVE_MS);
    }
    if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify(event)}\n`);
  };
  let last: SqlPreviewEvent;
  try {
    last = await run(gone.signal, write);
  } catch (err) {
    clearInterval(alive);
    if (!streaming) throw err;
    if (!(err instanceof AppError)) req.log.error({ err }, 'a streamed preview failed');
    last = {
      type: 'error',
      error:
        err instanceof AppError
          ? { code: err.code, message: inCallersLanguage(req, err.message), ...(err.details === undefined ? {} : { details: err.details }) }
          : { code: 'INTERNAL', message: inCallersLanguage(req, 'Internal error; see the server log') },
    };
  }
  clearInterval(alive);
  write(last);
  res.end();
  return reply;
}
