// Mechanical check of the holdout7 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout7/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6'], 15, 6);
