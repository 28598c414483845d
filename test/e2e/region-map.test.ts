import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RegionBundle } from '../../src/core/region/region-bundle.ts';
import { buildDir, repoRoot } from '../../geodata/raw-files.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { openApp, waitForMapIdle, withMap } from './app-page.ts';

const appUrl = inject('appUrl');
const chromiumPath = inject('chromiumPath');
const artifacts = join(repoRoot, 'test-results', 'e2e');
const readBundle = (id: string): RegionBundle => JSON.parse(readFileSync(join(buildDir, `${id}.json`), 'utf8'));

describe.skipIf(!chromiumPath)('region map in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(chromiumPath);
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws Henan’s jurisdictions, rivers and Chinese labels with no page error and no outside request', async () => {
    const henan = readBundle('henan');
    const app = await openApp(browser, appUrl);
    await waitForMapIdle(app.page, 'henan', 'zh');

    const sourceIds = await withMap(app.page, (map) => [...new Set(map.querySourceFeatures('jurisdictions').map((f) => String(f.properties.id)))], null);
    expect(sourceIds.sort()).toEqual(henan.jurisdictions.features.map((f) => f.properties.id).sort());

    const rendered = await withMap(
      app.page,
      (map) => ({
        fills: new Set(map.queryRenderedFeatures({ layers: ['jurisdictions-fill'] }).map((f) => f.properties.id)).size,
        rivers: [...new Set(map.queryRenderedFeatures({ layers: ['rivers-line'] }).map((f) => f.properties.id))],
        labels: map.queryRenderedFeatures({ layers: ['jurisdictions-label'] }).map((f) => f.properties.name_zh),
        riverLabels: map.queryRenderedFeatures({ layers: ['rivers-label'] }).length,
        textField: JSON.stringify(map.getLayoutProperty('jurisdictions-label', 'text-field')),
      }),
      null,
    );
    expect(rendered.fills).toBe(henan.jurisdictions.features.length);
    expect(rendered.rivers).toEqual(expect.arrayContaining(['yellow', 'huai', 'sha-ying']));
    expect(rendered.labels).toContain('郑州市');
    expect(rendered.riverLabels).toBeGreaterThan(0);
    expect(rendered.textField).toContain('name_zh');
    expect(await app.page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '郑州市'))).toBe(true);

    await expect.poll(() => app.page.locator('.maplibregl-ctrl-scale').textContent()).toMatch(/\d+\s*km/);
    await app.page.screenshot({ path: join(artifacts, 'henan-zh.png') });
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.page.close();
  });

  it('switches labels and interface to English, and honours ?lang=en', async () => {
    const app = await openApp(browser, appUrl);
    await waitForMapIdle(app.page, 'henan', 'zh');
    await app.page.getByTestId('lang-en').click();
    await waitForMapIdle(app.page, 'henan', 'en');
    const textField = await withMap(app.page, (map) => JSON.stringify(map.getLayoutProperty('jurisdictions-label', 'text-field')), null);
    expect(textField).toMatch(/"coalesce",\["get","name_en"\]/);
    expect(await app.page.locator('h1').textContent()).toBe('CrossRisk');
    expect(new URL(app.page.url()).searchParams.get('lang')).toBe('en');
    await app.page.screenshot({ path: join(artifacts, 'henan-en.png') });

    const direct = await openApp(browser, `${appUrl}?lang=en`);
    await waitForMapIdle(direct.page, 'henan', 'en');
    expect(await direct.page.locator('h1').textContent()).toBe('CrossRisk');
    expect([...app.pageErrors, ...direct.pageErrors]).toEqual([]);
    await app.page.close();
    await direct.page.close();
  });

  it('shows a jurisdiction’s name and code on hover, and keeps a clicked one selected', async () => {
    const zhengzhou = readBundle('henan').jurisdictions.features.find((f) => f.properties.id === '410100')!;
    const app = await openApp(browser, appUrl);
    await waitForMapIdle(app.page, 'henan', 'zh');
    const { x, y } = await withMap(app.page, (map, p) => map.project(p as [number, number]), zhengzhou.properties.label_point);
    const box = (await app.page.getByTestId('map').boundingBox())!;
    await app.page.mouse.move(box.x + x, box.y + y);
    await expect.poll(() => app.page.getByTestId('jurisdiction-code').textContent()).toBe('410100');
    expect(await app.page.getByTestId('jurisdiction-name').textContent()).toBe('郑州市');

    await app.page.mouse.click(box.x + x, box.y + y);
    await app.page.mouse.move(5, 5); // off the map, onto the header
    await expect.poll(() => app.page.getByTestId('jurisdiction-code').textContent()).toBe('410100');
    const state = await withMap(app.page, (map) => map.getFeatureState({ source: 'jurisdictions', id: '410100' }), null);
    expect(state).toMatchObject({ selected: true, hover: false });
    expect(app.pageErrors).toEqual([]);
    await app.page.close();
  });

  it('switches region and fits the map to it', async () => {
    const jjj = readBundle('jingjinji');
    const app = await openApp(browser, appUrl);
    await waitForMapIdle(app.page, 'henan', 'zh');
    await app.page.getByTestId('region-select').selectOption('jingjinji');
    await waitForMapIdle(app.page, 'jingjinji', 'zh');
    const view = await withMap(
      app.page,
      (map) => ({
        ids: [...new Set(map.querySourceFeatures('jurisdictions').map((f) => String(f.properties.id)))],
        center: map.getCenter().toArray(),
      }),
      null,
    );
    expect(view.ids.sort()).toEqual(jjj.jurisdictions.features.map((f) => f.properties.id).sort());
    const [w, s, e, n] = jjj.region.bbox;
    expect(view.center[0]).toBeGreaterThan(w);
    expect(view.center[0]).toBeLessThan(e);
    expect(view.center[1]).toBeGreaterThan(s);
    expect(view.center[1]).toBeLessThan(n);
    await app.page.screenshot({ path: join(artifacts, 'jingjinji-zh.png') });
    expect(app.pageErrors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
    await app.page.close();
  });
});
