// The user's department aliases (other spellings → the plan's department), loaded from and saved
// to main; built-in aliases (shared/domain/departments) apply as well and are not listed here.
import { useCallback, useEffect, useState } from 'react';
import type { IndicatorDeskApi } from '../../../../shared/api/contract';
import type { Lang } from '../../../../shared/i18n/lang';

export interface AliasRow {
  alias: string;
  department: string;
}

export function useDepartmentAliases(api: IndicatorDeskApi, lang: Lang) {
  const [rows, setRows] = useState<AliasRow[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void api.getDepartmentAliases({}).then((r) => {
      if (live && r.ok) setRows(Object.entries(r.value).map(([alias, department]) => ({ alias, department })));
    });
    return () => {
      live = false;
    };
  }, [api]);

  const save = useCallback(async (): Promise<boolean> => {
    const aliases: Record<string, string> = {};
    for (const row of rows) if (row.alias.trim() !== '' && row.department !== '') aliases[row.alias.trim()] = row.department;
    const r = await api.saveDepartmentAliases(aliases);
    if (!r.ok) {
      setMessage({ kind: 'error', text: r.error.message[lang] });
      return false;
    }
    setRows(Object.entries(r.value).map(([alias, department]) => ({ alias, department })));
    setMessage({ kind: 'ok', text: '' });
    return true;
  }, [api, lang, rows]);

  return { rows, setRows, save, message };
}
