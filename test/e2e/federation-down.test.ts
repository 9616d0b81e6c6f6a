import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { townToHub } from '../sync/hub-helpers';
import { linkProvince, openMember, openProvince, openRegion, replyTo } from '../sync/federation-helpers';
import { axeProblems, launchChromium, openPage, screenshotsFolder, startShell, type RunningShell } from './harness';

/**
 * Issue 12, the region's records down to the members, on the real browser shell and Chromium:
 * a member sees the regional course marked "Corso regionale — <Regione>" among its courses and
 * the regional report; its provincial hub sees them under its own courses, read-only. With
 * CST_SCREENSHOTS=1 the screens are saved under test-output/screens-federation.
 */
const SHOTS = screenshotsFolder('screens-federation');

let browser: Browser;
const shells: RunningShell[] = [];
beforeAll(async () => {
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  for (const s of shells) await s.stop();
});

/** Region → province → member, in process, on data folders the shells then open. */
async function regionDown(): Promise<{ province: TestBackend; member: TestBackend }> {
  const region = await openRegion();
  const province = await openProvince('CST-PU', 'PU');
  const member = await openMember(province, '041067');
  await linkProvince(region, province);
  await replyTo(province, member, '041067');
  await member.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '12' });
  await townToHub(member, province);
  const up = tempDir();
  await province.must('federation.forward', { dir: up });
  await region.must('federation.import', { dir: up });
  await region.must('hub.courses.save', { title: 'Sicurezza informatica per i comuni', startDate: '2026-12-01', endDate: '2026-12-02', hours: '8', provider: 'Regione Marche' });
  await region.must('federation.report.publish', { year: 2026 });
  const [exp] = await region.must('bundle.export', { dir: tempDir(), for: 'CST-PU' });
  await province.must('bundle.import', { files: [{ path: exp!.path }] });
  const down = tempDir();
  const fwd = await province.must('federation.forwardDown', { dir: down });
  await member.must('bundle.import', { files: [{ path: join(down, '041067', `${exp!.sha256}.cstb`) }] });
  expect(fwd.files).toBe(1);
  return { province, member };
}

describe('the regional hub’s records, in the window', () => {
  it('a member and its provincial hub see the regional course and report, read-only', { timeout: 240_000 }, async () => {
    const { province, member } = await regionDown();
    province.backend.close();
    member.backend.close();

    const town = await startShell(member.dataDir);
    shells.push(town);
    const { page, problems } = await openPage(browser, town.url);
    await page.evaluate(`window.location.hash = '#/training/courses'`);
    await page.getByRole('heading', { name: 'Corsi regionali' }).waitFor();
    await page.getByText('Corso regionale — Ufficio regionale Marche').waitFor();
    await page.getByRole('heading', { name: 'Resoconto regionale 2026' }).waitFor();
    const report = page.locator('#regional-report-2026');
    await expect(report.getByRole('rowheader', { name: 'Consorzio PU' }).isVisible()).resolves.toBe(true);
    await expect(report.getByRole('rowheader', { name: 'Totale regione' }).isVisible()).resolves.toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'member-courses-regional.png'), fullPage: true });
    expect(problems).toEqual([]);

    const hub = await startShell(province.dataDir);
    shells.push(hub);
    const h = await openPage(browser, hub.url);
    await h.page.evaluate(`window.location.hash = '#/catalogue/courses'`);
    await h.page.getByRole('heading', { name: 'Corsi regionali' }).waitFor();
    await h.page.getByRole('heading', { name: 'Resoconto regionale 2026' }).waitFor();
    if (SHOTS) await h.page.screenshot({ path: join(SHOTS, 'hub-courses-regional.png'), fullPage: true });
    expect(h.problems).toEqual([]);
  });
});
