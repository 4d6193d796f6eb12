// Mechanical check of the holdout2 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout2/check.js
require('../check-set').checkSet(__dirname, ['holdout'], 20, 8);
