/**
 * Checks an existing explanation text: every amount it states is tied to the table figure it talks about
 * (收入, 基本/人员/公用/项目支出, 机关运行经费, 三公 items…); its own arithmetic must hold (基本 = 人员 + 公用,
 * 合计 = 基本 + 项目, Δ = current − prior, percentages); years must be the budget year or the year before;
 * leftover template instructions are flagged. Without a workbook the text-only checks still run.
 */
import Decimal from 'decimal.js';
import { fmt } from '../amount';
import type { FigureKey, Figures } from './figures';
import { percent } from './generate';

export interface TextFinding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  sentence: string;
  stated?: string;
  table?: string;
  sheet?: string;
  cell?: string;
}

/** Label patterns, most specific first. */
const LABELS: [RegExp, FigureKey][] = [
  [/三公.{0,4}经费/, 'threeTotal'],
  [/因公出国/, 'abroad'],
  [/公务用车购置及运[行维]/, 'vehicle'],
  [/公务用车购置/, 'purchase'],
  [/公务用车运[行维]|运维费/, 'operation'],
  [/公务接待/, 'reception'],
  [/机关运行经费/, 'public'],
  [/政府采购预算/, 'procurement'],
  [/^(?!.*购置).*资产总(价值|额)/, 'assets'], // "拟购置固定资产总额" is planned purchases, not the asset total
  [/人员.{0,4}经费/, 'personnel'],
  [/公用.{0,6}经费/, 'public'],
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/上年结转/, 'carryover'],
  [/一般公共预算(拨款)?收入|一般公共预算拨款/, 'general'],
  [/政府性基金(预算)?(拨款)?收入|基金预算(拨款)?收入/, 'fund'],
  [/国有资本经营(预算)?(拨款)?收入/, 'state'],
  [/财政专户/, 'special'],
  [/事业单位经营收入/, 'operating'],
  [/^事业收入/, 'business'],
  [/上级补助收入/, 'superior'],
  [/附属单位上缴收入/, 'affiliated'],
  // The totals last: "政府性基金预算收入" is a source, not the total.
  [/(预算收入|收入预算|收入总计|收入合计|本部门.{0,4}收入)/, 'income'],
  [/(支出预算|预算支出|支出总计|支出合计|预算收支安排|收支预算)/, 'expenditure'],
];

