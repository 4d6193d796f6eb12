import { CROSS_RULES } from './cross';
import { STRUCTURE_RULES } from './structure';
import { WITHIN_RULES } from './within';
import type { Rule } from './context';

export type { Rule, RuleContext } from './context';

/** Every rule, in the order they run. Each rule is a small named function over the mapped tables. */
export const RULES: Rule[] = [...WITHIN_RULES, ...CROSS_RULES, ...STRUCTURE_RULES];
