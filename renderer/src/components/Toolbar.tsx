// The window's top bar: what is being edited (plan, year, department), whether it is saved, and
// the commands (import, export, history, progress, settings, language).
import type { Lang } from '../../../shared/i18n/lang';
import { useLang, useT } from '../i18n/context';
import { cy } from '../i18n/overview-messages';

export interface SaveState {
  state: 'idle' | 'saving' | 'saved' | 'error';
  message?: string;
}

interface ToolbarProps {
  planTitle: string;
  years: number[];
  year: number;
  onYear: (year: number) => void;
  departments: string[];
  department: string | null;
  onDepartment: (department: string | null) => void;
  saveState: SaveState;
  historyOpen: boolean;
  onImport: () => void;
  onExport: () => void;
  onHistory: () => void;
  onProgress: () => void;
  /** Opens the 看板 (charts and the leadership report); absent = no button. */
  onDashboard?: () => void;
  /** Opens 报送情况 (who has reported); absent = no button. */
  onOverview?: () => void;
  onSettings: () => void;
  onLanguage: (lang: Lang) => void;
  /** The plan switcher and plan commands (renderer/src/plans), shown before the year. */
  planControls?: React.ReactNode;
}

const ALL = '__all__';

export function Toolbar(props: ToolbarProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const { saveState } = props;
  const saveText =
    saveState.state === 'saving' ? t('save.saving')
      : saveState.state === 'error' ? (saveState.message ?? t('save.error'))
        : t('save.saved');
  return (
    <header className="toolbar">
      <div className="brand">
        <h1 className="brand-name">{t('app.name')}</h1>
        <span className="plan-title" title={props.planTitle}>{props.planTitle}</span>
      </div>
      <div className="toolbar-fields">
        {props.planControls}
        <label className="field">
          <span>{t('toolbar.year')}</span>
          <select value={props.year} onChange={(e) => props.onYear(Number(e.target.value))} data-testid="year-picker">
            {props.years.map((y) => <option key={y} value={y}>{t('toolbar.year-option', { year: y })}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('toolbar.department')}</span>
          <select
            value={props.department ?? ALL}
            onChange={(e) => props.onDepartment(e.target.value === ALL ? null : e.target.value)}
            data-testid="department-picker"
          >
            {props.departments.map((d) => <option key={d} value={d}>{d}</option>)}
            <option value={ALL}>{t('toolbar.all-departments')}</option>
          </select>
        </label>
        {/* A refusal is announced once, by the assertive LiveAnnouncer; the badge stays quiet for it. */}
        <span className={`save-state save-${saveState.state}`} role="status" aria-live={saveState.state === 'error' ? 'off' : 'polite'} data-testid="save-state" title={saveText}>
          {saveText}
        </span>
      </div>
      <nav className="toolbar-buttons">
        <button type="button" onClick={props.onImport} title={t('import.choose')}>{t('toolbar.import')}</button>
        <button type="button" onClick={props.onExport}>{t('toolbar.export')}</button>
        <button type="button" onClick={props.onHistory} aria-pressed={props.historyOpen} className={props.historyOpen ? 'pressed' : ''}>
          {t('toolbar.history')}
        </button>
        <button type="button" onClick={props.onProgress}>{t('toolbar.progress')}</button>
        {props.onDashboard ? <button type="button" onClick={props.onDashboard}>{t('dashboard.open')}</button> : null}
        {props.onOverview ? <button type="button" onClick={props.onOverview} data-testid="overview-open">{cy(lang, 'overview.open')}</button> : null}
        <button type="button" onClick={props.onSettings}>{t('toolbar.settings')}</button>
        <span className="lang-switch" role="group" aria-label={t('toolbar.language')}>
          <button type="button" className={lang === 'zh' ? 'pressed' : ''} aria-pressed={lang === 'zh'} onClick={() => props.onLanguage('zh')}>中文</button>
          <button type="button" className={lang === 'en' ? 'pressed' : ''} aria-pressed={lang === 'en'} onClick={() => props.onLanguage('en')}>English</button>
        </span>
      </nav>
    </header>
  );
}
