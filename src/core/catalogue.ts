/**
 * The project's own catalogue of classification codes (from the yearly 《政府收支分类科目》).
 * It is deliberately partial: a code missing here is reported as "not in catalogue" (warning),
 * never as wrong. Extend per year or province by adding entries.
 */
import { normName, stripEnum } from './text';

export type CodeKind = 'function' | 'economic';

/** 支出功能分类 类 in the order the summary tables print them (order = code order). */
export const FUNCTION_CLASSES: { code: string; name: string; since?: number }[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '202', name: '外交支出' },
  { code: '203', name: '国防支出' },
  { code: '204', name: '公共安全支出' },
  { code: '205', name: '教育支出' },
  { code: '206', name: '科学技术支出' },
  { code: '207', name: '文化旅游体育与传媒支出' },
  { code: '208', name: '社会保障和就业支出' },
  { code: '209', name: '社会保险基金支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '211', name: '节能环保支出' },
  { code: '212', name: '城乡社区支出' },
  { code: '213', name: '农林水支出' },
  { code: '214', name: '交通运输支出' },
  { code: '215', name: '资源勘探工业信息等支出' },
  { code: '216', name: '商业服务业等支出' },
  { code: '217', name: '金融支出' },
  { code: '219', name: '援助其他地区支出' },
  { code: '220', name: '自然资源海洋气象等支出' },
  { code: '221', name: '住房保障支出' },
  { code: '222', name: '粮油物资储备支出' },
  { code: '223', name: '国有资本经营预算支出' },
  { code: '224', name: '灾害防治及应急管理支出' },
  { code: '227', name: '预备费' },
  { code: '229', name: '其他支出' },
  { code: '230', name: '转移性支出' },
  { code: '231', name: '债务还本支出' },
  { code: '232', name: '债务付息支出' },
  { code: '233', name: '债务发行费用支出' },
  { code: '234', name: '抗疫特别国债安排的支出' },
  { code: '人行', name: '人行科目', since: 2023 },
];

