import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { AuditService } from '../audit/audit.service';
import { HttpProblem, type ProblemError } from './errors';
import { AccessDenied } from '../../access/authorize';
import { CONTROL_CHARACTER_MESSAGE } from '../../../contract/single-line';

const PROBLEM_TYPE_BASE = 'https://mosaic.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
/** Longer request targets answer 414 before any route runs (Node itself stops at 16 KB of headers). */
export const MAX_URL_LENGTH = 8 * 1024;
const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

interface ProblemFields {
  status: number;
  title?: string;
  detail?: string;
  errors?: ProblemError[];
  /** A stable name of the refusal (RFC 9457 extension member), for clients to translate. */
  code?: string;
}

const titleOf = (status: number) => TITLES[status] ?? STATUS_CODES[status] ?? 'Request error';
const instanceOf = (url: string) => (url.split('?')[0] ?? '/').slice(0, 500);

/** The RFC 9457 document for a status; `instance` is the request path without its query. */
export function problemDocument(problem: ProblemFields, instance?: string) {
  const title = problem.title ?? titleOf(problem.status);
  return {
    type: `${PROBLEM_TYPE_BASE}${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title,
    status: problem.status,
    ...(problem.code === undefined ? {} : { code: problem.code }),
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    ...(instance === undefined ? {} : { instance }),
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
  };
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: ProblemFields) {
  return reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problemDocument(problem, instanceOf(request.url)));
}

/** Fastify's own refusals before routing (bad percent-encoding, an over-long path parameter). */
export function sendFrameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, request, { status: 400, detail: 'The URL is not valid: it has a malformed percent-encoding.' });
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, request, { status: 414, detail: 'A part of the URL is longer than the server accepts.' });
  }
  request.log.error({ err: error }, 'framework error');
  return sendProblem(reply, request, { status: 500, detail: 'Something went wrong on our side.' });
}

/** A request Node's HTTP parser refused (malformed, headers too large, timeout): answered on the raw socket. */
export function writeClientErrorProblem(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail = { 408: 'The request took too long to arrive.', 431: 'The request line or headers are larger than the server accepts.' }[status as 408 | 431] ?? 'The request is malformed.';
  const body = JSON.stringify(problemDocument({ status, detail }));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/** Fastify options that make its own refusals problem documents: pass them to every `Fastify()`. */
export const problemServerOptions = { frameworkErrors: sendFrameworkProblem, clientErrorHandler: writeClientErrorProblem };

/** The methods that a concrete path answers, not counting the web app's catch-all. */
function allowedMethods(app: FastifyInstance, path: string): string[] {
  return ROUTE_METHODS.filter((method) => {
    const route = app.findRoute({ method, url: path });
    return route !== null && (route.params as Record<string, string | undefined>)['*'] === undefined;
  });
}

/** Every error leaves as an RFC 9457 problem document; denials are written to the audit chain. */
export function registerProblemHandler(app: FastifyInstance, audit: AuditService) {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH) throw new HttpProblem(414, titleOf(414), `The URL is longer than ${MAX_URL_LENGTH} characters.`);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof AccessDenied) {
      await audit
        .record(
          { actor: request.actor, ip: request.ip },
          { action: error.action, recordType: error.recordType, recordId: error.recordId, outcome: 'denied', subject: error.subject },
        )
        .catch((auditError: unknown) => request.log.error({ err: auditError }, 'could not audit a denial'));
      return sendProblem(reply, request, { status: error.problem.status, title: error.problem.title, detail: error.problem.detail });
    }
    if (error instanceof HttpProblem) {
      return sendProblem(reply, request, { status: error.status, title: error.title, detail: error.detail, errors: error.errors, code: error.problemCode });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: `${error.validationContext ?? 'body'}${issue.instancePath.replace(/\//g, '.')}`,
        message: issue.message ?? 'invalid',
      }));
      // A request of the right shape whose text holds control characters is refused as content (422).
      if (errors.every((issue) => issue.message === CONTROL_CHARACTER_MESSAGE)) {
        return sendProblem(reply, request, { status: 422, detail: `Control characters are not allowed in ${errors.map((issue) => issue.path).join(', ')}.`, errors });
      }
      return sendProblem(reply, request, { status: 400, detail: 'The request does not match the expected shape.', errors });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, request, { status: 500, detail: 'The server produced an invalid response.' });
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(reply, request, { status, title: titleOf(500), detail: 'Something went wrong on our side.' });
    }
    return sendProblem(reply, request, { status, detail: error.message });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = instanceOf(request.url);
    const allowed = allowedMethods(app, path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(reply, request, { status: 405, detail: `${path} answers ${allowed.join(', ')}, not ${request.method}.` });
    }
    return sendProblem(reply, request, { status: 404, detail: `No route ${request.method} ${path}.` });
  });

  // The last line of defence: whatever a plugin sent as an error becomes a problem document.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400) return payload;
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json')) return payload;
    if (request.routeOptions.config.htmlErrors === true && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    reply.header('content-type', PROBLEM_CONTENT_TYPE);
    reply.removeHeader('content-length');
    return JSON.stringify(problemDocument({ status: reply.statusCode }, instanceOf(request.url)));
  });
}
