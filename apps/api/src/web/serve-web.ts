import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Where `npm run build` puts the web console (apps/web/vite.config.ts: dist/web): found from
 * the compiled API (dist/apps/api/src/web) and from its sources (tests run them directly).
 */
export const webDirCandidates = (): string[] => [
  resolve(__dirname, '../../../../web'),
  resolve(__dirname, '../../../../dist/web'),
];

export const findWebDir = (): string | undefined =>
  webDirCandidates().find((dir) => existsSync(join(dir, 'index.html')));

/** Paths of the API: never answered by the console, so an unknown one stays a problem+json 404. */
const API_PATH = /^\/api(\/|$)/;

/**
 * The console at `/`: its files, and index.html for every other GET outside /api (the browser's
 * history routes: /ban-lam-viec, /viec/…). Without a built console the API starts all the same.
 */
export const serveWeb = (app: NestExpressApplication, dir = findWebDir()): boolean => {
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    new Logger('Web').warn('no built web console (dist/web): `npm run build` builds it; the API runs without it');
    return false;
  }
  const index = readFileSync(join(dir, 'index.html'));
  // Vite names built files by their content hash: they never change, so browsers may keep them.
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d', index: false });
  // A file of another build (a tab open across a deployment): a plain 404, not the page as script.
  app.use('/assets', (_request: Request, response: Response) => {
    response.status(404).type('text/plain').send('not found');
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (API_PATH.test(request.path) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    // The page itself is small and names the current build's files: always asked for again.
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(index);
  });
  return true;
};
