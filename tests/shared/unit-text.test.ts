// Which closing brackets of an indicator name can be its unit (shared/domain/indicator-name.ts
// isUnitText): one rule for matching a clerk's rows and for reading plan tables.
import { describe, expect, it } from 'vitest';
import { isUnitText } from '../../shared/domain/indicator-name';
import { splitNameUnit } from '../../shared/domain/plan-inference';
import { splitUnit } from '../../electron/workbook/import/match';

describe('isUnitText', () => {
  it.each(['%', '％', '‰', '套', '个', '户', '人', '万元', '亿元', '岁', '年', '万m2', 'km2', 'm³', 'μg/m3', '人/万人', '张/千人', '套（间）'])(
    '%s is a unit',
    (text) => expect(isUnitText(text)).toBe(true),
  );
  it.each(['第1组', '第２组', '第二批', '2023年', '2021—2025', '2023年底', '一期2号楼', '注', '注1', '含棚改', '不含公租房', '其中：新建', '暂定', '试行'])('%s is not a unit', (text) => expect(isUnitText(text)).toBe(false));
});

describe('a closing bracket that is no unit stays in the name', () => {
  it('when a clerk\'s row is matched (match.ts splitUnit)', () => {
    expect(splitUnit('老旧小区累计改造个数(第1组)')).toEqual({ bare: '老旧小区累计改造个数(第1组)', unit: null });
    expect(splitUnit('公租房在保家庭户数(2024年)')).toEqual({ bare: '公租房在保家庭户数(2024年)', unit: null });
    expect(splitUnit('老旧小区累计改造个数(套)')).toEqual({ bare: '老旧小区累计改造个数', unit: '套' });
  });
  it('when a plan table is read (plan-inference.ts splitNameUnit)', () => {
    expect(splitNameUnit('学校数（第1组）')).toEqual({ name: '学校数（第1组）', unit: '' });
    expect(splitNameUnit('新建学校数（2024年）')).toEqual({ name: '新建学校数（2024年）', unit: '' });
    expect(splitNameUnit('细颗粒物浓度（μg/m3）')).toEqual({ name: '细颗粒物浓度', unit: 'μg/m3' });
    expect(splitNameUnit('人数（注）')).toEqual({ name: '人数（注）', unit: '' });
  });
});
