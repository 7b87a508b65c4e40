// Every string the indicator grid shows, in Chinese (default) and English. Status names come from
// the shared catalogue so the grid, the exported workbook and the CLI use the same words.
import type { CellStatus } from '../../../shared/domain/status';
import type { Lang } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/messages';

type Params = Record<string, string | number>;

const zh = {
  'col.domain': '领域',
  'col.code': '序号',
  'col.name': '指标',
  'col.unit': '单位',
  'col.units': '责任单位',
  'col.year': '{year}年',
  'col.target': '目标值',
  'col.actual': '实际值',
  'col.completion': '完成率',
  'col.note': '说明',
  'col.note.year': '{year}年说明',
  'tip.met': '达标：目标 {target}，实际 {actual}，超出 {gap}（{pct}）',
  'tip.met.exact': '达标：目标 {target}，实际 {actual}（{pct}）',
  'tip.missed': '未达标：目标 {target}，实际 {actual}，差 {gap}（{pct}）',
  'tip.near': '接近目标（容差 {tolerance}）：目标 {target}，实际 {actual}，差 {gap}（{pct}）',
  'tip.no-target': '{year} 年未设目标（/）',
  'tip.no-target.actual': '{year} 年未设目标（/），实际 {actual}',
  'tip.not-reported': '{year} 年已到期，尚未填报',
  'tip.pending': '{year} 年尚未到期',
  'tip.editable': '可填写：直接输入，Enter 确认，Esc 取消，Delete 清空',
  'tip.refused': '未保存：{reason}',
  'tip.refused.fix': '按 F2 修改或直接重新输入；按 Esc 或 Delete 放弃，恢复已保存的值',
  'tip.unsaved': '未保存，将自动重试：{reason}',
  'tip.saving': '正在保存…',
  'tip.lead': '牵头单位：{lead}',
  'state.saving': '正在保存…',
  'state.saved': '已保存',
  'state.saved.count': '已保存 {count} 个单元格',
  'state.refused': '{count} 个单元格未保存：{reason}',
  'state.failed': '保存失败：{reason}',
  'state.unsaved': '{count} 个单元格未保存，输入已保留，每 5 秒自动重试：{reason}',
  'state.discarded': '已放弃 {count} 个未保存的输入',
  'state.paste.clipped': '已粘贴 {count} 个单元格；{clipped} 个超出表格范围，已忽略',
  'state.paste.nothing': '粘贴位置右侧没有可填写的列',
  'state.undo.nothing': '没有可撤销的操作',
  'state.redo.nothing': '没有可重做的操作',
  'state.undone': '已撤销 {count} 个单元格',
  'state.redone': '已重做 {count} 个单元格',
  'grid.no-rows': '没有可显示的指标',
  'grid.label': '指标填报表',
  'legend.title': '图例',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'col.domain': 'Domain',
  'col.code': 'No.',
  'col.name': 'Indicator',
  'col.unit': 'Unit',
  'col.units': 'Responsible units',
  'col.year': '{year}',
  'col.target': 'Target',
  'col.actual': 'Actual',
  'col.completion': 'Completion',
  'col.note': 'Note',
  'col.note.year': 'Note {year}',
  'tip.met': 'Met: target {target}, actual {actual}, ahead by {gap} ({pct})',
  'tip.met.exact': 'Met: target {target}, actual {actual} ({pct})',
  'tip.missed': 'Missed: target {target}, actual {actual}, short by {gap} ({pct})',
  'tip.near': 'Near the target (tolerance {tolerance}): target {target}, actual {actual}, short by {gap} ({pct})',
  'tip.no-target': 'No target set for {year} (/)',
  'tip.no-target.actual': 'No target set for {year} (/); actual {actual}',
  'tip.not-reported': '{year} is due and has not been reported',
  'tip.pending': '{year} is not yet due',
  'tip.editable': 'Type to fill in; Enter confirms, Esc cancels, Delete clears',
  'tip.refused': 'Not saved: {reason}',
  'tip.refused.fix': 'F2 to correct it, or type over it; Esc or Delete discards it and shows the saved value',
  'tip.unsaved': 'Not saved, will retry automatically: {reason}',
  'tip.saving': 'Saving…',
  'tip.lead': 'Lead unit: {lead}',
  'state.saving': 'Saving…',
  'state.saved': 'Saved',
  'state.saved.count': 'Saved {count} cells',
  'state.refused': '{count} cell(s) not saved: {reason}',
  'state.failed': 'Saving failed: {reason}',
  'state.unsaved': '{count} cell(s) not saved; your entries are kept and retried every 5 s: {reason}',
  'state.discarded': 'Discarded {count} unsaved entr(ies)',
  'state.paste.clipped': 'Pasted {count} cells; {clipped} fell outside the table and were ignored',
  'state.paste.nothing': 'There is no editable column at or right of the paste position',
  'state.undo.nothing': 'Nothing to undo',
  'state.redo.nothing': 'Nothing to redo',
  'state.undone': 'Undid {count} cell(s)',
  'state.redone': 'Redid {count} cell(s)',
  'grid.no-rows': 'No indicators to show',
  'grid.label': 'Indicator return',
  'legend.title': 'Legend',
};

const CATALOGUE: Record<Lang, Record<Key, string>> = { zh, en };

export type GridMessageKey = Key;

export function gridText(lang: Lang, key: GridMessageKey, params: Params = {}): string {
  const template = CATALOGUE[lang][key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Status names are shared words (达标 / 未达标 …): one catalogue for grid, workbook and CLI. */
export function statusLabel(lang: Lang, status: CellStatus): string {
  return translate(lang, `status.${status}`);
}
