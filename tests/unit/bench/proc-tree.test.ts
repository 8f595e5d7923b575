import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { buildStageOf, parseStat, roleOf, sampleTree } from '../../../scripts/lib/proc-tree';

describe('parseStat', () => {
  it('reads a /proc/<pid>/stat line whose command name holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime … rss at field 24
    const fields = ['S', '41', '40', '40', '0', '-1', '4194560', '1', '0', '0', '0', '250', '37', '0', '0', '20', '0'];
    const tail = ['5', '0', '123', '1000', '512'];
    const info = parseStat(`4242 (Web (Content) 1) ${[...fields, ...tail].join(' ')} 0 0 0`);
    expect(info).toEqual({ state: 'S', ppid: 41, pgrp: 40, cpuMs: 2870, rss: 512 * 4096 });
  });
});

describe('roleOf', () => {
  const cmdline = (...args: string[]) => [...args, ''].join('\0');

  it('tells the processes of a build apart by their command lines', () => {
    expect(roleOf(cmdline('/p/node_modules/node/bin/node', '/p/node_modules/astro/bin/astro.mjs', 'build'))).toBe(
      'astro',
    );
    expect(roleOf(cmdline('node', '/p/node_modules/.bin/astro', 'build', '--root', 'bench/baseline-blog'))).toBe(
      'astro',
    );
    expect(
      roleOf(cmdline('node', '--import', 'data:text/javascript,…', '/p/node_modules/.cache/site/card-worker.mjs')),
    ).toBe('social cards');
    expect(roleOf(cmdline('/p/node_modules/@pagefind/linux-x64/bin/pagefind_extended', '--site', '/p/dist'))).toBe(
      'pagefind',
    );
    expect(roleOf(cmdline('node', '/p/node_modules/.bin/pagefind', '--site', '/p/dist'))).toBe('pagefind');
    expect(roleOf(cmdline('node', 'scripts/build.mjs', '--outDir', '/p/pagefind-site'))).toBe('other');
    expect(roleOf(cmdline('npm', 'run', 'build'))).toBe('other');
    expect(roleOf('')).toBe('other');
  });
});

describe('buildStageOf', () => {
  it('is the indexer while a Pagefind process lives, else Astro while its process lives, else the rest', () => {
    expect(buildStageOf(new Set(['astro', 'social cards', 'other']))).toBe('astro');
    // Astro's process can still be exiting when the build script starts the indexer.
    expect(buildStageOf(new Set(['astro', 'pagefind', 'other']))).toBe('pagefind');
    expect(buildStageOf(new Set(['pagefind']))).toBe('pagefind');
    expect(buildStageOf(new Set(['social cards', 'other']))).toBe('other');
    expect(buildStageOf(new Set())).toBe('other');
  });
});

describe('sampleTree', () => {
  it("counts a descendant's CPU under its kind and its memory in the peak", async () => {
    // A shell whose child spins for 400 ms under a command line that reads as the card process.
    const child = spawn('/bin/sh', [
      '-c',
      `"${process.execPath}" -e "const end = Date.now() + 400; while (Date.now() < end);" /tmp/card-worker.mjs`,
    ]);
    const sampler = sampleTree(child.pid!, 20);
    await once(child, 'exit');
    const { cpuMsByRole, peakBytes, samples } = sampler.stop();
    expect(samples).toBeGreaterThan(5);
    expect(cpuMsByRole['social cards']).toBeGreaterThanOrEqual(200);
    expect(cpuMsByRole['social cards']).toBeLessThan(2000);
    expect(cpuMsByRole.astro).toBe(0);
    expect(peakBytes).toBeGreaterThan(10 * 1024 ** 2);
  });

  it('splits wall and CPU time by stage: with neither Astro nor Pagefind alive, all of it is the rest', async () => {
    const started = performance.now();
    const child = spawn('/bin/sh', [
      '-c',
      `"${process.execPath}" -e "const end = Date.now() + 400; while (Date.now() < end);"`,
    ]);
    const sampler = sampleTree(child.pid!, 20);
    await once(child, 'exit');
    const { stages, cpuMsByRole } = sampler.stop();
    const elapsed = performance.now() - started;
    expect(stages.astro).toEqual({ wallMs: 0, cpuMs: 0 });
    expect(stages.pagefind).toEqual({ wallMs: 0, cpuMs: 0 });
    expect(stages.other.wallMs).toBeGreaterThan(300);
    expect(stages.other.wallMs).toBeLessThanOrEqual(elapsed);
    // The stage's CPU is the same CPU the processes were credited, summed sample by sample.
    expect(stages.other.cpuMs).toBeGreaterThanOrEqual(200);
    expect(stages.other.cpuMs).toBe(cpuMsByRole.other);
  });
});
