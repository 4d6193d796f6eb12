// Mechanical check of the holdout6 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout6/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5'], 15, 6);
