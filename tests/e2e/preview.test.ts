/**
 * End to end in a real browser: Debian's Chromium driven by playwright-core (no browser download) opens the
 * built preview, loads a workbook with one wrong cell, clicks 校验, and checks the finding list, the highlighted
 * cells and 清除标记. Screenshots go to test-artifacts/.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { chromium, Browser, Page } from 'playwright-core';
import { a1 } from '../../src/core/grid';
import { writeXlsxBuffer } from '../../src/hosts/file/xlsx';
import { layoutWorkbook, locate, setValue } from '../../src/samples/layout';
import { seed004Blocks } from '../../src/samples/seed004';
import { detectWorkbook } from '../../src/core/detect';
import { buildTemplate } from '../../src/core/templates/template';
import { shanghaiWanli2025 } from '../fixtures/provinces/shanghai-wanli-2025';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = path.resolve(__dirname, '..', '..');
const site = path.join(root, 'dist');
const version = require('../../package.json').version;
const artifacts = path.join(root, 'test-artifacts');
// In CI the browser must be there (.ci/run installs it); on a developer machine without it the test is skipped.
const maybe = fs.existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xlsx': 'application/octet-stream',
};

maybe('browser preview (Chromium)', () => {
  let server: http.Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let fixture: string;
  let injected: { sheet: string; cell: string };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(site, 'taskpane', 'preview.html'))) throw new Error('dist/taskpane 不存在：请先运行 npm run build');
    server = http.createServer((req, res) => {
      const file = path.join(site, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
      if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/taskpane`;
    const l = layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
    const at = locate(l, 'expenditure', 19, 4); // 2150501 行政运行 基本支出 691.02 → 619.02
    setValue(l, at, 619.02);
    injected = { sheet: at.sheet, cell: a1(at.row, at.col) };
    fixture = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-')), '有错误的工作簿.xlsx');
    fs.writeFileSync(fixture, await writeXlsxBuffer(l.workbook));
    fs.mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** Opens the preview (at a pane width, or full width) and loads the bundled sample. */
  const openSample = async (p: Page, pane?: number) => {
    await p.goto(`${base}/preview.html${pane ? `?pane=${pane}` : ''}`);
    await p.locator('[data-testid=load-sample]').click();
    await p.getByText(/示例：2021-秦皇岛市/).waitFor();
  };

  test('open a workbook, 校验, see the finding and the highlighted cell, then 清除标记', async () => {
    await page.goto(`${base}/preview.html`);
    await page.getByText('运行于：浏览器预览（不连接 Excel）').waitFor();
    await page.locator('[data-testid=file-input]').setInputFiles(fixture);
    await page.getByText('有错误的工作簿.xlsx').waitFor();
    await page.locator('[data-testid=validate]').click();
    await page.locator('[data-testid=results]').waitFor({ timeout: 30000 });
    expect(await page.locator('[data-testid=summary]').innerText()).toMatch(/发现 \d+ 项错误/);
    // No "0 项警告"; a table's year reads as a year.
    expect(await page.locator('[data-testid=summary]').innerText()).not.toMatch(/、0 项警告/);
    await page.getByText(/识别到的表（9）/).click();
    expect(await page.locator('[data-testid=tables]').innerText()).toMatch(/（2021年，万元）/);
    // The finding list names the total that does not reconcile and what it should be (D26 = 合计 of that row).
    const total = `${injected.sheet}!D${injected.cell.slice(1)}`;
    const finding = page.locator(`[data-testid=finding][data-cell="${total}"]`).first();
    expect(await finding.innerText()).toMatch(/2150501 行政运行」合计应为 619\.02（基本支出 \+ 项目支出/);
    // The first suspect is the injected cell; clicking it shows that sheet with the cell marked and selected.
    expect(await page.locator('[data-testid=suspect-0]').innerText()).toContain(`${injected.sheet}!${injected.cell}`);
    await page.locator('[data-testid=suspect-0]').click();
    const td = page.locator(`[data-testid=grid] td[data-cell="${injected.cell}"]`);
    await expect(td.getAttribute('data-mark')).resolves.toBe('suspect');
    expect(await td.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 107, 107)');
    expect(await td.getAttribute('title')).toMatch(/最可能填错：建议值 691\.02/);
    const totalTd = page.locator(`[data-testid=grid] td[data-cell="D${injected.cell.slice(1)}"]`);
    await expect(totalTd.getAttribute('data-mark')).resolves.toBe('error');
    // Clicking a finding selects its cell.
    await finding.click();
    await expect(totalTd.evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.toBe('solid');
    await page.screenshot({ path: path.join(artifacts, 'preview-e2e.png') });
    // 清除标记 removes every highlight.
    await page.locator('[data-testid=clear-marks]').click();
    await page.getByText(/已清除 \d+ 个标记/).waitFor();
    expect(await page.locator('[data-testid=grid] td[data-mark]').count()).toBe(0);
  }, 90000);

  describe('green only when earned (issue 37 points 2, 4, 5), at pane widths', () => {
    const real = (name: string) => path.join(root, '..', 'shared', 'real', name.replace(/(\.joined)?\.xlsx$/, ''), name);
    const openFile = async (p: Page, file: string, pane: number) => {
      await p.goto(`${base}/preview.html?pane=${pane}`);
      await p.locator('[data-testid=file-input]').setInputFiles(file);
      await p.getByText(path.basename(file)).waitFor();
      await p.locator('[data-testid=validate]').click();
      await p.locator('[data-testid=results]').waitFor({ timeout: 30000 });
    };

    test.each([320, 450])(
      'warnings and no error (a real 上海市财政局 2025 单位预算, %i px): the status is no green "全部平衡"',
      async (w) => {
        const p = await browser.newPage({ viewport: { width: w + 700, height: 900 } });
        await openFile(p, real('sh-shi-caizhengju-2025.xlsx'), w);
        const status = p.locator('[data-testid=live-status]');
        await expect(status.innerText()).resolves.toMatch(/没有错误，3 项警告请核对/);
        expect(await status.innerText()).not.toMatch(/全部平衡/);
        expect(await status.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(16, 124, 16)');
        await p.screenshot({ path: path.join(artifacts, `preview-warnings-${w}.png`) });
        await p.close();
      },
      60000,
    );

    test.each([320, 450])(
      'a real 决算 workbook (社会工作部 2024, %i px): checked as 决算, its warnings shown; 生成说明 writes the 决算 text',
      async (w) => {
        const p = await browser.newPage({ viewport: { width: w + 700, height: 900 } });
        const file = path.join(root, '..', 'shared', 'real-final', 'sh-putuo-shegongbu-2024-js', 'sh-putuo-shegongbu-2024-js.xlsx');
        await openFile(p, file, w);
        await expect(p.locator('[data-testid=stage-final]').innerText()).resolves.toMatch(/公开类型：部门决算.*按部门决算公开表的勾稽关系核对/);
        expect(await p.locator('[data-testid=live-status]').innerText()).toMatch(/没有错误，2 项警告请核对/);
        expect(await p.locator('[data-testid=summary]').innerText()).toMatch(/识别到 9 张表/);
        await p.screenshot({ path: path.join(artifacts, `preview-final-${w}.png`) });
        await p.getByRole('tab', { name: '生成说明' }).click();
        await p.locator('[data-testid=explain]').click();
        const text = p.locator('[data-testid=explain-text]');
        await expect(text.inputValue()).resolves.toMatch(/一、收入支出决算总体情况说明\n本部门本年度收入支出总计307\.82万元/);
        expect(await text.inputValue()).toMatch(/一般公共服务支出（类）264\.87万元，占86\.05%/);
        await p.screenshot({ path: path.join(artifacts, `preview-final-explain-${w}.png`) });
        await p.close();
      },
      60000,
    );

    test('misprinted codes with every amount reconciling (a real 街道 2024): no "不平衡"', async () => {
      const p = await browser.newPage({ viewport: { width: 1150, height: 900 } });
      await openFile(p, real('sh-putuo-wanli-jiedao-2024.joined.xlsx'), 450);
      const status = await p.locator('[data-testid=live-status]').innerText();
      expect(status).toMatch(/2 处编码或结构错误/);
      expect(status).not.toMatch(/不平衡/);
      await p.close();
    }, 60000);

    test('清除标记 during live checking: the next 校验 marks again', async () => {
      await page.goto(`${base}/preview.html`);
      await page.locator('[data-testid=file-input]').setInputFiles(fixture);
      await page.getByText('有错误的工作簿.xlsx').waitFor();
      await page.locator('[data-testid=validate]').click();
      await page.locator('[data-testid=results]').waitFor({ timeout: 30000 });
      // The grid shows one sheet: go to the one holding the wrong cell.
      await page.locator('[data-testid=suspect-0]').click();
      expect(await page.locator('[data-testid=grid] td[data-mark]').count()).toBeGreaterThan(0);
      await page.locator('[data-testid=clear-marks]').click();
      await page.getByText(/已清除 \d+ 个标记/).waitFor();
      expect(await page.locator('[data-testid=grid] td[data-mark]').count()).toBe(0);
      await page.locator('[data-testid=validate]').click();
      await page.locator('[data-testid=results]').waitFor({ timeout: 30000 });
      const t0 = Date.now();
      let marked = 0;
      while ((marked = await page.locator('[data-testid=grid] td[data-mark]').count()) === 0 && Date.now() - t0 < 10000)
        await new Promise((r) => setTimeout(r, 100));
      expect(marked).toBeGreaterThan(0);
    }, 60000);
  });

  test('the bundled sample validates with no error', async () => {
    await openSample(page);
    await page.locator('[data-testid=validate]').click();
    await page.locator('[data-testid=summary]').waitFor();
    expect(await page.locator('[data-testid=summary]').innerText()).toMatch(/各表勾稽关系全部平衡/);
    expect(await page.locator('[data-testid=grid] td[data-mark]').count()).toBe(0);
  }, 60000);

  test.each([1400, 320])(
    '实时校验 (%i px pane or full): a wrong figure typed in the grid is marked at once, filters stay; 改为 fixes it; 撤销 brings it back',
    async (w) => {
      const p = w === 1400 ? page : await browser.newPage({ viewport: { width: w + 700, height: 900 } });
      await openSample(p, w === 1400 ? undefined : w);
      await p.locator('[data-testid=validate]').click();
      const status = p.locator('[data-testid=live-status]');
      await status.filter({ hasText: '全部平衡 ✓' }).waitFor();
      expect(await p.locator('[data-testid=live-switch]').isChecked()).toBe(true);
      // A filter chosen before the edit survives it (the list updates in place).
      await p.locator('[data-testid=filter-info]').check();
      await p.locator('[data-testid=sheet-tabs] button', { hasText: injected.sheet }).click();
      const td = p.locator(`[data-testid=grid] td[data-cell="${injected.cell}"]`);
      await td.dblclick();
      await p.locator('[data-testid=cell-editor]').fill('619.02');
      await p.locator('[data-testid=cell-editor]').press('Enter');
      await status.filter({ hasText: /\d+ 处不平衡/ }).waitFor({ timeout: 10000 });
      await p.locator(`[data-testid=grid] td[data-cell="${injected.cell}"][data-mark=suspect]`).waitFor();
      expect(await p.locator('[data-testid=filter-info]').isChecked()).toBe(true);
      expect(await p.locator('[data-testid=finding][data-severity=error]').count()).toBeGreaterThan(0);
      expect(await p.locator('[data-testid=suspect-0]').innerText()).toMatch(new RegExp(`${injected.cell}[\\s\\S]*现为 619\\.02，建议改为 691\\.02`));
      const pane = await p.locator('[data-testid=pane]').boundingBox();
      expect(await p.locator('[data-testid=pane]').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      await p.screenshot({ path: path.join(artifacts, `live-${w}-broken.png`) });
      // One click writes the suggestion; live checking confirms it.
      await p.locator('[data-testid=fix-0]').click();
      await status.filter({ hasText: '全部平衡 ✓' }).waitFor({ timeout: 10000 });
      expect(await td.innerText()).toBe('691.02');
      expect(await p.locator('[data-testid=grid] td[data-mark]').count()).toBe(0);
      expect(await p.locator('[data-testid=fix]').innerText()).toMatch(new RegExp(`${injected.cell} 619\\.02 → 691\\.02`));
      await p.screenshot({ path: path.join(artifacts, `live-${w}-fixed.png`) });
      // …and 撤销 puts the old figure back.
      await p.locator('[data-testid=undo-fix]').click();
      await status.filter({ hasText: /处不平衡/ }).waitFor({ timeout: 10000 });
      expect(await td.innerText()).toBe('619.02');
      // 清除标记 while live: marking stops (else only the next changed cells would be marked); ticking it marks again.
      await p.locator('[data-testid=clear-marks]').click();
      await p.locator('[data-testid=grid] td[data-mark]').first().waitFor({ state: 'detached' });
      expect(await p.locator('[data-testid=mark-switch]').isChecked()).toBe(false);
      await p.locator('[data-testid=mark-switch]').check();
      await p.locator(`[data-testid=grid] td[data-cell="${injected.cell}"][data-mark]`).waitFor();
      // Live checking off: an edit no longer updates the results, and the status says it is paused.
      await p.locator('[data-testid=live-switch]').uncheck();
      await td.dblclick();
      await p.locator('[data-testid=cell-editor]').fill('691.02');
      await p.locator('[data-testid=cell-editor]').press('Enter');
      await status.filter({ hasText: /已暂停/ }).waitFor();
      expect(await status.innerText()).toMatch(/处不平衡/);
      expect(pane!.width).toBeGreaterThan(0);
      if (p !== page) await p.close();
    },
    90000,
  );

  test('生成说明: generate from the sample, insert a 情况说明 sheet, check pasted text', async () => {
    await openSample(page);
    await page.getByRole('tab', { name: '生成说明' }).click();
    await page.locator('[data-testid=explain]').click();
    const text = page.locator('[data-testid=explain-text]');
    await text.waitFor();
    expect(await text.inputValue()).toMatch(
      /2021年预算支出为4436\.20万元，其中：基本支出1039\.25万元，包括人员经费936\.21万元和日常公用经费103\.04万元；项目支出3396\.95万元/,
    );
    await page.locator('[data-testid=insert-sheet]').click();
    await page.getByText('已插入新工作表“情况说明”').waitFor();
    await page.getByRole('tab', { name: '情况说明' }).waitFor();
    await page.locator('[data-testid=check-input]').fill(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'text', 'seed003-text-2.txt'), 'utf8'));
    await page.locator('[data-testid=check-text]').click();
    // Another department's text against the sample's tables: its amounts are tied to the table cells.
    expect(await page.locator('[data-testid=check-results]').innerText()).toMatch(/“其中基本支出”写为 4624\.64万元，表中为 1039\.25万元（3支出总表!E7）/);
    await page.screenshot({ path: path.join(artifacts, 'preview-explain.png') });
  }, 60000);

  test("核对 pasted text before 生成说明: compared with the open workbook's tables, and says so", async () => {
    await openSample(page);
    await page.getByRole('tab', { name: '生成说明' }).click();
    await page.locator('[data-testid=check-input]').fill(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'text', 'seed003-text-2.txt'), 'utf8'));
    await page.locator('[data-testid=check-text]').click();
    await page.locator('[data-testid=checked-with]').waitFor();
    expect(await page.locator('[data-testid=checked-with]').innerText()).toBe('已与当前工作簿的 9 张表对照，并核对了文字自身的算术。');
    expect(await page.locator('[data-testid=check-results]').innerText()).toMatch(/“其中基本支出”写为 4624\.64万元，表中为 1039\.25万元/);
    await page.screenshot({ path: path.join(artifacts, 'preview-check-before-explain.png') });
  }, 60000);

  test('生成说明 reads the tables with the corrections made in 校验 (a table marked "not a budget table" is not described)', async () => {
    await openSample(page);
    await page.getByRole('tab', { name: '生成说明' }).click();
    await page.locator('[data-testid=explain]').click();
    const text = page.locator('[data-testid=explain-text]');
    await text.waitFor();
    expect(await text.inputValue()).toMatch(/“三公”经费[^。]*4\.25万元/);
    await page.getByRole('tab', { name: '校验' }).click();
    await page.locator('[data-testid=validate]').click();
    await page.locator('[data-testid=results]').waitFor({ timeout: 30000 });
    // Live checking starts right after 校验 and may redraw the results once: open the list again until it shows.
    const threePublic = page.locator('[data-testid=tables] [role=combobox]').filter({ hasText: '三公' });
    const option = page.getByRole('option', { name: '不是预算表（忽略）' });
    for (let i = 0; i < 5; i++) {
      if (!(await threePublic.isVisible())) await page.getByText(/识别到的表（9）/).click();
      await threePublic.click();
      if (
        await option.waitFor({ timeout: 4000 }).then(
          () => true,
          () => false,
        )
      )
        break;
    }
    await option.click();
    await page.getByText(/识别到的表（8）/).waitFor();
    await page.getByRole('tab', { name: '生成说明' }).click();
    await page.locator('[data-testid=explain]').click();
    await page.getByText('已按“校验”中对 1 张表的识别更正读取各表。').waitFor();
    expect(await text.inputValue()).not.toMatch(/4\.25万元/);
    await page.screenshot({ path: path.join(artifacts, 'preview-explain-corrected.png') });
  }, 60000);

  test('插入模板: a 2023 template in an empty preview, then 校验 maps all nine tables with no error', async () => {
    await page.goto(`${base}/preview.html`);
    await page.getByRole('tab', { name: '插入模板' }).click();
    await page.locator('[data-testid=template-year]').click();
    await page.getByRole('option', { name: '2023年' }).click();
    await page.locator('[data-testid=template-department]').fill('秦皇岛市工业和信息化局');
    await page.locator('[data-testid=insert-template]').click();
    expect(await page.locator('[data-testid=template-done]').innerText()).toMatch(/已插入 10 个工作表：1收支总表、.*9三公经费表、科目目录/);
    await page.getByRole('tab', { name: '校验' }).click();
    await page.locator('[data-testid=validate]').click();
    const summary = await page.locator('[data-testid=summary]').innerText();
    expect(summary).toMatch(/识别到 9 张表/);
    expect(summary).not.toMatch(/项错误/);
    await page.screenshot({ path: path.join(artifacts, 'preview-template.png') });
  }, 60000);

  test('a file that is not a workbook gives a Chinese message', async () => {
    const bad = path.join(path.dirname(fixture), '不是工作簿.xlsx');
    fs.writeFileSync(bad, 'hello');
    await page.goto(`${base}/preview.html`);
    await page.locator('[data-testid=file-input]').setInputFiles(bad);
    expect(await page.locator('[data-testid=open-error]').innerText()).toMatch(/不是 \.xlsx 工作簿/);
  }, 30000);

  test('帮助与安装 beside 运行于 opens help.html, which links to the install pages; no overflow at 320 px', async () => {
    await page.goto(`${base}/preview.html?pane=320`);
    const link = page.locator('[data-testid=help-link]');
    await link.waitFor();
    expect(await link.getAttribute('target')).toBe('_blank');
    const [help] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await help.waitForLoadState();
    expect(new URL(help.url()).pathname).toBe('/taskpane/help.html');
    expect(await help.locator('a[data-install-link]').getAttribute('href')).toBe('index.html');
    await help.close();
    expect(await page.locator('[data-testid=pane]').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  }, 30000);

  test('inside WPS (window.Application present) the pane says so, and explains a missing workbook in Chinese', async () => {
    const wpsPane = `${base.replace(/\/taskpane$/, '')}/wps/budget-check_${version}/taskpane.html#validate`;
    if (!fs.existsSync(path.join(site, 'wps', `budget-check_${version}`, 'taskpane.html'))) throw new Error('dist/wps 不存在：请先运行 npm run build:wps');
    const wpsPage = await browser.newPage();
    await wpsPage.addInitScript(() => {
      (window as unknown as { Application: unknown }).Application = { ActiveWorkbook: null, PluginStorage: { getItem: () => null, setItem: () => undefined } };
    });
    await wpsPage.goto(wpsPane);
    await wpsPage.getByText('运行于：WPS 表格').waitFor();
    await wpsPage.locator('[data-testid=validate]').click();
    expect(await wpsPage.locator('[data-testid=error]').innerText()).toMatch(/WPS 中没有打开的工作簿/);
    await wpsPage.close();
  }, 30000);

  test('the task pane page outside Excel points to the preview (Office.js request blocked)', async () => {
    await page.route('**/office.js', (route) => route.abort());
    await page.goto(`${base}/taskpane.html`);
    await page.getByText(/请在 Excel 或 WPS 表格中打开本任务窗格/).waitFor({ timeout: 5000 });
    expect(await page.locator('a[href="preview.html"]').getAttribute('target')).toBe('_blank');
    await page.unroute('**/office.js');
  }, 30000);

  test('inside Excel with Office.js blocked (intranet): a clear message within 3 s that names the cause', async () => {
    await page.route('**/office.js', (route) => route.abort());
    const t0 = Date.now();
    await page.goto(`${base}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    await page.getByText('无法加载 Office.js，任务窗格不能连接 Excel').waitFor({ timeout: 5000 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await page.locator('[data-testid=load-message]').innerText()).toMatch(/appsforoffice\.microsoft\.com/);
    await page.unroute('**/office.js');
  }, 30000);

  describe.each([320, 420])('the pane at %i px', (width) => {
    let narrow: Page;
    beforeAll(async () => {
      narrow = await browser.newPage({ viewport: { width: width + 700, height: 900 } });
    });
    afterAll(async () => narrow?.close());
    const paneFits = async () => narrow.locator('[data-testid=pane]').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));

    test('results belong to the open workbook: another file makes them stale, never green; no table found is never green', async () => {
      await openSample(narrow, width);
      await narrow.locator('[data-testid=validate]').click();
      await narrow.locator('[data-testid=summary]').waitFor();
      expect(await narrow.locator('[data-testid=summary]').innerText()).toMatch(/各表勾稽关系全部平衡/);
      // Another workbook, with no budget table at all.
      const other = path.join(path.dirname(fixture), '别的文件.xlsx');
      fs.writeFileSync(other, await writeXlsxBuffer({ sheets: [{ name: 'Sheet1', rows: [[{ value: '会议纪要' }], [{ value: '无表格' }]], merges: [] }] }));
      await narrow.locator('[data-testid=file-input]').setInputFiles(other);
      await narrow.locator('[data-testid=stale]').waitFor({ timeout: 5000 });
      expect(await narrow.locator('[data-testid=summary]').count()).toBe(0);
      await narrow.locator('[data-testid=validate]').click();
      await narrow.locator('[data-testid=summary]').waitFor();
      const summary = narrow.locator('[data-testid=summary]');
      expect(await summary.innerText()).toMatch(/没有核对：未找到可识别的预算表/);
      expect(await summary.innerText()).not.toMatch(/全部平衡/);
      await narrow.screenshot({ path: path.join(artifacts, `pane-${width}-no-table.png`) });
    }, 60000);

    test('findings: suspects in words with the current value, filters, 上一个/下一个 selecting cells, labelled badges, no overflow', async () => {
      await narrow.goto(`${base}/preview.html?pane=${width}`);
      await narrow.locator('[data-testid=file-input]').setInputFiles(fixture);
      await narrow.getByText('有错误的工作簿.xlsx').waitFor();
      await narrow.locator('[data-testid=validate]').click();
      await narrow.locator('[data-testid=results]').waitFor({ timeout: 30000 });
      const suspect = narrow.locator('[data-testid=suspect-0]');
      expect(await suspect.innerText()).toMatch(/很可能.*现为 619\.02，建议改为 691\.02/s);
      expect(await suspect.getAttribute('data-likelihood')).toBe('likely');
      // Badges say what they count.
      expect(
        await narrow
          .getByText(/^错误 \d+$/)
          .first()
          .isVisible(),
      ).toBe(true);
      // Next selects the first finding's cell in the grid.
      await narrow.locator('[data-testid=next]').click();
      expect(await narrow.locator('[data-testid=position]').innerText()).toMatch(/第 1 \/ \d+ 项/);
      const first = await narrow.locator('[data-testid=finding]').first().getAttribute('data-cell');
      const [sheet, cell] = first!.split('!');
      await narrow.getByRole('tab', { name: sheet }).waitFor();
      await expect(narrow.locator(`[data-testid=grid] td[data-cell="${cell}"]`).evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.toBe('solid');
      // Severity filter: hiding errors leaves only warnings (none here).
      const errorsBefore = await narrow.locator('[data-testid=finding][data-severity=error]').count();
      expect(errorsBefore).toBeGreaterThan(0);
      await narrow.locator('[data-testid=filter-error]').click();
      expect(await narrow.locator('[data-testid=finding][data-severity=error]').count()).toBe(0);
      await narrow.locator('[data-testid=filter-error]').click();
      // The table-type pickers of 识别到的表 fit too.
      await narrow.getByText(/识别到的表（9）/).click();
      await narrow.locator('[data-testid=tables]').waitFor();
      // The pane does not overflow its width.
      const fit = await paneFits();
      expect(fit.scroll).toBeLessThanOrEqual(fit.client + 1);
      await narrow.screenshot({ path: path.join(artifacts, `pane-${width}-findings.png`) });
    }, 60000);

    test('switching tabs keeps the results and the generated text', async () => {
      await openSample(narrow, width);
      await narrow.locator('[data-testid=validate]').click();
      await narrow.locator('[data-testid=summary]').waitFor();
      await narrow.getByRole('tab', { name: '生成说明' }).click();
      await narrow.locator('[data-testid=explain]').click();
      const text = narrow.locator('[data-testid=explain-text]');
      await text.waitFor();
      await text.fill((await text.inputValue()) + '\n（本单位补充的一段话）');
      await narrow.getByRole('tab', { name: '校验' }).click();
      expect(await narrow.locator('[data-testid=summary]').isVisible()).toBe(true);
      await narrow.getByRole('tab', { name: '生成说明' }).click();
      expect(await text.inputValue()).toMatch(/（本单位补充的一段话）$/);
      // Inserted, then checked at once: the new sheet is found (never "missing" right after inserting it),
      // and the message stands right under the buttons.
      await narrow.locator('[data-testid=insert-sheet]').click();
      await narrow.locator('[data-testid=explain-info]').waitFor();
      await narrow.locator('[data-testid=check-sheet]').click();
      await narrow.locator('[data-testid=check-results]').waitFor();
      expect(await narrow.getByText(/没有名称含“情况说明”的工作表/).count()).toBe(0);
      const fit = await paneFits();
      expect(fit.scroll).toBeLessThanOrEqual(fit.client + 1);
      await narrow.screenshot({ path: path.join(artifacts, `pane-${width}-explain.png`) });
    }, 60000);
  });

  test('上年 workbook of the same year is questioned before use; template years reach next year; Alt+↓ steps through findings', async () => {
    await openSample(page, 420);
    await page.getByRole('tab', { name: '生成说明' }).click();
    await page.locator('[data-testid=explain]').click();
    await page.locator('[data-testid=explain-text]').waitFor();
    // The sample itself (2021) offered as 上年 for 2021.
    const sampleFile = path.join(path.dirname(fixture), 'sample-2021.xlsx');
    fs.writeFileSync(sampleFile, fs.readFileSync(path.join(root, 'samples', '2021-秦皇岛市工业和信息化局-部门预算公开表.xlsx')));
    await page.locator('[data-testid=prior-input]').setInputFiles(sampleFile);
    expect(await page.locator('[data-testid=prior-doubt]').innerText()).toMatch(/上年工作簿的预算年度为 2021 年，而本年为 2021 年：上年应为 2020 年/);
    await page.locator('[data-testid=prior-refuse]').click();
    expect(await page.locator('[data-testid=explain-text]').inputValue()).not.toMatch(/与上年持平/);
    // 插入模板: the year list runs to next year's budget.
    await page.getByRole('tab', { name: '插入模板' }).click();
    await page.locator('[data-testid=template-year]').click();
    await page.getByRole('option', { name: `${new Date().getFullYear() + 1}年` }).waitFor();
    await page.keyboard.press('Escape');
    // Alt+↓ in the findings list moves to the next finding and selects its cell.
    await page.locator('[data-testid=file-input]').setInputFiles(fixture);
    await page.getByRole('tab', { name: '校验' }).click();
    await page.locator('[data-testid=validate]').click();
    await page.locator('[data-testid=results]').waitFor({ timeout: 30000 });
    await page.locator('[data-testid=finding]').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await page.locator('[data-testid=position]').innerText()).toMatch(/第 1 \/ \d+ 项/);
    await page.keyboard.press('Alt+ArrowDown');
    expect(await page.locator('[data-testid=position]').innerText()).toMatch(/第 2 \/ \d+ 项/);
  }, 60000);

  test('preview grid: a 3,000-row sheet renders only the rows in view, and the header rows stay on top while scrolling', async () => {
    const rows: { value: string | number; numFmt?: string }[][] = [
      [{ value: '部门预算支出总表' }],
      [{ value: '单位：万元' }],
      [{ value: '科目编码' }, { value: '科目名称' }, { value: '合计' }, { value: '基本支出' }, { value: '项目支出' }],
    ];
    for (let i = 0; i < 3000; i++)
      rows.push([
        { value: `2019${String((i % 99) + 1).padStart(3, '0')}` },
        { value: `项${i}` },
        { value: 1234.5, numFmt: '#,##0.00' },
        { value: 1234.5, numFmt: '#,##0.00' },
      ]);
    const big = path.join(path.dirname(fixture), '三千行.xlsx');
    fs.writeFileSync(big, await writeXlsxBuffer({ sheets: [{ name: '大表', rows: rows as never, merges: [] }] }));
    await page.goto(`${base}/preview.html`);
    await page.locator('[data-testid=file-input]').setInputFiles(big);
    await page.getByText('三千行.xlsx').waitFor();
    expect(await page.locator('[data-testid=grid] tbody tr[data-row]').count()).toBeLessThan(200);
    expect(await page.locator('[data-testid=grid] td[data-cell="C10"]').innerText()).toBe('1,234.50');
    await page.locator('[data-testid=grid]').evaluate((el) => (el.scrollTop = 30000));
    await page.waitForTimeout(200);
    const header = page.locator('[data-testid=grid] tr[data-row="2"]');
    const gridTop = await page.locator('[data-testid=grid]').evaluate((el) => el.getBoundingClientRect().top);
    const headerTop = await header.evaluate((el) => el.getBoundingClientRect().top);
    expect(headerTop - gridTop).toBeLessThan(100); // still at the top of the grid
    expect(await page.locator('[data-testid=grid] td[data-cell="A1440"]').count()).toBe(1); // rows in view are drawn
    await page.screenshot({ path: path.join(artifacts, 'preview-grid-scrolled.png') });
  }, 60000);

  describe('issue 37 items 1, 6, 7, 9, 10', () => {
    const real = (dir: string, name = `${dir}.xlsx`) => path.join(root, '..', 'shared', 'real', dir, name);
    const paneFits = (p: Page) => p.locator('[data-testid=pane]').evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    const openAndValidate = async (p: Page, file: string, w: number) => {
      await p.goto(`${base}/preview.html?pane=${w}`);
      await p.locator('[data-testid=file-input]').setInputFiles(file);
      await p.getByText(path.basename(file)).waitFor();
      await p.locator('[data-testid=validate]').click();
      await p.locator('[data-testid=results]').waitFor({ timeout: 30000 });
    };

    test.each([320, 450])(
      'item 1 (%i px): a total broken while 实时校验 is off is found when it is turned on again — never "全部平衡 ✓"',
      async (w) => {
        const l = layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
        const at = locate(l, 'expenditure', 19, 4);
        const clean = path.join(path.dirname(fixture), '暂停后改动.xlsx');
        fs.writeFileSync(clean, await writeXlsxBuffer(l.workbook));
        const p = await browser.newPage({ viewport: { width: w + 700, height: 900 } });
        await openAndValidate(p, clean, w);
        const status = p.locator('[data-testid=live-status]');
        await expect(status.innerText()).resolves.toBe('全部平衡 ✓');
        await p.locator('[data-testid=live-switch]').click();
        await expect(status.innerText()).resolves.toMatch(/^已暂停/);
        expect(await p.locator('[data-testid=live-paused]').innerText()).toMatch(/暂停期间的改动不核对/);
        // While paused: 691.02 → 619.02 in the grid.
        await p.getByRole('tab', { name: at.sheet }).click();
        await p.locator(`[data-testid=grid] td[data-cell="${a1(at.row, at.col)}"]`).dblclick();
        await p.locator('[data-testid=cell-editor]').fill('619.02');
        await p.keyboard.press('Enter');
        expect(await status.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(16, 124, 16)');
        // On again: the workbook is read again; the broken total is there.
        await p.locator('[data-testid=live-switch]').click();
        await p.getByText(/已重新读取暂停期间的改动/).waitFor({ timeout: 10000 });
        expect(await status.innerText()).toMatch(/\d+ 处不平衡/);
        expect(await status.innerText()).not.toMatch(/全部平衡/);
        expect(await p.locator('[data-testid=summary]').innerText()).toMatch(/发现 \d+ 项错误/);
        expect(await p.locator('[data-testid=suspect-0]').innerText()).toMatch(/现为 619\.02，建议改为 691\.02/);
        expect(await paneFits(p)).toBe(true);
        await p.screenshot({ path: path.join(artifacts, `issue37-1-resume-${w}.png`) });
        await p.close();
      },
      90000,
    );

    test.each([320, 450])(
      'item 6 (%i px): a 合计 row with its amounts out of the amount columns is a warning and a partial check; 生成说明 says the table is there',
      async (w) => {
        const wb = layoutWorkbook(shanghaiWanli2025(), { layout: 'sheets' }).workbook;
        for (const t of detectWorkbook(wb).tables.filter((x) => x.schema === 'income' || x.schema === 'expenditure')) {
          const total = t.rows.find((r) => r.kind === 'total')!;
          const row = wb.sheets.find((s) => s.name === t.sheet)!.rows[total.row];
          const cols = Object.values(total.amounts)
            .map((a) => a.col)
            .sort((a, b) => a - b);
          const cells = cols.map((c) => row[c]);
          for (const c of cols) row[c] = undefined;
          cells.forEach((x, i) => (row[cols[0] - 1 + i] = x)); // one column left, as a PDF conversion left it
        }
        const file = path.join(path.dirname(fixture), '合计行错位.xlsx');
        fs.writeFileSync(file, await writeXlsxBuffer(wb));
        const p = await browser.newPage({ viewport: { width: w + 700, height: 900 } });
        await openAndValidate(p, file, w);
        const coverage = p.locator('[data-testid=coverage]');
        expect(await coverage.locator('li').count()).toBeGreaterThanOrEqual(3);
        expect(await coverage.innerText()).toMatch(/部门预算收入总表（表内）（部分）：合计行（第 \d+ 行）的数字印在金额列之外/);
        expect(await p.locator('[data-testid=summary]').innerText()).toMatch(/识别到 9 张表/);
        expect(await p.locator('[data-testid=finding][data-severity=warning]').filter({ hasText: '收入总表的合计行' }).count()).toBe(1);
        expect(await p.locator('[data-testid=live-status]').innerText()).not.toMatch(/全部平衡/);
        expect(await paneFits(p)).toBe(true);
        await p.screenshot({ path: path.join(artifacts, `issue37-6-total-misplaced-${w}.png`) });
        await p.getByRole('tab', { name: '生成说明' }).click();
        await p.locator('[data-testid=explain]').click();
        const text = p.locator('[data-testid=explain-text]');
        await expect(text.inputValue()).resolves.toMatch(/【待补充：工作簿中有收入总表（工作表“[^”]+”），但其合计行（第 \d+ 行）/);
        expect(await text.inputValue()).not.toMatch(/没有可识别的收支总表或收入总表/);
        // The to-do list is a list; an item selects its place in the text.
        const item = p.locator('[data-testid=todo] li [data-testid=todo-item]').filter({ hasText: '收入合计' });
        await item.click();
        const selected = await text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
        expect(selected).toMatch(/^【待补充：工作簿中有收入总表.*】$/);
        await p.screenshot({ path: path.join(artifacts, `issue37-6-explain-${w}.png`) });
        await p.close();
      },
      90000,
    );

    test.each([320, 450])(
      'item 7 (%i px): the real 社会福利院 2024: 30212 shown with its code and printed name as a code problem, nothing to set for 三公',
      async (w) => {
        const p = await browser.newPage({ viewport: { width: w + 700, height: 900 } });
        await openAndValidate(p, real('sh-putuo-shehuifuliyuan-2024'), w);
        const status = await p.locator('[data-testid=live-status]').innerText();
        expect(status).toMatch(/14 处编码或结构错误/);
        expect(status).not.toMatch(/不平衡/);
        const f = p.locator('[data-testid=finding]').filter({ hasText: '30212' });
        expect(await f.innerText()).toMatch(/“30212 机关事业单位退休人员活动费”编码与名称不符：编码 30212 在科目目录中是“因公出国（境）费用”/);
        expect(await p.locator('[data-testid=suspects]').count()).toBe(0);
        expect(await p.locator('[data-testid=results]').innerText()).not.toMatch(/0\.70/);
        expect(await p.locator('[data-testid=finding]').filter({ hasText: '7 11 02' }).count()).toBe(2);
        expect(await paneFits(p)).toBe(true);
        await p.screenshot({ path: path.join(artifacts, `issue37-7-code-name-${w}.png`) });
        await p.close();
      },
      90000,
    );

    test.each([320, 450])(
      "item 9 (%i px): preview grid — a template's totals recalculate, no jump to another sheet, Tab / blur / F2, full-width digits",
      async (w) => {
        const t = buildTemplate({ year: 2023, department: '秦皇岛市工业和信息化局' });
        const tp = detectWorkbook(t.workbook).tables.find((x) => x.schema === 'three-public-expenditure')!;
        const cellOf = (key: string, role: string) => {
          const r = tp.rows.find((x) => x.item === key)!;
          return a1(r.amounts[role].row, r.amounts[role].col);
        };
        const p = await browser.newPage({ viewport: { width: w + 900, height: 900 } });
        await p.goto(`${base}/preview.html?pane=${w}`);
        await p.getByRole('tab', { name: '插入模板' }).click();
        await p.locator('[data-testid=template-year]').click();
        await p.getByRole('option', { name: '2023年' }).click();
        await p.locator('[data-testid=template-department]').fill('秦皇岛市工业和信息化局');
        await p.locator('[data-testid=insert-template]').click();
        await p.locator('[data-testid=template-done]').waitFor();
        await p.getByRole('tab', { name: '校验' }).click();
        await p.locator('[data-testid=validate]').click();
        await p.locator('[data-testid=results]').waitFor({ timeout: 30000 });
        expect(await p.locator('[data-testid=live-status]').innerText()).not.toMatch(/不平衡/);
        // On the 三公 sheet (the pane last selected a cell of the first sheet).
        await p.getByRole('tab', { name: tp.sheet }).click();
        const td = (cell: string) => p.locator(`[data-testid=grid] td[data-cell="${cell}"]`);
        // Full-width digits and point, written by Tab.
        await td(cellOf('reception', 'general')).dblclick();
        await p.locator('[data-testid=cell-editor]').fill('２７．１０');
        await p.keyboard.press('Tab');
        // F2 on a clicked cell; written by leaving the cell (a click elsewhere).
        await td(cellOf('abroad', 'general')).click();
        await p.keyboard.press('F2');
        await p.locator('[data-testid=cell-editor]').fill('3');
        await td('A1').click();
        await expect(td(cellOf('total', 'total')).innerText()).resolves.toBe('30.10');
        await expect(td(cellOf('reception', 'general')).innerText()).resolves.toBe('27.10');
        // Still on the 三公 sheet, and the live status has no imbalance (the totals followed).
        expect(await p.getByRole('tab', { name: tp.sheet }).getAttribute('aria-selected')).toBe('true');
        await p.waitForTimeout(300);
        expect(await p.locator('[data-testid=live-status]').innerText()).not.toMatch(/不平衡/);
        expect(await p.locator('[data-testid=summary]').innerText()).not.toMatch(/项错误/);
        await p.screenshot({ path: path.join(artifacts, `issue37-9-grid-${w}.png`) });
        await p.close();
      },
      90000,
    );

    test.each([320, 450])(
      'item 10 (%i px): first step hinted, 清除标记 off with nothing to clear, focus on the summary, one certain suspect, badges in their pills, a growing text',
      async (w) => {
        const p = await browser.newPage({ viewport: { width: w + 700, height: 900 } });
        await p.goto(`${base}/preview.html?pane=${w}`);
        await p.locator('[data-testid=file-input]').setInputFiles(fixture);
        await p.getByText('有错误的工作簿.xlsx').waitFor();
        expect(await p.locator('[data-testid=cold-hint]').innerText()).toMatch(/先点“校验”/);
        expect(await p.locator('[data-testid=clear-marks]').isDisabled()).toBe(true);
        await p.screenshot({ path: path.join(artifacts, `issue37-10-cold-${w}.png`) });
        await p.locator('[data-testid=validate]').click();
        await p.locator('[data-testid=results]').waitFor({ timeout: 30000 });
        await p.waitForTimeout(200);
        expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('summary');
        expect(await p.locator('[data-testid=cold-hint]').count()).toBe(0);
        // The first suspect is certain: it alone, the others behind 显示其他可能, not in bold.
        expect(await p.locator('[data-testid=suspect-0]').getAttribute('data-likelihood')).toBe('likely');
        expect(await p.locator('[data-testid^=suspect-]').count()).toBe(1);
        const toggle = p.locator('[data-testid=other-suspects]');
        expect(await toggle.innerText()).toMatch(/显示其他可能（\d）/);
        await toggle.click();
        const others = p.locator('[data-testid=suspect-1]');
        expect(await others.getAttribute('data-likelihood')).not.toBe('likely');
        expect(await others.locator('b').count()).toBe(0);
        // Count badges keep one line each inside their pill.
        for (const b of await p.locator('[data-testid=pane] .fui-Badge').all()) {
          const r = await b.evaluate((el) => ({
            lines: el.getClientRects().length,
            over: el.scrollWidth > el.clientWidth + 1,
            h: el.getBoundingClientRect().height,
          }));
          expect(r).toEqual({ lines: 1, over: false, h: expect.any(Number) });
          expect(r.h).toBeLessThan(30);
        }
        expect(await paneFits(p)).toBe(true);
        await p.screenshot({ path: path.join(artifacts, `issue37-10-results-${w}.png`) });
        // Marks shown: 清除标记 on; after it, off.
        expect(await p.locator('[data-testid=clear-marks]').isDisabled()).toBe(false);
        await p.locator('[data-testid=clear-marks]').click();
        await p.getByText(/已清除 \d+ 个标记/).waitFor();
        expect(await p.locator('[data-testid=clear-marks]').isDisabled()).toBe(true);
        // 生成说明: the text is as tall as it needs (up to ¾ of the window), the to-do list a list.
        await p.getByRole('tab', { name: '生成说明' }).click();
        await p.locator('[data-testid=explain]').click();
        const text = p.locator('[data-testid=explain-text]');
        await text.waitFor();
        const h = await text.evaluate((el) => el.getBoundingClientRect().height);
        expect(h).toBeGreaterThan(500);
        expect(await p.locator('[data-testid=todo] li').count()).toBeGreaterThanOrEqual(3);
        await p.locator('[data-testid=todo-item]').first().click();
        expect(await text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toMatch(/^【[^】]*】$/);
        expect(await paneFits(p)).toBe(true);
        await p.screenshot({ path: path.join(artifacts, `issue37-10-explain-${w}.png`) });
        await p.close();
      },
      90000,
    );
  });
});
