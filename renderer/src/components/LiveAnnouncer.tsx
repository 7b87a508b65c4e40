// A visually hidden live region (docs/ARCHITECTURE.md §Accessibility): what it holds is read out by
// a screen reader at once (assertive), e.g. why a typed value was refused. It is always in the page,
// empty when there is nothing to say, so a new message is announced as it appears.
import { useAt } from '../i18n/accessibility-messages';

interface LiveAnnouncerProps {
  /** Already in the UI language; null = nothing to announce. */
  message: string | null;
}

export function LiveAnnouncer({ message }: LiveAnnouncerProps): React.JSX.Element {
  const at = useAt();
  return (
    <div className="visually-hidden" role="alert" aria-live="assertive" aria-atomic="true" aria-label={at('announcer.label')} data-testid="announcer">
      {message ?? ''}
    </div>
  );
}
