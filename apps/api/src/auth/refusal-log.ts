import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import { Forbidden } from '@thads/application';

const logger = new Logger('Access');

/** Refused attempts are logged with who, what and why (issue 7 §4); nothing is appended for them. */
export const refusalLog = {
  unauthenticated(request: Request, code: string, why: string): void {
    logger.warn(`refused 401 ${request.method} ${request.originalUrl}: who=anonymous@${request.ip} why=${code}: ${why}`);
  },
  forbidden(request: Request, error: Forbidden): void {
    const { id, role, unitId } = error.who;
    logger.warn(`refused 403 ${request.method} ${request.originalUrl}: who=${id} (${role}, ${unitId}) what=${error.what} why=${error.why}${error.logged ? ` (${error.logged})` : ''}`);
  },
};
