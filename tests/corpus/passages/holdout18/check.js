// Mechanical check of the holdout18 passages (no checker code involved).
// Run: node tests/corpus/passages/holdout18/check.js
require('../check-set').checkSet(__dirname, ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'holdout9', 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'holdout17'], 12, 5);
