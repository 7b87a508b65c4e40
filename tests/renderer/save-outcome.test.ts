// Which answers of a save call are refusals of the text (shown for correcting) and which leave the
// edit unsaved (kept and retried), using the real messages and refusal kinds the service and the
// HTTP client send. The decision rests on the result's `refusal` kind, not on the message key.
import { describe, expect, it } from 'vitest';
import { isRefusalOfText, outcomeOf } from '../../renderer/src/grid/save-outcome';
import { parseNumberInput } from '../../shared/domain/parse-number';
import { message, parseRefusalMessage } from '../../shared/i18n/messages';

const base = { indicatorId: 'zyyj-02', year: 2025, field: 'actual' } as const;
const noAnswer = message('error.internal', { detail: 'no answer' });

function refusalOf(text: string) {
  const parsed = parseNumberInput(text, { kind: 'cumulative' });
  if (parsed.ok) throw new Error(`${text} was accepted`);
  return { reason: parseRefusalMessage(parsed.code, parsed.text), refusal: parsed.code };
}

describe('save outcome', () => {
  it('parser refusals and a too-long note are refusals of the text', () => {
    for (const text of ['abc', '约1.6万', '1.2.3', '-5']) {
      const { reason, refusal } = refusalOf(text);
      expect(isRefusalOfText({ ...base, ok: false, error: reason, refusal })).toBe(true);
      expect(outcomeOf({ ...base, ok: false, error: reason, refusal }, noAnswer)).toEqual({ kind: 'refused', reason });
    }
    expect(isRefusalOfText({ ...base, field: 'note', ok: false, error: message('error.note-too-long', { max: 1000 }), refusal: 'note-too-long' })).toBe(true);
  });

  it('the refusal kind decides, not the message key', () => {
    const { reason } = refusalOf('abc');
    expect(isRefusalOfText({ ...base, ok: false, error: reason })).toBe(false);
    expect(outcomeOf({ ...base, ok: false, error: reason }, noAnswer)).toEqual({ kind: 'unsaved', reason });
  });

  it('an unreachable service, an internal error or no answer at all leave the edit unsaved', () => {
    const network = { key: 'error.network', params: { detail: 'Failed to fetch' }, zh: '无法连接本机服务', en: 'Cannot reach the local service' };
    expect(outcomeOf({ ...base, ok: false, error: network }, noAnswer)).toEqual({ kind: 'unsaved', reason: network });
    const internal = message('error.internal', { detail: 'SQLITE_BUSY' });
    expect(outcomeOf({ ...base, ok: false, error: internal }, noAnswer)).toEqual({ kind: 'unsaved', reason: internal });
    expect(outcomeOf(undefined, noAnswer)).toEqual({ kind: 'unsaved', reason: noAnswer });
    expect(outcomeOf({ ...base, ok: false }, noAnswer)).toEqual({ kind: 'unsaved', reason: noAnswer });
  });

  it('ok with the saved cell is saved', () => {
    const cell = { target: 1050, actual: 1100, note: null, status: 'met' as const, gap: 50, completion: 1100 / 1050 };
    expect(outcomeOf({ ...base, ok: true, cell }, noAnswer)).toEqual({ kind: 'saved', cell });
  });
});
