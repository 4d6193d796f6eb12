/**
 * Text as people paste it, made readable for checking (issue 11): full-width digits and punctuation folded
 * (NFKC for what matters: ０-９, ．, ％, full-width letters and spaces), spaces and line breaks inside words and
 * numbers removed (a PDF wraps lines anywhere: lines are joined into paragraphs before sentences are split),
 * thousands separators dropped, and tables pasted inside the text skipped. Pure: no DOM, no Node.
 */
import { readTextTables, readYearSeries, type TextTable, type YearSeries } from './text-tables';

/** Full-width forms that matter for numbers and words; Chinese punctuation （，：；） is kept as it is. */
function foldWidth(s: string): string {
  return s
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uff0e/g, '.')
    .replace(/\uff05/g, '%')
    .replace(/[\u3000\u00a0\u2002-\u200b\ufeff]/g, ' ')
    .replace(/\r\n?/g, '\n');
}

/**
 * Traditional characters of a budget text, folded to the simplified ones the checks read (萬元, 預算, 減少 …), and
 * the pinyin glosses some mirror sites insert into words ("經(jīng)費").
 */
const TRADITIONAL: Record<string, string> = Object.fromEntries(
  (
    '萬万億亿預预決决經经費费務务購购運运維维護护車车國国較较減减長长與与數数總总計计財财撥拨項项門门單单為为額额準准開开辦办會会議议區区縣县鄉乡鎮镇機机關关說说況况內内實实際际時时據据歲岁產产營营業业級级補补貼贴報报銷销結结轉转餘余無无沒没變变過过從从細细點点壓压縮缩標标規规範范節节約约劃划員员參参稅税險险條条對对應应個个並并當当於于這这體体還还進进續续調调統统顯显漲涨幣币徑径係系歷历兩两嚴严厲厉導导訊讯網网佈布權权廳厅執执檢检農农華华衛卫構构監监價价療疗醫医養养貸贷債债勞劳動动資资儲储備备讓让問问題题聯联紀纪組组織织職职頁页類类黨党團团幹干傳传積积極极舉举轄辖屬属綜综東东學学強强現现將将簽签訂订貨货採采環环廣广濟济發发電电腦脑寫写稱称處处戶户藥药擔担負负貿贸歸归雙双屆届義义書书圖图舊旧慶庆邊边盡尽齊齐僅仅廢废廠厂礎础設设擴扩興兴達达遠远適适選选遞递遺遗遷迁鐵铁銀银錢钱隊队陽阳陸陆風风飛飞館馆馬马驗验紅红紙纸練练線线綠绿緊紧績绩繳缴罰罚習习聞闻聽听臺台藝艺蘇苏蘭兰虛虚號号術术裝装複复覺觉覽览觀观訓训託托記记許许評评試试詢询詳详誤误談谈請请講讲證证識识讀读販贩責责貴贵質质贈赠軍军輛辆輸输鄭郑釋释鋼钢錄录閉闭間间閱阅隨随雜杂離离難难雲云響响頂顶順顺須须領领頻频顧顾駕驾驅驱黃黄龐庞檔档樓楼樂乐歡欢殘残氣气漢汉災灾煙烟熱热燈灯爭争狀状獨独獲获獎奖畫画畢毕異异盤盘眾众礦矿確确禮礼種种穩稳競竞筆笔築筑簡简籌筹糧粮納纳純纯終终絕绝給给絲丝綱纲編编緩缓繼继聲声裡里親亲訪访診诊詞词該该語语課课論论諮咨豐丰貢贡貧贫賬账賽赛贊赞跡迹踐践軟软載载輕轻輔辅輪轮辭辞連连週周遊游違违郵邮鑑鉴陳陈階阶雖虽頒颁頭头願愿麗丽測测潔洁灣湾礙碍隻只嘆叹爲为協协則则'.match(
      /../g,
    ) ?? []
  ).map((p) => [p[0], p[1]]),
);

function foldTraditional(s: string): string {
  // (A gloss a line wrap cut, "費(f" then "èi)", is one gloss still.)
  return s
    .replace(/[(（](?=[^)）]*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\r\n]{1,10}[)）]/g, '')
    .replace(/[\u4e00-\u9fff]/g, (c) => TRADITIONAL[c] ?? c);
}

/** A line that is a row of a table pasted into the text: several numbers side by side and no sentence. */
function isTableLine(line: string): boolean {
  if (/[，。；！？]/.test(line)) return false;
  const cells = line
    .trim()
    .split(/\t+|\s{2,}/)
    .filter(Boolean);
  const numbers = cells.filter((c) => /^-?[\d,]+(\.\d+)?%?$/.test(c.trim())).length;
  // A tab-separated header row of a pasted table ("科目编码\t科目名称\t合计") is the table's too.
  return (cells.length >= 3 && numbers >= 2) || (/\t/.test(line) && (numbers >= 1 || cells.length >= 3));
}

const HEADING = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+部分)/;

