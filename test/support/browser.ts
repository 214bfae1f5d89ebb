import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { FixedClock, Harness, startApp } from './app-harness';
import { track } from './leftovers';

/** Debian's Chromium (apt package `chromium`; .ci/run installs it). No browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
export const WEB_DIR = join(ROOT, 'dist', 'web');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/**
 * Whether the browser tests can run: under CI a missing Chromium fails them; elsewhere they are
 * passed over with a notice (a laptop without Chromium can still run the rest of `npm test`).
 */
export const browserAvailable = (): boolean => {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM} is missing: install the Debian package \`chromium\` (.ci/run does)`);
  console.warn(`NOTICE: ${CHROMIUM} is missing; the browser tests are not run (apt-get install -y chromium)`);
  return false;
};

/** The built console; `npm test` builds it first, a single file run builds it here when absent. */
export const ensureWebBuilt = (): void => {
  if (existsSync(join(WEB_DIR, 'index.html'))) return;
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
};

export interface Console {
  h: Harness;
  url: string;
  browser: Browser;
  /** A fresh browser context (its own sessionStorage) with a page, closed with the rest. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real app (demo data and demo users, development mode) serving the built console on an
 * ephemeral port, and headless Chromium with a fresh profile. The clock is the real day, fixed:
 * the browser's date pickers default to today.
 */
export const startConsole = async (): Promise<Console> => {
  ensureWebBuilt();
  const h = await startApp({
    webDir: WEB_DIR,
    clock: new FixedClock(new Date()),
    env: { THADS_DEMO: '1', THADS_DEV_ACTOR: '1' },
  });
  await h.app.listen(0, '127.0.0.1');
  const { port } = h.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // launch() gives each run its own temporary profile (a fresh user-data-dir) and removes it.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  const close = async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser.close();
    await h.close();
  };
  const untrack = track(close);
  return {
    h,
    url: `http://127.0.0.1:${port}`,
    browser,
    newPage: async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      contexts.push(context);
      const page = await context.newPage();
      watchForFaults(page);
      return page;
    },
    close: async () => {
      untrack();
      await close();
    },
  };
};

/** Script errors and CSP refusals fail the test that caused them (read by expectNoFaults). */
const FAULTS = new WeakMap<Page, string[]>();
const watchForFaults = (page: Page) => {
  const faults: string[] = [];
  FAULTS.set(page, faults);
  page.on('pageerror', (error) => faults.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[0-9]/.test(message.text()))
      faults.push(`console error: ${message.text()}`);
  });
};
export const faultsOf = (page: Page): string[] => FAULTS.get(page) ?? [];

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations on the page as it stands. The script is evaluated
 * through the DevTools protocol, which the page's CSP (no inline scripts) does not govern.
 */
export const seriousViolations = async (page: Page): Promise<AxeViolation[]> => {
  await page.evaluate(AXE);
  // A string, evaluated in the page: the tests' TypeScript knows no DOM.
  const found = await page.evaluate<
    AxeViolation[]
  >(`axe.run({ resultTypes: ['violations'] }).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  })))`);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
};

/** A screenshot for people to look at (git-ignored test-output/screenshots/). */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
};
