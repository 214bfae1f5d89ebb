import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppConfig } from '@thads/application';

/**
 * Security headers (helmet's defaults: CSP, HSTS, nosniff, frame-ancestors 'none', no
 * X-Powered-By), and CORS closed unless THADS_CORS_ORIGINS names the browser origins allowed.
 * Body size, depth and type are bounded in json-body.ts; problem+json without stack traces is the filter's.
 */
export const harden = (app: NestExpressApplication, config: AppConfig): void => {
  // Addresses and subnets are checked by Express here: a typo stops the start, not the limits.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  // Embedded mode is often served over plain HTTP on an office network: upgrading the docs'
  // assets to HTTPS there would break them. HSTS still applies whenever HTTPS is used.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          upgradeInsecureRequests: null,
          // The web console (apps/web) loads only its own scripts ('self', helmet's default; no inline
          // script). Its styles: Ant Design writes its CSS at run time into <style> elements
          // (CSS-in-JS), which CSP counts as inline styles, hence 'unsafe-inline' for styles only. A
          // nonce would need index.html templated per response; inline styles cannot run code. Unlike
          // helmet's default, no `https:` styles: nothing is loaded from elsewhere.
          styleSrc: ["'self'", "'unsafe-inline'"],
          // Fonts: antd uses the system's; `data:` only.
          fontSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  // Answers name parties, amounts and who may do what: no shared or browser cache may keep them
  // (a proxy serving one clerk's case list to another). The docs' assets may be cached, and so
  // may the web console's files outside /api, which hold no data (web/serve-web.ts sets theirs).
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (/^\/api(\/|$)/.test(request.path) && !request.path.startsWith('/api/docs'))
      response.setHeader('Cache-Control', 'no-store');
    next();
  });
  if (config.auth.corsOrigins.length === 0) return;
  app.enableCors({
    origin: [...config.auth.corsOrigins],
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'Idempotency-Key',
      'X-Correlation-Id',
      'X-Causation-Id',
      'X-Request-Id',
    ],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
};
