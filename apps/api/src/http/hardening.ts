import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { AppConfig } from '@thads/application';

/**
 * Security headers (helmet's defaults: CSP, HSTS, nosniff, frame-ancestors 'none', no
 * X-Powered-By), and CORS closed unless THADS_CORS_ORIGINS names the browser origins allowed.
 * Body size, depth and type are bounded in json-body.ts; problem+json without stack traces is the filter's.
 */
export const harden = (app: NestExpressApplication, config: AppConfig): void => {
  // Embedded mode is often served over plain HTTP on an office network: upgrading the docs'
  // assets to HTTPS there would break them. HSTS still applies whenever HTTPS is used.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.auth.corsOrigins.length === 0) return;
  app.enableCors({
    origin: [...config.auth.corsOrigins],
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id', 'X-Causation-Id'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });
};
