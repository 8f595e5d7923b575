import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Stops a dev server the tests started and waits until it has exited. A dev server
 * left running keeps rewriting <root>/.astro while the next test file builds there.
 * SIGKILL: a test server has nothing to save, so there is no graceful shutdown to wait for.
 */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
