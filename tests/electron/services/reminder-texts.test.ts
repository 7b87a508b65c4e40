// What a reminder says depends on where the department stands (docs/ARCHITECTURE.md §Reporting cycle):
// one that never submitted is told it has not; one whose return was sent back is told when and why
// (it did submit — "尚未提交" would contradict the 已退回 it sees); an overdue one is not asked to send
// "before the deadline", and a sent-back return with every cell filled is not told "all filled in,
// please check and submit" nor asked to fill in the template; a late submission stays marked late
// (and an unlock does not make one late). Real database file, the real template attached, the body
// read back with Python's email module as a mail program would.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { changeState } from '../../../electron/services/reporting-service';
import { makeTempDir } from '../../helpers/tmp';
import { python } from '../../helpers/python';

const PLAN = 'dongtou-zyyj-2023-2027';
const FUND = '市住房公积金洞头分中心'; // leads zyyj-13 only (2025 target 15460)
const HOUSING = '区住建局';
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
let now: Date;

beforeEach(() => {
  tmp = makeTempDir();
  now = new Date('2026-01-20T09:00:00+08:00');
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => now });
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

/** The plain-text body of each drafted .eml, by department, decoded by Python's email package. */
async function reminderBodies(lang: 'zh' | 'en' = 'zh'): Promise<Record<string, string>> {
  const { settings } = await services.handlers.getBootstrap({});
  await services.handlers.saveSettings({ ...settings, lang });
  const { drafts } = await services.handlers.draftReminders({ planId: PLAN, year: 2025 });
  const out: Record<string, string> = {};
  const script = 'import email, sys\nfrom email import policy\nm = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)\nsys.stdout.write(m.get_body(preferencelist=("plain",)).get_content())';
  writeFileSync(join(tmp.dir, 'body.py'), script);
  for (const d of drafts) {
    const file = join(tmp.dir, `${d.department}.eml`);
    writeFileSync(file, Buffer.from(d.base64, 'base64'));
    out[d.department] = execFileSync(python(), [join(tmp.dir, 'body.py'), file], { encoding: 'utf8' });
  }
  return out;
}

describe('reminder wording follows the department-year state', () => {
  beforeEach(async () => {
    await services.handlers.saveDepartmentContacts({ [FUND]: 'gjj@example.org', [HOUSING]: 'zjj@example.org' });
    // The fund centre submits (its miss explained), then the office sends it back with a reason.
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [
      { indicatorId: 'zyyj-13', year: 2025, field: 'actual', text: '15000' },
      { indicatorId: 'zyyj-13', year: 2025, field: 'note', text: '新开户单位延后' },
    ] });
    const ctx = { who: '协调办', at: '2026-01-18T02:00:00.000Z' };
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, ctx, now);
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'send-back', reason: '人数与社保口径不一致' }, ctx, now);
  });

  it('before the deadline: the sent-back department hears when and why, the other that it has not submitted', async () => {
    const bodies = await reminderBodies();
    expect(bodies[FUND]).toContain('已于 2026-01-18 退回，退回原因：人数与社保口径不一致');
    expect(bodies[FUND]).toContain('请按退回原因修改后重新提交');
    expect(bodies[FUND]).not.toContain('尚未提交');
    expect(bodies[HOUSING]).toContain('贵单位尚未提交');
    expect(bodies[HOUSING]).not.toContain('退回');
    // Only the department that never submitted is asked to fill in the template; the sent-back one to send again.
    expect(bodies[HOUSING]).toContain('请在截止日期前填好模板并报送');
    expect(bodies[FUND]).toContain('请在截止日期前重新报送');
    expect(bodies[FUND]).not.toContain('填好模板');
    for (const body of Object.values(bodies)) expect(body).not.toContain('逾期');
  });

  it('a sent-back return with every cell filled says one thing: what came back, why, correct and resend (zh and en)', async () => {
    const zh = await reminderBodies('zh');
    expect(zh[FUND]).not.toContain('各项数据已齐全');
    expect(zh[FUND]?.split(/\r?\n/).filter((l) => l.trim() !== '').slice(1, 3)).toEqual([
      '贵单位报送的《住有宜居》2025年度报表已于 2026-01-18 退回，退回原因：人数与社保口径不一致。报送截止日期为 2026-01-31。附件“住有宜居_2025年度_市住房公积金洞头分中心_指标填报.xlsx”是贵单位的填报模板，已预填目前掌握的数据，请按退回原因修改后重新提交。',
      '请在截止日期前重新报送。',
    ]);
    const en = await reminderBodies('en');
    expect(en[FUND]).not.toContain('Everything is filled in');
    expect(en[FUND]).not.toContain('fill in the template');
    expect(en[FUND]).toMatch(/please correct it as the reason says and submit it again\.(\r?\n){2}Please send it again before the deadline\./);
  });

  it('after the deadline: the days overdue, and no "before the deadline" (zh and en)', async () => {
    now = new Date('2026-03-05T09:00:00+08:00');
    const zh = await reminderBodies('zh');
    expect(zh[FUND]).toMatch(/退回原因：人数与社保口径不一致。报送截止日期为 2026-01-31（已逾期 33 天）/);
    expect(zh[HOUSING]).toContain('截止日期已过，请尽快填好模板并报送');
    expect(zh[FUND]).toContain('截止日期已过，请尽快重新报送');
    for (const body of Object.values(zh)) expect(body).not.toContain('请在截止日期前');
    const en = await reminderBodies('en');
    expect(en[FUND]).toMatch(/was sent back to your department on 2026-01-18\. Reason: 人数与社保口径不一致\. It is due on 2026-01-31 \(33 days overdue\)/);
    expect(en[HOUSING]).toContain('has not submitted it yet');
    expect(en[HOUSING]).toContain('The deadline has passed');
  });
});

