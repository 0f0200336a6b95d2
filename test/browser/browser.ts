/** Chromium for browser tests: Debian's package driven by playwright-core, with a watch on every page. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install chromium`; `.ci/run` does it). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: 60_000,
  });
}

/** Everything that went wrong on a page: console errors, uncaught exceptions, failed requests, dialogs. */
export interface PageProblems {
  console: string[];
  errors: string[];
  requests: string[];
  dialogs: string[];
}

/** Record a page's problems from now on. Dialogs (alert, confirm…) are recorded and dismissed. */
export function watch(page: Page): PageProblems {
  const problems: PageProblems = { console: [], errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.console.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.errors.push(`${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request cut short because the page navigated away (ERR_ABORTED) did not fail.
    const error = r.failure()?.errorText ?? 'failed';
    if (error !== 'net::ERR_ABORTED') problems.requests.push(`${r.url()}: ${error}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.requests.push(`${r.url()}: HTTP ${r.status()}`);
  });
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(30_000);
  return problems;
}
