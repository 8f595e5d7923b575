/**
 * Peak RSS of a whole process tree, sampled from /proc (Linux). `npm run build`
 * is npm → sh → node (astro) plus any workers; the sum over all live
 * descendants at each sample is what the machine has to hold.
 */
import { readFileSync, readdirSync } from 'node:fs';

const PAGE = 4096;

export interface ProcInfo {
  /** One letter: R running, S sleeping, D in uninterruptible I/O, Z zombie, ... */
  state: string;
  ppid: number;
  /** Process group. */
  pgrp: number;
  rss: number;
}

/** Every live process, from /proc/<pid>/stat. */
export function processTable(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // comm may contain spaces and parens: fields resume after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), {
        state: fields[0]!,
        ppid: Number(fields[1]),
        pgrp: Number(fields[2]),
        rss: Number(fields[21]) * PAGE,
      });
    } catch {
      // the process exited between readdir and read
    }
  }
  return procs;
}

/** Sum of RSS over `root` and all its descendants, in bytes. */
export function treeRss(root: number): number {
  const procs = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, info] of procs) {
    const list = children.get(info.ppid);
    if (list) list.push(pid);
    else children.set(info.ppid, [pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const info = procs.get(pid);
    if (info) total += info.rss;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RssSampler {
  stop(): { peakBytes: number; samples: number };
}

export function sampleTreeRss(root: number, intervalMs = 100): RssSampler {
  let peak = 0;
  let samples = 0;
  const tick = () => {
    samples++;
    peak = Math.max(peak, treeRss(root));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes: peak, samples };
    },
  };
}