/** Whether a line break ends a paragraph (else it is a PDF wrap and the lines are joined). */
function endsParagraph(prev: string, next: string, wrapped = false): boolean {
  const p = prev.trim();
  const n = next.trim();
  if (!p || !n) return true;
  // A number cut by the wrap ("5." then "28万元", "501" then ".20万元", "12" then "万元").
  if ((/[\d.．]$/.test(p) && /^([\d.．%％]|万元|元|亿元)/.test(n)) || /^(元|万元|亿元)[,，;；。、]/.test(n)) return false;
  // No paragraph ends inside brackets ("…下降7.9%(其中:老边区本级…;" then "辽河经济开发区…)").
  // (A bracket opened near the end: one never closed does not swallow the text after it.)
  const open = (p.match(/[(（[［]/g) ?? []).length - (p.match(/[)）\]］]/g) ?? []).length;
  if (open > 0 && !HEADING.test(n) && (p.slice(-300).match(/[(（[［]/g) ?? []).length >= open) return false;
  // (A line as long as the page's that ends in ； was cut there by the wrap, the list going on: "…其中,增值税12106万元,同比
  // 下降16.34%;" then "企业所得税3177万元,…".)
  if (/[；;]$/.test(p) && wrapped && !HEADING.test(n)) return false;
  // (Nor does one before a sentence that only compares, whose subject is the sentence before: "…继续使用的资金。" then
  // "较2023年度决算数减少109.93万元,下降98.43%".)
  if (/。$/.test(p) && /^(较|比)(上年|去年|上一年|\d{4}\s*年)/.test(n)) return false;
  if (/[。；;！？!?]$/.test(p)) return true;
  if (HEADING.test(n) && !/[，,、（(]$/.test(p)) return true;
  // A short heading line of its own ("三、机关运行经费安排情况").
  // (A numbered line that ends in a comma or holds a figure is a PDF wrap, with full- or half-width punctuation.)
  if (HEADING.test(p) && p.length <= 30 && !/[，。；,;]/.test(p) && !/\d(\.\d+)?\s*(万|亿|元|%)/.test(p)) return true;
  return false;
}

/** Removes white space except between two Latin letters or digits that stand for separate numbers. */
function squeeze(s: string): string {
  return s
    .replace(/(\d)\s*[.．]\s*(\d)/g, '$1.$2')
    .replace(/([^\sA-Za-z])\s+(?=[^\sA-Za-z])/g, (m, a) => a)
    .replace(/([A-Za-z])\s+(?=[^\sA-Za-z])/g, '$1')
    .replace(/([^\sA-Za-z])\s+(?=[A-Za-z])/g, '$1');
}

/** Thousands separators inside numbers (4,436.20; 44，362，000) dropped. */
function dropThousands(s: string): string {
  return s.replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
}

/**
 * A line with a space between every character, digits included ("2 7 5.7 2 4 8万元"): its spaces carry nothing,
 * not even between two numbers.
 */
function spacedOut(line: string): boolean {
  const tokens = line.trim().split(/[ \u00a0]+/);
  return tokens.length >= 8 && tokens.filter((t) => t.length === 1).length / tokens.length > 0.8;
}

/** The lines of a pasted text, widths and traditional characters folded. */
export function foldedLines(text: string): string[] {
  return foldTraditional(foldWidth(text)).split('\n');
}

/** A pasted text read once: its folded lines, the 三公 tables pasted into it, and its paragraphs of prose. */
export interface PastedText {
  lines: string[];
  tables: TextTable[];
  /** Its tables by year (a yearbook's), apart from the 三公 tables. */
  series: YearSeries[];
  paragraphs: string[];
}

export function readPasted(text: string): PastedText {
  const lines = foldedLines(text);
  const tables = readTextTables(lines);
  const series = readYearSeries(lines).filter((y) => !tables.some((t) => t.first <= y.last && y.first <= t.last));
  return { lines, tables, series, paragraphs: paragraphsOf(lines, [...tables, ...series]) };
}

/** Paragraphs of a pasted text, each one line, ready to be split into sentences. */
export function pastedParagraphs(text: string): string[] {
  return readPasted(text).paragraphs;
}

function paragraphsOf(folded: string[], tables: { first: number; last: number }[]): string[] {
  // The 三公 tables pasted in are read apart (text-tables.ts), not as sentences.
  const inTable = new Set(tables.flatMap((t) => Array.from({ length: t.last - t.first + 1 }, (_, k) => t.first + k)));
  const lines = folded.filter((l, i) => !inTable.has(i) && !isTableLine(l)).map((l) => (spacedOut(l) ? l.replace(/[ \u00a0]+/g, '') : l));
  // The page's line width, where lines were wrapped at one (most of the long lines within a character of the longest).
  const long = lines.map((l) => l.trim().length).filter((n) => n >= 12);
  const widest = Math.max(0, ...long);
  const width = long.length >= 4 && long.filter((n) => n >= widest - 1).length * 2 >= long.length ? widest - 1 : Infinity;
  const paras: string[] = [];
  let cur = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) {
      // (A line of spaces inside a sentence is a run of spaces a wrap cut, "占总支出      的90.38%", not a paragraph end.)
      if (line && cur && !/[。；;！？!?:：]\s*$/.test(cur) && lines[i + 1]?.trim()) continue;
      if (cur) paras.push(cur);
      cur = '';
      continue;
    }
    if (!cur) cur = line;
    else if (endsParagraph(cur, line, (lines[i - 1]?.trim().length ?? 0) >= width)) {
      paras.push(cur);
      cur = line;
    } else cur += line;
  }
  if (cur) paras.push(cur);
  // Runs of two or more numbers kept apart by white space would merge once spaces go: keep one space there.
  return paras
    .map((p) =>
      dropThousands(squeeze(p.replace(/(\d)\s+(?=\d)/g, '$1\u0001')))
        .replace(/\u0001/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/** Sentences of a pasted text: split at 。；; and paragraph ends. */
export function pastedSentences(text: string | PastedText): string[] {
  return (
    (typeof text === 'string' ? pastedParagraphs(text) : text.paragraphs)
      // Each sentence keeps its closing mark (no look-behind: the pane must parse in older embedded browsers).
      .flatMap((p) => p.match(/[^。；;]+[。；;]?|[。；;]/g) ?? [])
      .map((s) => s.trim())
      .filter(Boolean)
  );
}
