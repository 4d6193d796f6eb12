/** The manifest is checked offline here (office-addin-manifest validate needs Microsoft's web service). */
import fs from 'fs';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const root = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
const app = doc.OfficeApp;

test('manifest is well-formed XML', () => {
  expect(XMLValidator.validate(xml)).toBe(true);
});

test('required elements of a task pane add-in for Excel', () => {
  expect(app['@xsi:type']).toBe('TaskPaneApp');
  expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  for (const k of ['ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'DefaultSettings', 'Permissions'])
    expect(app[k]).toBeDefined();
  expect(app.Hosts.Host['@Name']).toBe('Workbook');
  expect(app.Permissions).toBe('ReadWriteDocument');
});

test('the ribbon button 预算校验 opens the task pane; every resid is defined', () => {
  const strings = [...xml.matchAll(/<bt:(?:String|Url|Image) id="([^"]+)"/g)].map((m) => m[1]);
  const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  for (const id of used) expect(strings).toContain(id);
  expect(xml).toMatch(/<bt:String id="BudgetCheckButton.Label" DefaultValue="预算校验"\/>/);
  expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
});

test('all URLs are https on the one app domain, and icons exist in assets/', () => {
  const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
  const domain = app.AppDomains.AppDomain;
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u.startsWith(domain + '/')).toBe(true);
  expect(app.DefaultSettings.SourceLocation['@DefaultValue']).toBe(`${domain}/taskpane.html`);
  for (const u of urls.filter((x) => x.includes('/assets/'))) expect(fs.existsSync(path.join(root, new URL(u).pathname))).toBe(true);
});
