// Mechanical check of the holdout10 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout10/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'holdout9'], 15, 6);
