// Mechanical check of the holdout9 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout9/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8'], 15, 6);
