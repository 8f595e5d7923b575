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
  /** Wall and CPU time of the tree while each stage led it (buildStageOf): where the cores sat idle. */
  stages: Record<BuildStage, StageTime>;
}

/**
 * The stage a build is in, from the kinds of process alive: the indexer runs after Astro has exited,
 * so while a Pagefind process lives the build is indexing; before that, while Astro's process lives,
 * it is Astro's build (the social-card process works beside it); the rest is npm and the build script.
 */
export const BUILD_STAGES = ['astro', 'pagefind', 'other'] as const;
export type BuildStage = (typeof BUILD_STAGES)[number];

export interface StageTime {
  wallMs: number;
  cpuMs: number;
}

export function buildStageOf(liveRoles: ReadonlySet<ProcessRole>): BuildStage {
  if (liveRoles.has('pagefind')) return 'pagefind';
  if (liveRoles.has('astro')) return 'astro';
  return 'other';
}

export interface TreeSampler {
  stop(): TreeSample;
}

export function sampleTree(root: number, intervalMs = 100): TreeSampler {
  let peak = 0;
  let samples = 0;
  const seen = new Map<number, { role: ProcessRole; cpuMs: number }>();
  const stages: Record<BuildStage, StageTime> = {
    astro: { wallMs: 0, cpuMs: 0 },
    pagefind: { wallMs: 0, cpuMs: 0 },
    other: { wallMs: 0, cpuMs: 0 },
  };
  let lastTick = performance.now();
  const tick = () => {
    samples++;
    const now = performance.now();
    let rss = 0;
    // CPU the tree used since the last sample, counted per process (a process first seen counts all of its CPU).
    let cpuSinceLast = 0;
    const liveRoles = new Set<ProcessRole>();
    for (const [pid, info] of treeOf(root)) {
      rss += info.rss;
      let known = seen.get(pid);
      if (!known) {
        known = { role: 'other', cpuMs: 0 };
        seen.set(pid, known);
      }
      // Read again while it looks like the rest: a child caught between fork and exec still shows its parent's command line.
      if (known.role === 'other') known.role = roleOf(commandLine(pid));
      cpuSinceLast += Math.max(0, info.cpuMs - known.cpuMs);
      known.cpuMs = Math.max(known.cpuMs, info.cpuMs);
      liveRoles.add(known.role);
    }
    peak = Math.max(peak, rss);
    const stage = stages[buildStageOf(liveRoles)];
    stage.wallMs += now - lastTick;
    stage.cpuMs += cpuSinceLast;
    lastTick = now;
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const cpuMsByRole: Record<ProcessRole, number> = { astro: 0, 'social cards': 0, pagefind: 0, other: 0 };
      for (const { role, cpuMs } of seen.values()) cpuMsByRole[role] += cpuMs;
      return { peakBytes: peak, samples, cpuMsByRole, stages };
    },
  };
}
