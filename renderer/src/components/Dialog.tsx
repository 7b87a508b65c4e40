// A modal dialog: overlay, title bar, body, footer. Keyboard behaviour (focus kept inside and
// given back on close, Esc closes, Enter presses the footer's primary button) is useModalFocus's.
import type { ReactNode } from 'react';
import { useId, useRef } from 'react';
import { useModalFocus } from '../app/use-modal-focus';
import { useT } from '../i18n/context';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}

export function Dialog({ title, onClose, children, footer, wide, testId }: DialogProps): React.JSX.Element {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useModalFocus(ref, { onClose });
  return (
    <div className="overlay">
      <div
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={ref}
        data-testid={testId}
      >
        <div className="dialog-title">
          <h2 className="dialog-heading" id={titleId}>{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')} title={t('common.close')}>
            ×
          </button>
        </div>
        {/* Focusable so a clerk can scroll a long body with the keyboard (axe: scrollable-region-focusable). */}
        <div className="dialog-body" tabIndex={0}>{children}</div>
        {footer ? <div className="dialog-footer">{footer}</div> : null}
      </div>
    </div>
  );
}
