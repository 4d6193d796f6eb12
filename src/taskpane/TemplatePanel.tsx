/** 插入模板: the nine standard tables of a budget (预算) or final accounts (决算) year, with headers, formats and live total formulas. */
import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import * as React from 'react';
import { FormulaEvaluator } from '../core/templates/evaluate';
import { SHEET_NAMES } from '../core/templates/layout';
import { FINAL_SHEET_NAMES } from '../core/templates/final-blocks';
import { buildTemplate, OptionalTable, TEMPLATE_TABLES } from '../core/templates/template';
import { freeSheetName } from '../hosts/host';
import type { PaneSession } from './session';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', rowGap: '10px' } });
/** Budget years offered: from 2021 up to next year's budget, following today's date (late in the year people prepare next year's). */
export function templateYears(today = new Date()): number[] {
  const last = today.getFullYear() + 1;
  return Array.from({ length: last - 2021 + 1 }, (_, i) => 2021 + i);
}
const YEARS = templateYears();
/** The last year whose 《政府收支分类科目》 the built-in catalogue follows. */
const CATALOGUE_YEAR = 2025;
const OPTIONAL: [OptionalTable, string][] = [
  ['procurement', '部门政府采购预算'],
  ['assets', '部门固定资产占用情况表'],
  ['performance', '项目绩效目标表（一个项目，可复制）'],
  ['department-performance', '部门整体绩效目标表'],
];

export function TemplatePanel({ session }: { session: PaneSession }) {
  const s = useStyles();
  const host = session.host;
  const [stage, setStage] = React.useState<'budget' | 'final'>('budget');
  const [year, setYear] = React.useState(YEARS[YEARS.length - 1]);
  const final = stage === 'final';
  const [department, setDepartment] = React.useState('');
  const [code, setCode] = React.useState('');
  const [unit, setUnit] = React.useState<'万元' | '元'>('万元');
  const [layout, setLayout] = React.useState<'sheets' | 'stacked'>('sheets');
  const [optional, setOptional] = React.useState<Set<OptionalTable>>(new Set());
  const [busy, setBusy] = React.useState(false);
  const toggle = (k: OptionalTable, on: boolean) => {
    const next = new Set(optional);
    if (on) next.add(k);
    else next.delete(k);
    setOptional(next);
  };
  const [error, setError] = React.useState<string>();
  const [done, setDone] = React.useState<string>();

  const insert = async () => {
    setError(undefined);
    setDone(undefined);
    if (!department.trim()) {
      setError('请填写单位名称（将写在每张表的说明行中）');
      return;
    }
    setBusy(true);
    try {
      // Free sheet names first: the tables' formulas refer to each other by sheet name.
      const taken = await host.sheetNames();
      const pick = (n: string) => {
        const free = freeSheetName(n, taken);
        taken.push(free);
        return free;
      };
      const sheetNames: Record<string, string> = { catalogue: pick('科目目录') };
      if (layout === 'stacked') sheetNames.stacked = pick(final ? `${year}年度部门决算公开表` : `${year}年部门预算公开表`);
      else {
        for (const id of TEMPLATE_TABLES) sheetNames[id] = pick((final ? FINAL_SHEET_NAMES : SHEET_NAMES)[id]);
        if (!final) for (const [id] of OPTIONAL) if (optional.has(id)) sheetNames[id] = pick(SHEET_NAMES[id]);
      }
      const t = buildTemplate({
        year,
        department: department.trim(),
        departmentCode: code.trim() || undefined,
        unit,
        layout,
        sheetNames,
        ...(final ? { stage: 'final' as const } : { optional: [...optional] }),
      });
      new FormulaEvaluator(t.workbook).evaluateAll();
      const names = await host.insertSheets(t.workbook.sheets);
      setDone(`已插入 ${names.length} 个工作表：${names.join('、')}。在“科目编码”列填入编码和金额，合计、小计和各表之间的对应数由公式自动计算。`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.root}>
      <Field label="公开类型">
        <RadioGroup layout="horizontal" value={stage} onChange={(_, d) => setStage(d.value as 'budget' | 'final')} data-testid="template-stage">
          <Radio value="budget" label="部门预算" />
          <Radio value="final" label="部门决算" />
        </RadioGroup>
      </Field>
      <Field label={final ? '决算年度' : '预算年度'}>
        <Dropdown value={`${year}年`} selectedOptions={[String(year)]} onOptionSelect={(_, d) => setYear(Number(d.optionValue))} data-testid="template-year">
          {YEARS.map((y) => (
            <Option key={y} value={String(y)}>{`${y}年`}</Option>
          ))}
        </Dropdown>
      </Field>
      <Caption1>2023 年起收支总表增加“三十一、人行科目”。</Caption1>
      {year > CATALOGUE_YEAR && (
        <Caption1 data-testid="catalogue-note">
          内置科目目录按 {CATALOGUE_YEAR} 年《政府收支分类科目》编写，{year} 年沿用该目录：当年新增或调整的科目请按财政部门下发的科目表核对名称。
        </Caption1>
      )}
      <Field label="单位名称" required>
        <Input value={department} onChange={(_, d) => setDepartment(d.value)} data-testid="template-department" />
      </Field>
      <Field label="单位编码（可选）">
        <Input value={code} onChange={(_, d) => setCode(d.value)} />
      </Field>
      <Field label="金额单位">
        <RadioGroup layout="horizontal" value={unit} onChange={(_, d) => setUnit(d.value as '万元' | '元')}>
          <Radio value="万元" label="万元" />
          <Radio value="元" label="元" />
        </RadioGroup>
      </Field>
      <Field label="版式">
        <RadioGroup value={layout} onChange={(_, d) => setLayout(d.value as 'sheets' | 'stacked')}>
          <Radio value="sheets" label="每张表一个工作表" />
          <Radio value="stacked" label="九张表依次排在一个工作表中" />
        </RadioGroup>
      </Field>
      {!final && (
        <Field label="另外插入">
          {OPTIONAL.map(([id, label]) => (
            <Checkbox key={id} label={label} checked={optional.has(id)} onChange={(_, d) => toggle(id, !!d.checked)} />
          ))}
        </Field>
      )}
      <Caption1>九张标准表一起插入（它们的合计公式互相引用）；只新增工作表，不改动已有内容，重名时自动改名。</Caption1>
      <Button appearance="primary" onClick={insert} disabled={busy} data-testid="insert-template">
        插入模板
      </Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" data-testid="template-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
