import { CROSS_RULES } from './cross';
import { STRUCTURE_RULES } from './structure';
import { WITHIN_RULES } from './within';
import type { Stage } from '../model';
import { FINAL_RULES } from './final';
import { OTHER_TABLE_RULES } from './other-tables';
import type { Rule } from './context';

export type { Rule, RuleContext } from './context';

/** Every rule, in the order they run. Each rule is a small named function over the mapped tables. */
export const RULES: Rule[] = [...WITHIN_RULES, ...CROSS_RULES, ...FINAL_RULES, ...STRUCTURE_RULES, ...OTHER_TABLE_RULES];

const byStage = new Map<Stage, readonly Rule[]>();

/** The rules that hold in a disclosure (预算 or 决算), in the order they run. */
export function rulesFor(stage: Stage): readonly Rule[] {
  let list = byStage.get(stage);
  if (!list) byStage.set(stage, (list = RULES.filter((r) => !r.stages || r.stages.includes(stage))));
  return list;
}
