/** The 三公 items, as explanation texts and the tables pasted into them name them. */
export type Item = 'total' | 'abroad' | 'vehicle' | 'purchase' | 'operation' | 'reception';

export function threePublicItem(label: string): Item | undefined {
  const l = label.replace(/\s/g, '');
  // "因公出国(境)费、公务用车购置及运行费和公务接待费的财政拨款预算数": the three together are the total.
  if (/三公/.test(l) || (/因公出国/.test(l) && /公务用车|公车/.test(l) && /接待/.test(l))) return 'total';
  if (/因公出国/.test(l)) return 'abroad';
  // Either order: "公务用车购置及运行维护费", "公务用车运行维护费及公务用车购置费".
  if (/购置(费)?(及|和|与)运|车辆购置及运|运行(维护)?费?(及|和|与)(公务用?车)?购置|(公务用车|公车)(及|和|与)运行/.test(l)) return 'vehicle';
  if (/公务用?车购置|公车购置|车辆购置/.test(l)) return 'purchase';
  if (/公务用?车运|车辆运行|公车运行|运行维护费|(公务用车|公车|车辆)维护费/.test(l)) return 'operation';
  if (/公务接待|接待费/.test(l)) return 'reception';
  // "安排公务用车费1,054万元", "公务用车经费执行数1021.58万元": the 车 item named without its two halves.
  if (/(公务用车|公车)(费|经费)(支出)?((年初)?(预算|决算|执行)数?)?(为|是)?$/.test(l)) return 'vehicle';
  return undefined;
}

/** The item the last clause naming one names ("公务用车运行维护费支出决算比预算无增减变化,比去年增加" → operation). */
export function itemNamedLast(context: string): Item | undefined {
  return context
    .split(/[，,]/)
    .reverse()
    .map(threePublicItem)
    .find((x) => x);
}

/** Names in Chinese, for messages. */
export const ITEM_NAMES: Record<Item, string> = {
  total: '“三公”经费合计',
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行费',
  purchase: '公务用车购置费',
  operation: '公务用车运行维护费',
  reception: '公务接待费',
};
