import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import { Forbidden } from '@thads/application';

const logger = new Logger('Access');

/**
 * Refused attempts are logged with who, what and why (issue 7 §4); nothing is appended for them.
 * Through Nest's Logger, which is the process's pino logger: each line is JSON and carries the
 * request's `requestId` (logging/request-logging.ts).
 */
export const refusalLog = {
  unauthenticated(request: Request, code: string, why: string): void {
    logger.warn({
      msg: `refused 401 ${request.method} ${request.originalUrl}: who=anonymous@${request.ip} why=${code}: ${why}`,
      refused: {
        status: 401,
        method: request.method,
        url: request.originalUrl,
        who: `anonymous@${request.ip}`,
        code,
        why,
      },
    });
  },
  forbidden(request: Request, error: Forbidden): void {
    const { id, role, unitId } = error.who;
    logger.warn({
      msg: `refused 403 ${request.method} ${request.originalUrl}: who=${id} (${role}, ${unitId}) what=${error.what} why=${error.why}${error.logged ? ` (${error.logged})` : ''}`,
      refused: {
        status: 403,
        method: request.method,
        url: request.originalUrl,
        who: { id, role, unitId },
        what: error.what,
        why: error.why,
        logged: error.logged,
      },
    });
  },
};