const FUNCTION_DETAIL: Record<string, string> = {
  '20101': '人大事务', '2010101': '行政运行', '2010102': '一般行政管理事务', '2010103': '机关服务',
  '20103': '政府办公厅（室）及相关机构事务', '2010301': '行政运行', '2010302': '一般行政管理事务',
  '2010303': '机关服务', '2010350': '事业运行', '2010399': '其他政府办公厅（室）及相关机构事务支出',
  '20104': '发展与改革事务', '2010401': '行政运行', '2010402': '一般行政管理事务',
  '20105': '统计信息事务', '2010501': '行政运行', '2010505': '专项统计业务',
  '20106': '财政事务', '2010601': '行政运行', '2010602': '一般行政管理事务',
  '20113': '商贸事务', '2011301': '行政运行', '2011308': '招商引资',
  '20131': '党委办公厅（室）及相关机构事务', '2013101': '行政运行',
  '20132': '组织事务', '2013201': '行政运行',
  '20199': '其他一般公共服务支出', '2019999': '其他一般公共服务支出',
  '20502': '普通教育', '2050201': '学前教育', '2050202': '小学教育', '2050203': '初中教育',
  '20508': '进修及培训', '2050803': '培训支出',
  '20601': '科学技术管理事务', '2060101': '行政运行', '2060102': '一般行政管理事务', '2060103': '机关服务',
  '2060199': '其他科学技术管理事务支出',
  '20602': '基础研究', '2060201': '机构运行', '2060203': '自然科学基金',
  '20603': '应用研究', '2060301': '机构运行',
  '20604': '技术研究与开发', '2060401': '机构运行', '2060404': '科技成果转化与扩散',
  '2060499': '其他技术研究与开发支出',
  '20605': '科技条件与服务', '2060501': '机构运行', '2060502': '技术创新服务体系', '2060503': '科技条件专项',
  '20607': '科学技术普及', '2060701': '机构运行', '2060702': '科普活动', '2060799': '其他科学技术普及支出',
  '20699': '其他科学技术支出', '2069999': '其他科学技术支出',
  '20801': '人力资源和社会保障管理事务', '2080101': '行政运行',
  '20805': '行政事业单位养老支出', '2080501': '行政单位离退休', '2080502': '事业单位离退休',
  '2080503': '离退休人员管理机构', '2080505': '机关事业单位基本养老保险缴费支出',
  '2080506': '机关事业单位职业年金缴费支出', '2080599': '其他行政事业单位养老支出',
  '20806': '企业改革补助', '2080601': '企业关闭破产补助', '2080699': '其他企业改革发展补助',
  '20808': '抚恤', '2080801': '死亡抚恤', '2080802': '伤残抚恤', '2080899': '其他优抚支出',
  '20899': '其他社会保障和就业支出', '2089999': '其他社会保障和就业支出',
  '21011': '行政事业单位医疗', '2101101': '行政单位医疗', '2101102': '事业单位医疗',
  '2101103': '公务员医疗补助', '2101199': '其他行政事业单位医疗支出',
  '21101': '环境保护管理事务', '2110101': '行政运行',
  '21201': '城乡社区管理事务', '2120101': '行政运行',
  '21301': '农业农村', '2130101': '行政运行',
  '21401': '公路水路运输', '2140101': '行政运行',
  '21502': '制造业', '2150299': '其他制造业支出',
  '21505': '工业和信息产业监管', '2150501': '行政运行', '2150502': '一般行政管理事务', '2150503': '机关服务',
  '2150505': '战备应急', '2150507': '专用通信', '2150508': '无线电及信息通信监管',
  '2150516': '工程建设及运行维护', '2150517': '产业发展', '2150550': '事业运行',
  '2150599': '其他工业和信息产业监管支出',
  '21508': '支持中小企业发展和管理支出', '2150801': '行政运行', '2150802': '一般行政管理事务',
  '2150805': '中小企业发展专项', '2150899': '其他支持中小企业发展和管理支出',
  '21599': '其他资源勘探工业信息等支出', '2159999': '其他资源勘探工业信息等支出',
  '22102': '住房改革支出', '2210201': '住房公积金', '2210202': '提租补贴', '2210203': '购房补贴',
  '22401': '应急管理事务', '2240101': '行政运行',
  '22999': '其他支出', '2299999': '其他支出',
};

const ECONOMIC: Record<string, string> = {
  '301': '工资福利支出', '30101': '基本工资', '30102': '津贴补贴', '30103': '奖金', '30106': '伙食补助费',
  '30107': '绩效工资', '30108': '机关事业单位基本养老保险缴费', '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费', '30111': '公务员医疗补助缴费', '30112': '其他社会保障缴费',
  '30113': '住房公积金', '30114': '医疗费', '30199': '其他工资福利支出',
  '302': '商品和服务支出', '30201': '办公费', '30202': '印刷费', '30203': '咨询费', '30204': '手续费',
  '30205': '水费', '30206': '电费', '30207': '邮电费', '30208': '取暖费', '30209': '物业管理费',
  '30211': '差旅费', '30212': '因公出国（境）费用', '30213': '维修（护）费', '30214': '租赁费',
  '30215': '会议费', '30216': '培训费', '30217': '公务接待费', '30218': '专用材料费', '30224': '被装购置费',
  '30225': '专用燃料费', '30226': '劳务费', '30227': '委托业务费', '30228': '工会经费', '30229': '福利费',
  '30231': '公务用车运行维护费', '30239': '其他交通费用', '30240': '税金及附加费用',
  '30299': '其他商品和服务支出',
  '303': '对个人和家庭的补助', '30301': '离休费', '30302': '退休费', '30303': '退职（役）费',
  '30304': '抚恤金', '30305': '生活补助', '30306': '救济费', '30307': '医疗费补助', '30308': '助学金',
  '30309': '奖励金', '30310': '个人农业生产补贴', '30311': '代缴社会保险费',
  '30399': '其他对个人和家庭的补助',
  '307': '债务利息及费用支出', '30701': '国内债务付息', '30702': '国外债务付息',
  '309': '资本性支出（基本建设）', '30901': '房屋建筑物购建', '30902': '办公设备购置',
  '30903': '专用设备购置', '30905': '基础设施建设', '30906': '大型修缮', '30907': '信息网络及软件购置更新',
  '30913': '公务用车购置', '30999': '其他基本建设支出',
  '310': '资本性支出', '31001': '房屋建筑物购建', '31002': '办公设备购置', '31003': '专用设备购置',
  '31005': '基础设施建设', '31006': '大型修缮', '31007': '信息网络及软件购置更新', '31008': '物资储备',
  '31009': '土地补偿', '31013': '公务用车购置', '31019': '其他交通工具购置', '31021': '文物和陈列品购置',
  '31022': '无形资产购置', '31099': '其他资本性支出',
  '311': '对企业补助（基本建设）', '312': '对企业补助', '313': '对社会保障基金补助',
  '399': '其他支出', '39906': '赠与', '39907': '国家赔偿费用支出',
  '39908': '对民间非营利组织和群众性自治组织补贴', '39999': '其他支出',
};

