import type { ChildProcess } from 'node:child_process';

/**
 * Stops a server the tests started and waits until it has exited: SIGTERM, then
 * SIGKILL after `graceMs`. A dev server left running in the project root keeps
 * rewriting <root>/.astro while the next test file builds there.
 */
export async function stopProcess(child: ChildProcess | undefined, graceMs = 5_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs));
  if ((await Promise.race([exited.then(() => 'exited'), timer])) !== 'exited') {
    child.kill('SIGKILL');
    await exited;
  }
}
