/**
 * Runs one command as the bench measures a build: wall time, user + system CPU of the whole process
 * tree (GNU time counts every waited-for descendant), and, sampled from /proc, peak RSS summed over
 * the tree and the CPU of each kind of process in it. The log goes to a file as it comes.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { sampleTree, type BuildStage, type ProcessRole, type StageTime } from '../../scripts/lib/proc-tree';

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  cpuMs: number | null;
  peakRssBytes: number;
  /** Sampled CPU per kind of process (Astro, the social-card process, Pagefind, the rest). */
  cpuMsByRole: Record<ProcessRole, number>;
  /** Sampled wall and CPU time while Astro, then the indexer, led the build. */
  stages: Record<BuildStage, StageTime>;
  output: string;
}

export interface MeasuredCommand {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Where GNU time writes "user sys"; replaced each run. */
  timeFile: string;
}

export async function runMeasured({
  command,
  args,
  cwd,
  env,
  logFile,
  timeFile,
}: MeasuredCommand): Promise<MeasuredRun> {
  rmSync(timeFile, { force: true });
  const useTime = existsSync('/usr/bin/time');
  const child = spawn(
    useTime ? '/usr/bin/time' : command,
    useTime ? ['-f', '%U %S', '-o', timeFile, command, ...args] : args,
    {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const started = performance.now();
  const sampler = sampleTree(child.pid!);
  const log = createWriteStream(logFile);
  let output = '';
  const onData = (d: Buffer) => {
    output += d.toString();
    log.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  const { peakBytes, cpuMsByRole, stages } = sampler.stop();
  log.end();
  let cpuMs: number | null = null;
  if (existsSync(timeFile)) {
    const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user! + sys!) * 1000;
  }
  return { code, wallMs, cpuMs, peakRssBytes: peakBytes, cpuMsByRole, stages, output };
}
