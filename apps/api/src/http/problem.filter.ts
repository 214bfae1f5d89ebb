import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Problem, problemOf, problemTitle } from '@thads/application';
import { isStoreUnavailable } from '@thads/event-store';
import { allowedMethods } from './allowed-methods';

const RETRY_AFTER_SECONDS = 2;

/** A request the pipe refused: 400 `validation` with one line per failed constraint. */
export class ValidationProblem extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
  }
}

/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable `code` for programs
 * and a Vietnamese `title` for people (libs/application/src/problem-catalogue.ts); bad input is
 * 4xx and never a stack trace. A store out of reach or busy is a 503 with Retry-After; only an
 * unexpected fault is a 500. Both are logged here with their stack.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.wrongMethod(error, request, response) ?? this.toProblem(error);
    if (problem.status >= 500)
      this.logger.error(`${request.method} ${request.url}: ${(error as Error)?.stack ?? String(error)}`);
    if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response
      .status(problem.status)
      .type('application/problem+json')
      .json({
        type: `urn:thads:problem:${problem.code}`,
        title: problem.title,
        status: problem.status,
        code: problem.code,
        detail: problem.detail,
        instance: request.originalUrl,
        // The id in X-Request-Id and in the log lines (logging/request-logging.ts): what to quote to support.
        requestId: String((request as { id?: unknown }).id ?? ''),
        ...problem.extra,
      });
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof ValidationProblem)
      return {
        status: 400,
        code: 'validation',
        title: problemTitle('validation', 400),
        detail: error.message,
        extra: { errors: error.errors },
      };
    const known = problemOf(error);
    if (known) return known;
    if (error instanceof HttpException) return this.fromHttp(error);
    if (isStoreUnavailable(error)) {
      return {
        status: 503,
        code: 'store.unavailable',
        title: problemTitle('store.unavailable', 503),
        detail:
          'the store cannot be reached or is busy; repeat the request shortly, with the same Idempotency-Key for a command',
      };
    }
    if (isBodyParserError(error)) {
      const status = error.status ?? 400;
      const code =
        status === 413
          ? 'request.too-large'
          : status === 415
            ? 'request.unsupported-media-type'
            : 'request.malformed-json';
      return { status, code, title: problemTitle(code, status), detail: error.message };
    }
    return {
      status: 500,
      code: 'internal',
      title: problemTitle('internal', 500),
      detail: 'An unexpected error occurred; it has been logged.',
    };
  }

  private fromHttp(error: HttpException): Problem {
    const status = error.getStatus();
    const body = error.getResponse() as { message?: string | string[]; code?: string } | string;
    const message =
      typeof body === 'string'
        ? body
        : Array.isArray(body.message)
          ? body.message.join('; ')
          : (body.message ?? error.message);
    const code = typeof body === 'object' && body.code ? body.code : (HTTP_CODES[status] ?? `http.${status}`);
    return { status, code, title: problemTitle(code, status), detail: message };
  }

  /** Nest's 404 for a path the router serves with other methods: 405 with Allow instead. */
  private wrongMethod(error: unknown, request: Request, response: Response): Problem | undefined {
    if (!(error instanceof NotFoundException) || request.route) return undefined;
    const allowed = allowedMethods(request);
    if (allowed.length === 0) return undefined;
    response.setHeader('Allow', allowed.join(', '));
    return {
      status: 405,
      code: 'request.method-not-allowed',
      title: problemTitle('request.method-not-allowed', 405),
      detail: `${request.method} is not served at ${request.path}: use ${allowed.join(', ')}`,
      extra: { allow: allowed },
    };
  }
}

/** The codes of the answers Nest raises itself as HttpException, with no code of ours. */
const HTTP_CODES: Record<number, string> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'request.method-not-allowed',
  413: 'request.too-large',
  415: 'request.unsupported-media-type',
};

const isBodyParserError = (e: unknown): e is { status?: number; message: string; type: string } =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { type?: unknown }).type === 'string' &&
  typeof (e as { status?: unknown }).status === 'number';
