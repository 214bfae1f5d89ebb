import type { NextFunction, Request, Response } from 'express';
import { Readiness } from './readiness';

/**
 * `GET /api/health` once ready, answered before Nest's router: the same body as HealthController
 * (which still answers 503 while starting, and describes the route), without its guard,
 * interceptors and pipes. A probe asks it every few seconds and a load balancer more often; under
 * load it waited behind the writes' whole request path. It reads only memory.
 */
export const healthFromMemory = (readiness: Readiness) => (request: Request, response: Response, next: NextFunction): void => {
  if (request.method !== 'GET' || request.path !== '/api/health' || !readiness.ready) return next();
  response.json({ status: 'ok' });
};
