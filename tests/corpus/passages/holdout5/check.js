// Mechanical check of the holdout5 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout5/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2', 'holdout3', 'holdout4'], 15, 6);