describe('a late submission stays marked late', () => {
  it('submitted three days after the deadline (local day): 逾期 3 天提交 in the overview, not overdue, no reminder', async () => {
    await services.handlers.saveDepartmentContacts({ [FUND]: 'gjj@example.org' });
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [
      { indicatorId: 'zyyj-13', year: 2025, field: 'actual', text: '15500' },
    ] });
    // 2026-02-03 08:30 in Beijing is still 2026-02-03 locally (00:30 UTC): the local day counts.
    const at = new Date('2026-02-03T08:30:00+08:00');
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, { who: '公积金', at: at.toISOString() }, at);
    now = new Date('2026-03-05T09:00:00+08:00');
    const overview = await services.handlers.getReportingOverview({ planId: PLAN, year: 2025 });
    expect(overview.rows.find((r) => r.department === FUND)).toMatchObject({ state: 'submitted', overdue: false, daysOverdue: 0, lateDays: 3 });
    expect(overview.rows.find((r) => r.department === HOUSING)).toMatchObject({ state: 'not-started', overdue: true, lateDays: 0 });
    const state = await services.handlers.getReportingState({ planId: PLAN, year: 2025, department: FUND });
    expect(state).toMatchObject({ submittedLateDays: 3, overdueDays: null });
    const { drafts } = await services.handlers.draftReminders({ planId: PLAN, year: 2025 });
    expect(drafts.map((d) => d.department)).not.toContain(FUND);
    // Sent back: no standing submission, so no lateness; overdue again.
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'send-back', reason: '复核' }, { who: '协调办', at: now.toISOString() }, now);
    const after = await services.handlers.getReportingOverview({ planId: PLAN, year: 2025 });
    expect(after.rows.find((r) => r.department === FUND)).toMatchObject({ state: 'returned', overdue: true, daysOverdue: 33, lateDays: 0 });
  });
});

describe('the office locking and unlocking does not change when a department submitted', () => {
  it('submitted on time, locked, unlocked weeks later: 已提交 and still on time; a late one keeps its own days', async () => {
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-13', year: 2025, field: 'actual', text: '15500' }] });
    const on = (iso: string) => ({ who: '协调办', at: new Date(iso).toISOString() });
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, on('2026-01-20T10:00:00+08:00'), now);
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'lock' }, on('2026-02-01T10:00:00+08:00'), now);
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'unlock', reason: '更正' }, on('2026-02-26T10:00:00+08:00'), now);
    now = new Date('2026-03-10T09:00:00+08:00');
    expect(await services.handlers.getReportingState({ planId: PLAN, year: 2025, department: FUND })).toMatchObject({ state: 'submitted', submittedLateDays: null, overdueDays: null });
    // Sent back, resubmitted late (2 March: 30 days), then locked and unlocked: the resubmission's 30 days stand.
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'send-back', reason: '复核' }, on('2026-02-27T10:00:00+08:00'), now);
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'submit' }, on('2026-03-02T10:00:00+08:00'), now);
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'lock' }, on('2026-03-05T10:00:00+08:00'), now);
    changeState(services.store, { planId: PLAN, year: 2025, department: FUND, action: 'unlock', reason: '更正' }, on('2026-03-09T10:00:00+08:00'), now);
    const overview = await services.handlers.getReportingOverview({ planId: PLAN, year: 2025 });
    expect(overview.rows.find((r) => r.department === FUND)).toMatchObject({ state: 'submitted', lateDays: 30 });
  });
});
