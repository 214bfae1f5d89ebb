import { AppConfig } from '@thads/application';

/**
 * Logging in as a demo user without a password: only where anyone may already name their actor
 * (THADS_DEV_ACTOR, never with NODE_ENV=production, access/auth-settings.ts) and the demo data is
 * on. It adds no power a developer does not already have there, and makes the console usable
 * by a newcomer right after `npm start`.
 */
export const demoLoginEnabled = (config: AppConfig): boolean =>
  config.demo && config.devActor && !config.auth.production;
