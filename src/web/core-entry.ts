/**
 * Browser bundle of the pure core (no Office, WPS, DOM or Node imports), built by webpack into
 * dist/web/budget-core.js. The task pane and the browser preview build on it.
 */
export { detectWorkbook, detectSheet } from '../core/detect';
export { validateWorkbook } from '../core/validate';
export { formatTextReport } from '../core/report-text';
export { RULES } from '../core/rules';
export { SCHEMAS } from '../core/schemas';
export * from '../core/grid';
