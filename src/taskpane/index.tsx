/**
 * Task pane entry. Finds its host: WPS 表格 (window.Application, the ET object model), else Excel (Office.js),
 * else a plain browser, where it points to the preview.
 */
import { createRoot } from 'react-dom/client';
import { officeExcelHost } from '../hosts/excel/excel-host';
import { wpsHostFromWindow } from '../hosts/wps/wps-host';
import { App, tabFromHash } from './App';

const root = createRoot(document.getElementById('root')!);

function notInExcel() {
  root.render(
    <div style={{ padding: 16, fontFamily: 'sans-serif' }}>
      <p>本页面是 Excel 加载项的任务窗格，请在 Excel 中通过“开始 → 预算校验”打开（WPS 表格中通过“部门预算”选项卡打开）。</p>
      <p>
        没有 Excel？请打开<a href="preview.html">浏览器预览</a>，在浏览器中打开 .xlsx 文件校验。
      </p>
    </div>,
  );
}

const wps = wpsHostFromWindow(window as unknown as Parameters<typeof wpsHostFromWindow>[0]);
if (wps) root.render(<App host={wps} initialTab={tabFromHash(location.hash)} />);
else if (typeof Office === 'undefined') notInExcel();
else
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) root.render(<App host={officeExcelHost()} initialTab={tabFromHash(location.hash)} />);
    else notInExcel();
  });
