// The application: load the bootstrap (plans, departments, saved settings), show "loading" or the
// reason it failed, then the window (Workspace). All data comes through getApi(); every failure is
// shown as text.
import { useMemo } from 'react';
import { getApi } from './api';
import { useBootstrap } from './app/use-bootstrap';
import { t } from './i18n/catalogue';
import { Workspace } from './Workspace';

export function App(): React.JSX.Element {
  const api = useMemo(() => getApi(), []);
  const { boot, error } = useBootstrap(api);
  // Until the bootstrap says otherwise the UI speaks Chinese.
  const lang = boot?.settings.lang ?? 'zh';

  if (error) {
    return (
      <div className="fatal" role="alert">
        <h1>{t(lang, 'app.load-failed')}</h1>
        <p>{error.message.zh}</p>
        <p>{error.message.en}</p>
      </div>
    );
  }
  if (!boot || boot.plans.length === 0) {
    return <div className="loading">{t(lang, 'app.loading')}</div>;
  }
  return <Workspace api={api} boot={boot} />;
}
