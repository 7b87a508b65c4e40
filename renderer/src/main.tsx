// Renderer entry: mounts the application — or, for ?view=report, the printable leadership report
// (loaded lazily with the charts; see dashboard/ReportPage.tsx).
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './api';
import { reportParams } from './dashboard/report-params';
import './app.css';
import './print.css';

const ReportPage = lazy(() => import('./dashboard/ReportPage'));

const root = document.getElementById('root');
if (root) {
  const report = reportParams(window.location.search);
  createRoot(root).render(
    <StrictMode>
      {report ? (
        <Suspense fallback={null}>
          <ReportPage api={getApi()} params={report} />
        </Suspense>
      ) : (
        <App />
      )}
    </StrictMode>,
  );
}