const FUNCTION_NAMES: Record<string, string> = { ...FUNCTION_DETAIL };
for (const c of FUNCTION_CLASSES) FUNCTION_NAMES[c.code] = c.name;

export function catalogueName(kind: CodeKind, code: string): string | undefined {
  return kind === 'function' ? FUNCTION_NAMES[code] : ECONOMIC[code];
}

/**
 * Former names of function classes (《政府收支分类科目》 of earlier years). Old names still appear in disclosures:
 * they map to the class with a warning, never to a zero row.
 */
export const FORMER_CLASS_NAMES: { code: string; name: string }[] = [
  { code: '207', name: '文化体育与传媒支出' },
  { code: '210', name: '医疗卫生与计划生育支出' },
  { code: '210', name: '医疗卫生支出' },
  { code: '215', name: '资源勘探信息等支出' },
  { code: '215', name: '资源勘探电力信息等支出' },
  { code: '220', name: '国土海洋气象等支出' },
  { code: '222', name: '粮油物资储备管理等事务' },
  { code: '217', name: '金融监管等事务支出' },
];

const CLASS_BY_NAME = new Map<string, { code: string; name: string; former?: boolean }>(FUNCTION_CLASSES.map((c) => [normName(c.name), c]));
for (const f of FORMER_CLASS_NAMES) if (!CLASS_BY_NAME.has(normName(f.name))) CLASS_BY_NAME.set(normName(f.name), { ...f, former: true });

/** The function class a summary-table row label refers to ("六、科学技术支出" → 206; a former name → former). */
export function functionClassByLabel(label: string): { code: string; name: string; former?: boolean } | undefined {
  return CLASS_BY_NAME.get(normName(stripEnum(normName(label))));
}

/** Whether a name is a former name of this class code. */
export function isFormerClassName(code: string, name: string): boolean {
  if (code.length !== 3) return false; // former names are of classes only
  const n = normName(stripEnum(normName(name)));
  return FORMER_CLASS_NAMES.some((f) => f.code === code && normName(f.name) === n);
}

export function functionClassesForYear(year: number): { code: string; name: string }[] {
  return FUNCTION_CLASSES.filter((c) => !c.since || year >= c.since);
}

/** Levels by code length: function 3/5/7 digits, economic 3/5 digits. */
export function codeLevel(code: string): 1 | 2 | 3 | undefined {
  // By hand, not by regex: asked of every code row.
  const n = code.length;
  if (n !== 3 && n !== 5 && n !== 7) return undefined;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return n === 3 ? 1 : n === 5 ? 2 : 3;
}

/** The whole catalogue as [code, name] pairs (for the template's 科目目录 sheet). */
export function catalogueEntries(kind: CodeKind): [string, string][] {
  const src = kind === 'function' ? FUNCTION_NAMES : ECONOMIC;
  return Object.entries(src)
    .filter(([code]) => /^\d+$/.test(code))
    .sort(([a], [b]) => a.localeCompare(b));
}
