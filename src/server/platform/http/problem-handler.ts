import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { AuditService } from '../audit/audit.service';
import { HttpProblem } from './errors';
import { AccessDenied } from '../../access/authorize';

const PROBLEM_TYPE_BASE = 'https://mosaic.example/problems/';

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: { status: number; title: string; detail?: string; errors?: { path: string; message: string }[] }) {
  const slug = problem.title.toLowerCase().replace(/[^a-z]+/g, '-');
  return reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({ type: `${PROBLEM_TYPE_BASE}${slug}`, instance: request.url.split('?')[0], ...problem });
}

/** Every error leaves as an RFC 9457 problem document; denials are written to the audit chain. */
export function registerProblemHandler(app: FastifyInstance, audit: AuditService) {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof AccessDenied) {
      await audit
        .record(
          { actor: request.actor, ip: request.ip },
          { action: error.action, recordType: error.recordType, recordId: error.recordId, outcome: 'denied' },
        )
        .catch((auditError: unknown) => request.log.error({ err: auditError }, 'could not audit a denial'));
      return sendProblem(reply, request, { status: error.problem.status, title: error.problem.title, detail: error.problem.detail });
    }
    if (error instanceof HttpProblem) {
      return sendProblem(reply, request, { status: error.status, title: error.title, detail: error.detail, errors: error.errors });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: `${error.validationContext ?? 'body'}${issue.instancePath.replace(/\//g, '.')}`,
        message: issue.message ?? 'invalid',
      }));
      return sendProblem(reply, request, { status: 400, title: 'Bad request', detail: 'The request does not match the expected shape.', errors });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, request, { status: 500, title: 'Internal server error', detail: 'The server produced an invalid response.' });
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(reply, request, { status, title: 'Internal server error', detail: 'Something went wrong on our side.' });
    }
    const titles: Record<number, string> = {
      400: 'Bad request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not found',
      413: 'Payload too large',
      415: 'Unsupported media type',
      429: 'Too many requests',
    };
    return sendProblem(reply, request, { status, title: titles[status] ?? 'Request error', detail: error.message });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, { status: 404, title: 'Not found', detail: `No route ${request.method} ${request.url.split('?')[0]}.` }),
  );
}
