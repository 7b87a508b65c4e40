// Finding a Chromium for the PDF report and addressing the report view (issue 15). The printing
// itself runs in tests/e2e/dashboard.test.ts with the real /usr/bin/chromium.
import { describe, expect, it } from 'vitest';
import { CLI_TEXTS } from '../../../electron/cli/cli-texts';
import { chromiumCandidates, findChromium, reportUrl } from '../../../electron/report/chromium-pdf';
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
