// The 看板 dialog behind a dynamic import: ECharts and the dashboard land in their own chunk, fetched
// the first time the dashboard opens, so the grid's initial bundle does not grow by the library.
import { Suspense, lazy } from 'react';
import type { DashboardProps } from './Dashboard';
import { useT } from '../i18n/context';

const Dashboard = lazy(() => import('./Dashboard'));

export function LazyDashboard(props: DashboardProps): React.JSX.Element {
  const t = useT();
  return (
    <Suspense fallback={<div className="overlay"><div className="loading">{t('app.loading')}</div></div>}>
      <Dashboard {...props} />
    </Suspense>
  );
}
