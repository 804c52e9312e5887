/** What the benchmarks ran on, as Markdown: printed at the top of every benchmark's output. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

function nproc(): string {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return String(os.availableParallelism());
  }
}

export function machineLines(database?: string): string[] {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  return [
    `- CPU: ${nproc()} × ${cpuModel()}`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}, ${os.type()} ${os.release()}`,
    ...(database ? [`- database: ${database}`] : []),
    `- load average (1/5/15 min) at start: ${load}`,
  ];
}

/** The 1-minute load average now, to say how busy the machine was during a measurement. */
export function loadNow(): string {
  return os.loadavg()[0]!.toFixed(2);
}
