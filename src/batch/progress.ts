/** A progress bar for the terminal (stderr); on a non-terminal it prints a line every 10%. */
import type { BatchProgress } from './pool';

export function progressReporter(write: (s: string) => void, isTTY: boolean): (p: BatchProgress) => void {
  let lastDecile = -1;
  return (p) => {
    const frac = p.done / p.total;
    const rate = p.done / Math.max(p.elapsedMs / 1000, 0.001);
    const left = rate > 0 ? (p.total - p.done) / rate : 0;
    const width = 30;
    const filled = Math.round(frac * width);
    const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${p.done}/${p.total} ${(frac * 100).toFixed(0)}%  ${rate.toFixed(1)} 个/秒  剩余约 ${Math.ceil(left)} 秒`;
    if (isTTY) {
      write(`\r${line}${p.done === p.total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(frac * 10);
    if (decile !== lastDecile || p.done === p.total) {
      lastDecile = decile;
      write(`${line}\n`);
    }
  };
}
