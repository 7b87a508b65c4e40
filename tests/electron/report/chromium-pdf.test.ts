// Finding a Chromium for the PDF report and addressing the report view (issue 15). The printing
// itself runs in tests/e2e/dashboard.test.ts with the real /usr/bin/chromium.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { CLI_TEXTS } from '../../../electron/cli/cli-texts';
import { chromiumCandidates, findChromium, printReportPdf, reportUrl } from '../../../electron/report/chromium-pdf';
import { bilingual } from '../../../shared/i18n/engine';

describe('findChromium', () => {
  it('prefers INDICATOR_DESK_CHROMIUM, then the usual places', () => {
    const env = { INDICATOR_DESK_CHROMIUM: '/opt/my/chrome' };
    expect(chromiumCandidates(env)[0]).toBe('/opt/my/chrome');
    expect(findChromium(env, (p) => p === '/opt/my/chrome' || p === '/usr/bin/chromium')).toBe('/opt/my/chrome');
    expect(findChromium({}, (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
  });

  it('is null when none is installed, and the message says so in both languages', () => {
    expect(findChromium({}, () => false)).toBeNull();
    const message = bilingual(CLI_TEXTS, 'cli.no-chromium');
    expect(message.zh).toContain('找不到 Chromium');
    expect(message.zh).toContain('INDICATOR_DESK_CHROMIUM');
    expect(message.en).toContain('No Chromium');
  });
});

describe('reportUrl', () => {
  it('adds the report view to the server address and keeps its access token', () => {
    const url = new URL(reportUrl('http://127.0.0.1:4321/?token=abc', 2025, 'zh'));
    expect(url.searchParams.get('token')).toBe('abc');
    expect(url.searchParams.get('view')).toBe('report');
    expect(url.searchParams.get('year')).toBe('2025');
    expect(url.searchParams.get('lang')).toBe('zh');
  });
});

describe('printReportPdf', () => {
  it('gives up on a report view that never draws with one zh/en line, not a browser error', async () => {
    const chromium = findChromium();
    expect(chromium, 'a Chromium is installed on test machines (.ci/run installs it)').not.toBeNull();
    // A page that never says data-report-ready="true", as a report whose charts hang would.
    const server = createServer((_req, res) => res.end('<!doctype html><title>report</title><p>drawing…</p>'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const error = await printReportPdf(url, chromium as string, 1500).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DeskError);
      const text = (error as DeskError).appMessage;
      expect(text.zh).toContain('没有画完');
      expect(text.en).toContain('did not finish drawing');
      expect(text.en).not.toMatch(/locator|Timeout \d+ms/);
    } finally {
      server.close();
    }
  }, 60_000);
});
