// Builds the bundled sample workbook samples/2021-秦皇岛市工业和信息化局-部门预算公开表.xlsx from seed 004's tables.
// Run after `npm run build`:  npm run sample
const fs = require('fs');
const path = require('path');
const { seed004Blocks } = require('../dist/samples/seed004');
const { layoutWorkbook } = require('../dist/samples/layout');
const { writeXlsxBuffer } = require('../dist/hosts/file/xlsx');

const out = path.join(__dirname, '..', 'samples', '2021-秦皇岛市工业和信息化局-部门预算公开表.xlsx');
writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook).then((buf) => {
  fs.writeFileSync(out, buf);
  console.log(`已生成 ${path.relative(process.cwd(), out)}（${buf.length} 字节）`);
});
