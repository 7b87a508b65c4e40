// The confirm for values outside the plausible range (use-plausible-confirm.ts): lists each value
// with its indicator, year and the shared rule's reason. Keyboard: focus starts on Cancel (the safe
// answer, and the default button: Enter on the frame cancels too), Tab reaches "Save anyway", Enter
// presses the focused button, Esc cancels.
import type { JSX } from 'react';
import { useEffect, useRef } from 'react';
import { PLAUSIBLE_MESSAGES, plausibleMessage } from '../../../shared/domain/plausible';
import { renderCount } from '../../../shared/i18n/engine';
import type { Lang } from '../../../shared/i18n/lang';
import { Dialog } from '../components/Dialog';
import type { PendingConfirm } from './use-plausible-confirm';

export function PlausibleConfirmDialog(props: { pending: PendingConfirm; lang: Lang; onConfirm: () => void; onCancel: () => void }): JSX.Element {
  const { pending, lang, onConfirm, onCancel } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);
  // After the Dialog's own effect (it focuses its frame): children's effects run first, so this wins.
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  const text = (key: Parameters<typeof plausibleMessage>[0], params: Record<string, string | number> = {}): string =>
    plausibleMessage(key, params)[lang];
  return (
    <Dialog
      title={text('plausible.confirm.title')}
      onClose={onCancel}
      testId="plausible-confirm"
      footer={
        <>
          <button type="button" ref={cancelRef} onClick={onCancel} data-testid="plausible-cancel" data-default>
            {text('plausible.confirm.cancel')}
          </button>
          <button type="button" className="primary" onClick={onConfirm} data-testid="plausible-save">
            {text('plausible.confirm.save')}
          </button>
        </>
      }
    >
      <p>{renderCount(PLAUSIBLE_MESSAGES, lang, 'plausible.confirm.body', pending.items.length)}</p>
      <ul className="plausible-list">
        {pending.items.map((item) => (
          <li key={`${item.edit.indicatorId}|${item.edit.year}`}>
            <strong>{text('plausible.confirm.row', { indicator: item.indicator, year: item.edit.year, value: item.value })}</strong>
            <br />
            {item.reason[lang]}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
