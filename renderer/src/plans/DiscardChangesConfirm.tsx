// The question 导入规划表 asks before Esc, × or 取消 drop work the clerk has done (a correction, a
// changed name or title, a typed 调整原因): 放弃已做的修改？ The same pattern as the grid's plausible
// confirm (PlausibleConfirmDialog): a dialog over the dialog, focus starting on the safe answer
// 继续编辑 (also the default button: Enter keeps editing), Esc keeps editing too, and the focus goes
// back to where the clerk was. Rendered beside the dialog it guards, never inside it.
import { useEffect, useRef } from 'react';
import { Dialog } from '../components/Dialog';
import { usePi } from '../i18n/plan-import-messages';

interface DiscardChangesConfirmProps {
  /** Drop the work and close the dialog it guards. */
  onDiscard: () => void;
  /** Back to editing (Esc, ×, 继续编辑): nothing is lost. */
  onKeep: () => void;
}

export function DiscardChangesConfirm({ onDiscard, onKeep }: DiscardChangesConfirmProps): React.JSX.Element {
  const i = usePi();
  const keepRef = useRef<HTMLButtonElement>(null);
  // After the Dialog's own effect (it focuses its frame): children's effects run first, so this wins.
  useEffect(() => {
    keepRef.current?.focus();
  }, []);
  return (
    <Dialog
      title={i('discard.title')}
      onClose={onKeep}
      testId="plan-import-discard"
      footer={
        <>
          <button type="button" ref={keepRef} onClick={onKeep} data-default data-testid="plan-import-keep">{i('discard.keep')}</button>
          <button type="button" onClick={onDiscard} data-testid="plan-import-discard-confirm">{i('discard.confirm')}</button>
        </>
      }
    >
      <p>{i('discard.body')}</p>
    </Dialog>
  );
}
