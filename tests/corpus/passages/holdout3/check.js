// Mechanical check of the holdout3 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout3/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2'], 25, 10);
