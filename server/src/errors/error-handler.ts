import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '@weir/contract';
import { errorLanguageOf } from './error-language.js';
import { messageInChinese } from './error-messages.zh-CN.js';
import { AppError, HTTP_STATUS } from './errors.js';

/**
 * Maps every thrown error to the one error body shape; the only place that knows HTTP statuses of
 * errors. The message goes out in the caller's language (Accept-Language, which the web app sets to
 * the language it shows); the code and details stay as they are for programs.
 */
export function registerErrorHandling(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const body = bodyIn(errorLanguageOf(request.headers['accept-language']));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`,
        message: v.message,
      }));
      const summary = details.map((d) => `${d.path || 'request'}: ${d.message}`).join('; ');
      return reply.status(400).send(body('VALIDATION', `Invalid request: ${summary}`, details));
    }
    if (err instanceof AppError) {
      return reply.status(HTTP_STATUS[err.code]).send(body(err.code, err.message, err.details));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return reply.status(500).send(body('INTERNAL', 'The server produced an invalid response'));
    }
    if (err.statusCode === 413) {
      const limit = request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit;
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', `The request body is larger than the ${limit} bytes this operation accepts`));
    }
    // Fastify's own 4xx (bad JSON, unsupported media type) are the caller's input errors.
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('VALIDATION', err.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Internal error; see the server log'));
  });

  app.setNotFoundHandler((request, reply) => {
    const body = bodyIn(errorLanguageOf(request.headers['accept-language']));
    // Client-side routes (/jobs/…, /clusters) get the web app; unknown /api paths stay JSON 404s.
    if (opts.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send(body('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}

/**
 * A message of Weir's in the caller's language, for an answer that carries errors without failing
 * (one line per task of a bulk operation, the last line of a streamed preview): those do not pass
 * the error handler.
 */
export function inCallersLanguage(request: FastifyRequest, message: string): string {
  return errorLanguageOf(request.headers['accept-language']) === 'zh-CN' ? messageInChinese(message) : message;
}

function bodyIn(language: 'en-US' | 'zh-CN') {
  return (code: ErrorBody['error']['code'], message: string, details?: unknown): ErrorBody => {
    const text = language === 'zh-CN' ? messageInChinese(message) : message;
    return { error: details === undefined ? { code, message: text } : { code, message: text, details } };
  };
}
