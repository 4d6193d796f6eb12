// Mechanical check of the holdout8 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout8/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7'], 15, 6);