const LEFTOVER = /有则写|无则填|XX|××|x{2,}|【请填写|\bTC\s|\\f\s|MERGEFIELD|\[bookmark|此处填写|（填写|待填/i;

const NUM = /(\d+(?:\.\d+)?)\s*(万元|元|%)/g;

interface Mention {
  value: Decimal;
  unit: string;
  label: string;
  kind: 'amount' | 'prior' | 'delta' | 'percent';
  sign?: 1 | -1;
  key?: FigureKey;
}

function classify(label: string): FigureKey | undefined {
  const l = label.replace(/\s+/g, '');
  for (const [re, key] of LABELS) if (re.test(l)) return key;
  return undefined;
}

/** Splits a sentence into mentions: amounts with the label before them, prior values, deltas, percentages. */
function mentions(sentence: string): Mention[] {
  const out: Mention[] = [];
  let last = 0;
  for (const m of sentence.matchAll(NUM)) {
    const before = sentence.slice(last, m.index!);
    const label = before.split(/[，,；;：:、（(]/).pop()!.trim();
    const value = new Decimal(m[1]);
    const unit = m[2];
    last = m.index! + m[0].length;
    if (unit === '%') {
      out.push({ value, unit, label, kind: 'percent', sign: /降低|下降|减少/.test(label) ? -1 : 1 });
      continue;
    }
    const amount = unit === '元' ? value.div(10000) : value;
    if (/较.*(上年|\d{4}\s*年)|比上年|上年为/.test(label) && !/增加|减少/.test(label)) out.push({ value: amount, unit, label, kind: 'prior' });
    else if (/(增加|减少|增长|下降|降低)$/.test(label.replace(/\s+/g, ''))) {
      // "基本支出减少171.36万元": a new subject stated only by its change.
      const subjectKey = classify(label.replace(/\s+/g, '').replace(/(比上年|较上年)?(增加|减少|增长|下降|降低)$/, ''));
      out.push({ value: amount, unit, label, kind: 'delta', sign: /减少|下降|降低/.test(label) ? -1 : 1, key: subjectKey });
    }
    else out.push({ value: amount, unit, label, kind: 'amount', key: classify(label) });
  }
  return out;
}

/** Tolerance for stated amounts: the text may round to fewer decimals than the tables (4436.2 for 4436.20). */
function close(a: Decimal, b: Decimal, stated: Decimal): boolean {
  const dec = Math.max(stated.decimalPlaces(), 0);
  const tol = dec >= 2 ? new Decimal('0.005') : new Decimal(10).pow(-dec).div(2);
  return a.minus(b).abs().lte(tol.plus('0.0000001'));
}

export function checkText(text: string, figures?: Figures, opts: { year?: number } = {}): TextFinding[] {
  const findings: TextFinding[] = [];
  const year = opts.year ?? figures?.year;
  const sentences = text
    .replace(/\r/g, '')
    .split(/(?<=[。；;\n])/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const sentence of sentences) {
    if (LEFTOVER.test(sentence))
      findings.push({ rule: 'text.leftover', severity: 'warning', message: `这句还留有模板说明或占位内容：“${(LEFTOVER.exec(sentence) ?? [''])[0]}”`, sentence });
    if (year)
      for (const m of sentence.matchAll(/(20\d{2})\s*年/g)) {
        const y = Number(m[1]);
        if (y !== year && y !== year - 1)
          findings.push({ rule: 'text.year', severity: 'warning', message: `提到 ${y} 年：预算年度为 ${year} 年（上年为 ${year - 1} 年），请核对年份`, sentence, stated: String(y) });
      }
    const ms = mentions(sentence);
    // 1. Amounts against the tables.
    let subject: Mention | undefined;
    let prior: Mention | undefined;
    let delta: Mention | undefined;
    const stated = new Map<FigureKey, Mention>();
    for (const m of ms) {
      if (m.kind === 'amount') {
        subject = m;
        prior = delta = undefined;
        if (m.key && !stated.has(m.key)) stated.set(m.key, m);
        const fig = m.key && figures?.values[m.key];
        if (fig && !close(m.value, fig.value, m.value))
          findings.push({
            rule: 'text.amount', severity: 'error',
            message: `“${m.label}”写为 ${m.value.toString()}万元，表中为 ${fmt(fig.value, 2)}万元（${fig.sheet}!${fig.cell}）`,
            sentence, stated: m.value.toString(), table: fmt(fig.value, 2), sheet: fig.sheet, cell: fig.cell,
          });
      } else if (m.kind === 'prior') prior = m;
      else if (m.kind === 'delta' && m.key) {
        // A new subject given by its change alone: nothing to compare without its prior value.
        subject = undefined;
        prior = undefined;
        delta = m;
      } else if (m.kind === 'delta' && subject) {
        delta = m;
        if (prior) {
          const expected = subject.value.minus(prior.value);
          const got = m.value.times(m.sign!);
          if (!close(expected, got, m.value))
            findings.push({ rule: 'text.delta', severity: 'error', message: `“${subject.label}”${subject.value}万元较上年${prior.value}万元应${expected.gte(0) ? '增加' : '减少'}${fmt(expected.abs(), 2)}万元，文中写${m.label.slice(-2)}${m.value}万元`, sentence, stated: m.value.toString() });
        }
      } else if (m.kind === 'percent' && delta && prior && !prior.value.isZero()) {
        const expected = percent(delta.value, prior.value);
        if (!close(new Decimal(expected), m.value, m.value))
          findings.push({ rule: 'text.percent', severity: 'error', message: `增减幅度应为 ${fmt(delta.value, 2)} ÷ ${fmt(prior.value, 2)} = ${expected}%，文中写 ${m.value}%`, sentence, stated: `${m.value}%` });
      }
    }
    // 2. The sentence's own arithmetic: 基本 = 人员 + 公用; 合计 = 基本 + 项目. Not repeated when a stated part
    //    already differs from the tables (that finding says it).
    if (findings.some((f) => f.rule === 'text.amount' && f.sentence === sentence)) continue;
    const b = stated.get('basic');
    const per = stated.get('personnel');
    const pub = stated.get('public');
    if (b && per && pub && !close(b.value, per.value.plus(pub.value), b.value))
      findings.push({ rule: 'text.arithmetic', severity: 'error', message: `基本支出写为 ${b.value}万元，但人员经费 ${per.value} + 公用经费 ${pub.value} = ${fmt(per.value.plus(pub.value), 2)}万元`, sentence, stated: b.value.toString() });
    const total = stated.get('expenditure');
    const proj = stated.get('project');
    if (total && b && proj && !close(total.value, b.value.plus(proj.value), total.value))
      findings.push({ rule: 'text.arithmetic', severity: 'error', message: `支出合计写为 ${total.value}万元，但基本支出 ${b.value} + 项目支出 ${proj.value} = ${fmt(b.value.plus(proj.value), 2)}万元`, sentence, stated: total.value.toString() });
  }
  return findings;
}
