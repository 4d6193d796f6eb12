export { cleanTitle, disclosureLevel, finalRoleOf, matchTitle } from './match';
export type { TitleMatch } from './match';
export { readTitle } from './normalise';
export type { TitleParts } from './normalise';
export { familiesOf, TITLE_FAMILIES } from './families';
