// 导入规划表's state (issue 14 part 1, the window's side): the picked file read and sent to
// previewPlanTable (nothing is written), the short name and title the clerk may change, the
// corrections per indicator, the 调整原因 a revision needs, and the three ways out: create the plan
// (importPlanTable), apply the table's differing targets to the plan it matches
// (revisePlanFromTable, with the reason), or create it as a new plan anyway (asNew). The rules are
// the model's (plan-table-import-model.ts) and the service's; the CLI offers the same choices.
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import type { PlanTablePreview } from '../../../shared/api/plan-schemas';
import type { IndicatorDraft } from '../../../shared/domain/plan-draft';
import type { Lang } from '../../../shared/i18n/lang';
import { readFileAsBase64 } from '../files';
import { pi } from '../i18n/plan-import-messages';
import { pt } from '../i18n/plans-messages';
import type { CorrectableField, Corrections, ImportChoice, PreviewRow } from './plan-table-import-model';
import { correct, draftToSend, hasUnsavedWork, importChoice, previewRows, shortNameMissing } from './plan-table-import-model';
import { revisionReason } from './revision-reason';

export interface PlanTableImportOptions {
  api: IndicatorDeskApi;
  /** The plan table the clerk picked (.xlsx / .xls). */
  file: File;
  lang: Lang;
  /** A plan was created: the window reloads its plans and shows this one; `text` says what was done. */
  onCreated: (planId: string, text: string) => void;
  /** The matching plan was revised from the table: the window shows it afresh; `text` says how many targets. */
  onRevised: (planId: string, text: string) => void;
}

export interface PlanTableImport {
  /** Null while the file is being read. */
  preview: PlanTablePreview | null;
  rows: PreviewRow[];
  choice: ImportChoice | null;
  shortName: string;
  /** The short name is blank: said at the field, 创建 and 仍作为新规划创建 disabled. */
  nameMissing: boolean;
  setShortName: (name: string) => void;
  title: string;
  setTitle: (title: string) => void;
  setField: <K extends CorrectableField>(index: number, field: K, value: IndicatorDraft[K]) => void;
  reason: string;
  setReason: (reason: string) => void;
  /** Create the plan; `asNew` for a table matching a plan already there. */
  create: (asNew: boolean) => Promise<void>;
  /** Apply the differing targets to the matching plan with the reason. */
  revise: () => Promise<void>;
  busy: boolean;
  /** True when a close would lose the clerk's work (a correction, another name or title, a typed reason): ask first. */
  dirty: boolean;
  /** The last problem (unreadable file, blank field, refused by the store), in the UI language. */
  problem: string | null;
}

export function usePlanTableImport({ api, file, lang, onCreated, onRevised }: PlanTableImportOptions): PlanTableImport {
  const [preview, setPreview] = useState<PlanTablePreview | null>(null);
  const [shortName, setShortName] = useState('');
  const [title, setTitle] = useState('');
  const [corrections, setCorrections] = useState<Corrections>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Read once per file: a language switch rewords, it must not read the file again (and drop corrections).
  const read = useEffectEvent(async () => {
    setPreview(null);
    setProblem(null);
    setCorrections({});
    try {
      const base64 = await readFileAsBase64(file);
      const r = await api.previewPlanTable({ file: { name: file.name, base64 } });
      if (!r.ok) {
        setProblem(pi(lang, 'read-failed', { reason: r.error.message[lang] }));
        return;
      }
      setPreview(r.value);
      setShortName(r.value.draft?.shortName ?? '');
      setTitle(r.value.draft?.title ?? '');
    } catch (e) {
      setProblem(pi(lang, 'read-failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  });
  useEffect(() => {
    void read();
  }, [api, file]);

  const rows = useMemo(() => (preview ? previewRows(preview, corrections, lang) : []), [preview, corrections, lang]);
  const choice = useMemo(() => (preview ? importChoice(preview) : null), [preview]);
  const setField = useCallback(<K extends CorrectableField>(index: number, field: K, value: IndicatorDraft[K]) => setCorrections((c) => correct(c, index, field, value)), []);

  const create = useCallback(
    async (asNew: boolean): Promise<void> => {
      if (!preview?.draft) return;
      const sent = draftToSend({ ...preview.draft, title: title.trim() || preview.draft.title }, shortName, corrections);
      if (!sent.ok) {
        const first = sent.problems[0];
        setProblem(
          first?.key === 'problem.field'
            ? pi(lang, 'problem.field', { code: first.code, field: pt(lang, first.field === 'name' ? 'editor.name' : 'editor.lead-unit') })
            : pi(lang, 'problem.short-name'),
        );
        return;
      }
      setBusy(true);
      setProblem(null);
      const r = await api.importPlanTable({ draft: sent.draft, ...(asNew ? { asNew: true } : {}) });
      setBusy(false);
      if (!r.ok) setProblem(r.error.message[lang]);
      else onCreated(r.value.id, pi(lang, 'created', { name: r.value.shortName, count: r.value.indicatorCount }));
    },
    [api, preview, shortName, title, corrections, lang, onCreated],
  );

  const revise = useCallback(async (): Promise<void> => {
    const match = preview?.match;
    if (!preview?.draft || !match) return;
    const why = revisionReason(reason);
    if (why === null) {
      setProblem(pt(lang, 'editor.reason-required'));
      return;
    }
    setBusy(true);
    setProblem(null);
    // The table as read: a revision changes targets only (the plan's indicators stay as they are).
    const r = await api.revisePlanFromTable({ planId: match.planId, draft: preview.draft, reason: why });
    setBusy(false);
    if (!r.ok) setProblem(r.error.message[lang]);
    else onRevised(match.planId, pi(lang, 'revised', { name: match.shortName, count: r.value.changed }));
  }, [api, preview, reason, lang, onRevised]);

  const dirty = hasUnsavedWork(preview, rows, shortName, title, reason);

  const nameMissing = preview?.draft ? shortNameMissing(shortName) : false;
  return { preview, rows, choice, shortName, nameMissing, setShortName, title, setTitle, setField, reason, setReason, create, revise, busy, dirty, problem };
}
