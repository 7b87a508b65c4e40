// The plan-table inference rules, one case per shape the district's tables use.
import { describe, expect, it } from 'vitest';
import {
  inferDirection, inferKind, readTargetText, shortNameFromTitle, splitNameUnit, splitUnits, squashCjkSpaces, stripTablePrefix, targetOf,
} from '../../shared/domain/plan-inference';
import type { TargetRead } from '../../shared/domain/plan-inference';

const num = (value: number, qualifier: 'none' | 'at-most' | 'at-least' | 'falling-to' = 'none'): TargetRead => ({ kind: 'number', value, qualifier });

describe('unit from the name', () => {
  it.each([
    ['城镇住房保障受益覆盖率(%)', '城镇住房保障受益覆盖率', '%'],
    ['城镇住房保障受益覆盖率（%）', '城镇住房保障受益覆盖率', '%'],
    ['城镇住房保障受益覆盖率（％）', '城镇住房保障受益覆盖率', '%'],
    ['保障性租赁住房累计建设筹集套(间)数(套)', '保障性租赁住房累计建设筹集套（间）数', '套'],
    ['公租房在保家庭户数 (户)', '公租房在保家庭户数', '户'],
    ['住房公积金年末实缴\n职工人数（人）', '住房公积金年末实缴职工人数', '人'],
    ['每千人口托位数', '每千人口托位数', ''],
  ])('%s → %s, %s', (text, name, unit) => {
    expect(splitNameUnit(text)).toEqual({ name, unit });
  });

  it('a 领域 written down a merged cell with spaces reads as its words', () => {
    expect(squashCjkSpaces('住 房 保 障')).toBe('住房保障');
    expect(squashCjkSpaces('PM2.5 浓度')).toBe('PM2.5浓度');
  });
});

describe('kind', () => {
  it.each([
    ['老旧小区累计改造个数', '个', 'cumulative', 'cumulative-word'],
    ['累计新增学位数', '个', 'cumulative', 'cumulative-word'],
    ['城乡危房整治率', '%', 'rate', 'percent-unit'],
    ['新开工装配式建筑占新建建筑比例', '%', 'rate', 'percent-unit'],
    ['义务教育巩固率', '', 'rate', 'rate-word'],
    ['公租房在保家庭户数', '户', 'stock', 'default-stock'],
    ['住房公积金年末实缴职工人数', '人', 'stock', 'default-stock'],
  ])('%s (%s) → %s', (name, unit, kind, reason) => {
    expect(inferKind(name, unit)).toEqual({ kind, reason });
  });
});

describe('a target cell', () => {
  it.each([
    ['10.5', '%', num(10.5)],
    ['100%', '%', num(100)],
    ['１００％', '%', num(100)],
    ['1,050', '套', num(1050)],
    ['25个', '个', num(25)],
    ['≤10', '%', num(10, 'at-most')],
    ['<=10', '%', num(10, 'at-most')],
    ['不超过8', '‰', num(8, 'at-most')],
    ['控制在5.5以内', '‰', num(5.5, 'at-most')],
    ['5.5以下', '‰', num(5.5, 'at-most')],
    ['降至3', '%', num(3, 'falling-to')],
    ['下降到2.8', '%', num(2.8, 'falling-to')],
    ['≥95', '%', num(95, 'at-least')],
    ['95%以上', '%', num(95, 'at-least')],
    ['不低于90%', '%', num(90, 'at-least')],
    ['/', '%', { kind: 'slash' }],
    ['／', '%', { kind: 'slash' }],
    ['', '%', { kind: 'empty' }],
    ['全面完成', '%', { kind: 'text', text: '全面完成' }],
    ['动态清零', '个', { kind: 'text', text: '动态清零' }],
  ] as const)('%s → %o', (text, unit, read) => {
    expect(readTargetText(text, unit)).toEqual(read);
  });

  it('a read target is stored as the number, "/", or nothing', () => {
    expect(targetOf(num(10, 'at-most'))).toBe(10);
    expect(targetOf({ kind: 'slash' })).toBe('/');
    expect(targetOf({ kind: 'empty' })).toBeNull();
  });
});

describe('direction', () => {
  it('higher by default, e.g. rising targets', () => {
    expect(inferDirection('rate', [num(85), num(87.5), num(90)])).toEqual({ direction: 'higher', reason: 'default-higher' });
  });
  it('≤N or 控制在N以内 anywhere → lower', () => {
    expect(inferDirection('rate', [num(10, 'at-most'), num(10, 'at-most')])).toEqual({ direction: 'lower', reason: 'upper-bound' });
    expect(inferDirection('rate', [num(6), num(5.5, 'at-most')])).toEqual({ direction: 'lower', reason: 'upper-bound' });
  });
  it('降至N → lower', () => {
    expect(inferDirection('rate', [num(4), num(3, 'falling-to')])).toEqual({ direction: 'lower', reason: 'falling-to' });
  });
  it('targets that fall year on year → lower', () => {
    expect(inferDirection('rate', [num(5), num(4.8), num(4.8), num(4.5)])).toEqual({ direction: 'lower', reason: 'falling-targets' });
  });
  it('a …下降率 whose targets rise stays higher (the name does not decide)', () => {
    expect(inferDirection('rate', [num(1), num(2), num(3)])).toEqual({ direction: 'higher', reason: 'default-higher' });
  });
  it('flat targets, "/" and a cumulative count stay higher; ≥N is never lower', () => {
    expect(inferDirection('rate', [num(100), num(100), { kind: 'slash' }])).toEqual({ direction: 'higher', reason: 'default-higher' });
    expect(inferDirection('cumulative', [num(5), num(4)])).toEqual({ direction: 'higher', reason: 'default-higher' });
    expect(inferDirection('rate', [num(96, 'at-least'), num(95, 'at-least')])).toEqual({ direction: 'higher', reason: 'default-higher' });
  });
});

describe('title and units', () => {
  it('the short name is the quoted plan in the title; the 表： prefix goes', () => {
    expect(shortNameFromTitle('表：某区“学有优教”工程五年目标')).toBe('学有优教');
    expect(shortNameFromTitle('表:温州市洞头区"住有宜居"工程五年目标')).toBe('住有宜居');
    expect(shortNameFromTitle('五年目标')).toBeNull();
    expect(stripTablePrefix('表：某区“学有优教”工程五年目标')).toBe('某区“学有优教”工程五年目标');
    expect(stripTablePrefix('表1. 目标')).toBe('目标');
    expect(stripTablePrefix('温州市洞头区“住有宜居”工程五年目标')).toBe('温州市洞头区“住有宜居”工程五年目标');
  });
  it('牵头单位 text: the starred unit leads, else the first', () => {
    expect(splitUnits('区住建局、*区教育局、区财政局')).toEqual({ lead: '区教育局', co: ['区住建局', '区财政局'] });
    expect(splitUnits('区教育局，区财政局')).toEqual({ lead: '区教育局', co: ['区财政局'] });
    expect(splitUnits('各街道<乡镇>')).toEqual({ lead: '各街道（乡镇）', co: [] });
    expect(splitUnits('  ')).toEqual({ lead: null, co: [] });
  });
});
