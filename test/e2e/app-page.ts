import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, Page } from 'playwright-core';

export interface AppPage {
  page: Page;
  /** Uncaught exceptions in the page: any one fails the test. */
  pageErrors: string[];
  /** Requests to anything but the loopback app server: the map must work offline. */
  outsideRequests: string[];
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

export async function openApp(browser: Browser, url: string): Promise<AppPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors: string[] = [];
  const outsideRequests: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (LOOPBACK.test(u) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    outsideRequests.push(u);
    return route.abort();
  });
  // `inspect` exposes the live map to the tests (see MapView.svelte).
  const target = new URL(url);
  target.searchParams.set('inspect', '');
  await page.goto(target.toString());
  return { page, pageErrors, outsideRequests };
}

/** Waits until the map has drawn the given region in the given language. */
export async function waitForMapIdle(page: Page, region: string, language: 'zh' | 'en'): Promise<void> {
  await page.waitForFunction(
    ([r, l]) => {
      const d = document.documentElement.dataset;
      return d.mapState === 'idle' && d.mapRegion === r && d.mapLanguage === l;
    },
    [region, language] as const,
    { timeout: 90_000 },
  );
}

/** Runs a function against the live MapLibre map that the app exposes for inspection. */
export function withMap<T, A>(page: Page, fn: (map: MapLibreMap, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(
    ([src, a]) => {
      const map = (window as unknown as { __crossrisk: { map: MapLibreMap } }).__crossrisk.map;
      return new Function('map', 'arg', `return (${src})(map, arg);`)(map, a) as T;
    },
    [fn.toString(), arg] as const,
  );
}
