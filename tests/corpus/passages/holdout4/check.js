// Mechanical check of the holdout4 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout4/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2', 'holdout3'], 18, 8);
