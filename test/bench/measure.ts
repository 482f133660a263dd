/** Small timing helpers shared by the benches: medians and percentiles of repeated runs, GC, CPU time. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (samples: number[]) => percentile(samples, 50);

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning each run's duration in ms. */
export function sample(fn: () => unknown, runs = 200, warmup = 20): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

export const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

/** Prints a Markdown table: readable in a terminal and pasteable into a closing note. */
export function table(headers: string[], rows: (string | number)[][]): void {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  console.log([line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n'));
}

// A collected heap before each reading, without asking for `node --expose-gc` on the command line.
setFlagsFromString('--expose-gc');
export const collect = runInNewContext('gc') as () => void;

/** CPU milliseconds this process has used: the machine is shared, so wall time would measure the neighbours. */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
