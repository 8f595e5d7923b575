/**
 * A whole process tree, sampled from /proc (Linux): its peak RSS and the CPU
 * each kind of process used. `npm run build` is npm → node (the build script)
 * → node (astro) plus the social-card process, worker threads and Pagefind;
 * the sum of RSS over all live descendants at each sample is what the machine
 * has to hold, and the CPU per process shows which of them a 2-core machine
 * is short of (docs/benchmarks.md).
 */
import { readFileSync, readdirSync } from 'node:fs';

const PAGE = 4096;
/** Linux reports CPU time in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const MS_PER_TICK = 10;

export interface ProcInfo {
  /** One letter: R running, S sleeping, D in uninterruptible I/O, Z zombie, ... */
  state: string;
  ppid: number;
  /** Process group. */
  pgrp: number;
  rss: number;
  /** User + system CPU of the process itself (all its threads), in ms. */
  cpuMs: number;
}

/** One line of /proc/<pid>/stat, read. */
export function parseStat(stat: string): ProcInfo {
  // comm may contain spaces and parens: fields resume after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    state: fields[0]!,
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK,
    rss: Number(fields[21]) * PAGE,
  };
}

/** Every live process, from /proc/<pid>/stat. */
function processTable(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      procs.set(Number(name), parseStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // the process exited between readdir and read
    }
  }
  return procs;
}

/** `root` and its live descendants, with what /proc says of each. */
function treeOf(root: number, procs = processTable()): Map<number, ProcInfo> {
  const children = new Map<number, number[]>();
  for (const [pid, info] of procs) {
    const list = children.get(info.ppid);
    if (list) list.push(pid);
    else children.set(info.ppid, [pid]);
  }
  const tree = new Map<number, ProcInfo>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const info = procs.get(pid);
    if (info) tree.set(pid, info);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The kinds of process a build runs, in the order reports list them. */
export const PROCESS_ROLES = ['astro', 'social cards', 'pagefind', 'other'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** A process's kind, from its command line (NUL-separated, as /proc/<pid>/cmdline holds it). */
export function roleOf(cmdline: string): ProcessRole {
  const args = cmdline.split('\0');
  if (args.some((arg) => /(^|\/)pagefind(_extended)?$/.test(arg))) return 'pagefind';
  if (args.some((arg) => arg.endsWith('/card-worker.mjs'))) return 'social cards';
  if (args.some((arg) => arg.endsWith('/astro/bin/astro.mjs') || arg.endsWith('/.bin/astro'))) return 'astro';
  return 'other';
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return ''; // exited meanwhile
  }
}

export interface TreeSample {
  peakBytes: number;
  samples: number;
  /**
   * CPU ms per kind of process: each process's last sample, so up to one
   * interval of a process's last moments is missing.
   */
  cpuMsByRole: Record<ProcessRole, number>;
}

export interface TreeSampler {
  stop(): TreeSample;
}

export function sampleTree(root: number, intervalMs = 100): TreeSampler {
  let peak = 0;
  let samples = 0;
  const seen = new Map<number, { role: ProcessRole; cpuMs: number }>();
  const tick = () => {
    samples++;
    let rss = 0;
    for (const [pid, info] of treeOf(root)) {
      rss += info.rss;
      let known = seen.get(pid);
      if (!known) {
        known = { role: 'other', cpuMs: 0 };
        seen.set(pid, known);
      }
      // Read again while it looks like the rest: a child caught between fork and exec still shows its parent's command line.
      if (known.role === 'other') known.role = roleOf(commandLine(pid));
      known.cpuMs = Math.max(known.cpuMs, info.cpuMs);
    }
    peak = Math.max(peak, rss);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const cpuMsByRole: Record<ProcessRole, number> = { astro: 0, 'social cards': 0, pagefind: 0, other: 0 };
      for (const { role, cpuMs } of seen.values()) cpuMsByRole[role] += cpuMs;
      return { peakBytes: peak, samples, cpuMsByRole };
    },
  };
}
