/**
 * Task pane entry. Finds its host: WPS 表格 (window.Application, the ET object model), else Excel (Office.js),
 * else a plain browser, where it points to the preview.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { officeExcelHost } from '../hosts/excel/excel-host';
import { wpsHostFromWindow } from '../hosts/wps/wps-host';
import { App, tabFromHash } from './App';

const root = createRoot(document.getElementById('root')!);
const box = { padding: 16, fontFamily: 'sans-serif', lineHeight: 1.6, fontSize: 14 } as const;

/** Office passes ?_host_Info=Excel$… to a task pane it opens: then we are inside Excel, whatever else fails. */
const inOffice = /[?&]_host_Info=/i.test(location.search) || /[?&]_host_Info=/i.test(sessionStorage.getItem('hostInfoValue') ?? '');

function message(title: string, body: React.ReactNode) {
  root.render(
    <div style={box} data-testid="load-message">
      <p style={{ fontWeight: 600 }}>{title}</p>
      {body}
    </div>,
  );
}

function notInExcel() {
  message(
    '请在 Excel 或 WPS 表格中打开本任务窗格',
    <>
      <p>Excel：“开始 → 预算校验”；WPS 表格：“部门预算”选项卡。</p>
      <p>
        没有 Excel？在浏览器中打开{' '}
        <a href="preview.html" target="_blank" rel="noreferrer">
          浏览器预览
        </a>
        （新窗口），在那里打开 .xlsx 文件校验。
      </p>
    </>,
  );
}

function officeJsFailed() {
  message(
    '无法加载 Office.js，任务窗格不能连接 Excel',
    <>
      <p>加载项需要微软的脚本 appsforoffice.microsoft.com/lib/1/hosted/office.js。它没有加载成功：多半是单位网络或代理拦截了这个地址。</p>
      <p>请信息中心放行该地址，或改用 WPS 表格加载项、命令行 budget-check（不需要联网）。</p>
    </>,
  );
}

const wps = wpsHostFromWindow(window as unknown as Parameters<typeof wpsHostFromWindow>[0]);
if (wps) root.render(<App host={wps} initialTab={tabFromHash(location.hash)} />);
else {
  message('正在连接 Excel…', <p>正在加载 Office.js。</p>);
  const started = Date.now();
  const wait = () => {
    const state = (window as unknown as { __officeJs?: string }).__officeJs;
    if (typeof Office !== 'undefined' && state !== 'failed') {
      Office.onReady((info) => {
        if (info.host === Office.HostType.Excel) root.render(<App host={officeExcelHost()} initialTab={tabFromHash(location.hash)} />);
        else notInExcel();
      });
      return;
    }
    // Within 3 s: Office.js failed or never came — inside Excel that is the network; in a plain browser, say so.
    if (state === 'failed' || Date.now() - started > 3000) return inOffice ? officeJsFailed() : notInExcel();
    setTimeout(wait, 100);
  };
  wait();
}
