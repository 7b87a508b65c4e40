// The embedded default plan: 温州市洞头区“住有宜居”工程五年目标 (2023–2027), transcribed from the
// table of the district's implementation plan. The table is the source of truth for targets;
// lead and co-units come from the responsible-unit lists after each task in section 三.
import type { Indicator, Plan } from '../domain/plan';
import { NO_TARGET } from '../domain/plan';

const YEARS = [2023, 2024, 2025, 2026, 2027];
const STREETS = '各街道（乡镇）';

// Responsible units per task of section 三 (lead unit first, as the plan marks it with *).
const UNITS = {
  rentalHousing: ['区住建局', '区发改局', '区经信局', '区财政局', '自然资源和规划分局', '区税务局', '人行洞头支行', '区城发公司', '区旅发公司', '国网洞头供电公司', STREETS],
  publicRental: ['区住建局', '区发改局', '区民政局', '区财政局', '自然资源和规划分局', STREETS],
  oldEstates: ['区住建局', '区发改局', '区民政局', '区财政局', '自然资源和规划分局', STREETS],
  futureCommunity: ['区住建局', '区发改局', '区民政局', '区卫生健康局', '自然资源和规划分局', STREETS],
  quality: ['区住建局', '自然资源和规划分局', STREETS],
  propertyService: ['区住建局', '区委组织部', '区民政局', STREETS],
  elevators: ['区住建局', '区财政局', '区市场监管局', STREETS],
  housingSafety: ['区住建局', '区民政局', '区财政局', '区农业农村局', '区综合执法局', '自然资源和规划分局', STREETS],
  providentFund: ['市住房公积金洞头分中心', '区公安分局', '区民政局', '区财政局', '区人力社保局', '区市场监管局', STREETS],
} as const;

type Row = Omit<Indicator, 'targets' | 'leadUnit' | 'coUnits' | 'direction' | 'tolerance'> & {
  units: readonly string[];
  values: (number | typeof NO_TARGET)[];
};

const ROWS: Row[] = [
  { id: 'zyyj-01', code: '1', domain: '住房保障', name: '城镇住房保障受益覆盖率', unit: '%', kind: 'rate', units: UNITS.publicRental, values: [10, 10.5, 11, 11.5, 12] },
  { id: 'zyyj-02', code: '2', domain: '住房保障', name: '保障性租赁住房累计建设筹集套（间）数', unit: '套', kind: 'cumulative', units: UNITS.rentalHousing, values: [637, 847, 1050, 1060, 1100] },
  { id: 'zyyj-03', code: '3', domain: '住房保障', name: '公租房在保家庭户数', unit: '户', kind: 'stock', units: UNITS.publicRental, values: [200, 210, 220, 230, 240] },
  { id: 'zyyj-04', code: '4', domain: '住房保障', name: '老旧小区累计改造个数', unit: '个', kind: 'cumulative', units: UNITS.oldEstates, values: [4, 5, 6, 7, 8] },
  { id: 'zyyj-05', code: '5', domain: '住房品质', name: '住宅小区专业物业服务覆盖率', unit: '%', kind: 'rate', units: UNITS.propertyService, values: [85, 87.5, 90, 92.5, 95] },
  { id: 'zyyj-06', code: '6', domain: '住房品质', name: '创建未来社区累计数量', unit: '个', kind: 'cumulative', units: UNITS.futureCommunity, values: [1, 2, 3, 4, NO_TARGET] },
  { id: 'zyyj-07', code: '7', domain: '住房品质', name: '住宅加装电梯累计数量', unit: '台', kind: 'cumulative', units: UNITS.elevators, values: [2, 4, 6, 8, 10] },
  { id: 'zyyj-08', code: '8', domain: '住房品质', name: '创县级及以上优质工程累计数量', unit: '个', kind: 'cumulative', units: UNITS.quality, values: [5, 10, 15, 20, 25] },
  { id: 'zyyj-09', code: '9', domain: '住房品质', name: '新开工装配式建筑占新建建筑比例', unit: '%', kind: 'rate', units: UNITS.quality, values: [33, 34, 35, 36, 37] },
  { id: 'zyyj-10', code: '10', domain: '住房品质', name: '建设浙派民居特色村累计数量', unit: '个', kind: 'cumulative', units: UNITS.quality, values: [0, 1, 3, 4, 5] },
  { id: 'zyyj-11', code: '11', domain: '住房安全', name: '城乡危房整治率', unit: '%', kind: 'rate', units: UNITS.housingSafety, values: [100, 100, 100, 100, 100] },
  { id: 'zyyj-12', code: '12', domain: '住房安全', name: '农村困难家庭危房改造救助率', unit: '%', kind: 'rate', units: UNITS.housingSafety, values: [100, 100, 100, 100, 100] },
  { id: 'zyyj-13', code: '13', domain: '住房市场', name: '住房公积金年末实缴职工人数', unit: '人', kind: 'stock', units: UNITS.providentFund, values: [13862, 14660, 15460, 16260, 17060] },
];

function toIndicator(row: Row): Indicator {
  const [leadUnit, ...coUnits] = row.units;
  const targets: Indicator['targets'] = {};
  YEARS.forEach((year, i) => {
    targets[year] = row.values[i] as number | typeof NO_TARGET;
  });
  return {
    id: row.id,
    code: row.code,
    domain: row.domain,
    name: row.name,
    unit: row.unit,
    kind: row.kind,
    direction: 'higher',
    tolerance: null,
    leadUnit: leadUnit as string,
    coUnits,
    targets,
  };
}

export const SEED_PLAN: Plan = {
  id: 'dongtou-zyyj-2023-2027',
  shortName: '住有宜居',
  title: '洞头区公共服务“七优享”工程“住有宜居”实施方案（2023—2027年）',
  tableTitle: '温州市洞头区“住有宜居”工程五年目标',
  years: YEARS,
  domains: ['住房保障', '住房品质', '住房安全', '住房市场'],
  indicators: ROWS.map(toIndicator),
  sourceNote:
    '目标值取自方案所附“五年目标”表。方案正文与表格不一致之处以表格为准：' +
    '指标7（住宅加装电梯）表格至2027年累计10台，正文写“新增住宅加装电梯20台”和“新增12台”；' +
    '指标6 的 2027 年目标在表中为“/”，即未设目标。',
  coordinator: '区城乡住房工作协调委员会办公室',
  version: 1,
};
