import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { DestinationStream, Logger, LevelWithSilent } from 'pino';
import { pinoHttp } from 'pino-http';
import { storage, Store } from 'nestjs-pino/storage';
import type { NextFunction, Request, Response } from 'express';

/** Where the logs go and from which level; `silent` in tests. */
export interface LogOptions {
  level: LevelWithSilent;
  /** Standard output unless a test captures the lines. */
  destination?: DestinationStream;
}

/** An id a client or a proxy sent that is safe to echo and to log: no spaces, no control characters. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** The request's id: the caller's X-Request-Id when well formed (a proxy's trace), else a new UUID. */
export const requestIdOf = (request: IncomingMessage): string => {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && WELL_FORMED_ID.test(given) ? given : randomUUID();
};

/**
 * Quiet in tests (docs/style.md): jest sets JEST_WORKER_ID, the e2e harness passes `logger: false`.
 * Everywhere else `info`: one line per request, the projector's and the refusals' lines.
 */
export const logLevel = (quiet: boolean, env: NodeJS.ProcessEnv = process.env): LevelWithSilent =>
  quiet || env.NODE_ENV === 'test' || env.JEST_WORKER_ID !== undefined ? 'silent' : 'info';

/**
 * One pino logger for the whole process, JSON lines on stdout, and pino-http on top of it: every
 * request gets an id (echoed in X-Request-Id, written in its problem+json), a completion line
 * with status and duration, and the lines logged while it runs carry `requestId`. Neither
 * bodies nor the Authorization and Cookie headers are logged (a password, a token).
 */
export const requestLogging = (
  options: LogOptions,
): { logger: Logger; http: (request: Request, response: Response, next: NextFunction) => void } => {
  const settings: pino.LoggerOptions = {
    level: options.level,
    base: { service: 'thads-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // The serializers below leave headers out; this stays in case one is added to them.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  };
  // Standard output, written synchronously: a line logged just before process.exit is not lost.
  const logger = options.destination ? pino(settings, options.destination) : pino(settings);
  const http = pinoHttp<Request, Response>({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const id = requestIdOf(request);
      response.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Probes call /api/health every few seconds: a line each would drown the rest.
    autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
  });
  // Then what Nest's Logger writes during the request goes through the request's child logger
  // (its lines carry `requestId`): nestjs-pino's own binding, done here rather than as module middleware.
  const bind = (request: Request, _response: Response, next: NextFunction) =>
    storage.run(new Store((request as Request & { log: Logger }).log), next);
  return { logger, http: (request, response, next) => http(request, response, () => bind(request, response, next)) };
};
