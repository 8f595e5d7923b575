import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { inheritedEnv } from './build-site';

/**
 * Runs the index step of `npm run build` (writeSearchIndex in scripts/build.mjs) over the built
 * site in `site`, in a process of its own, as the build runs it: the exit status is what fails
 * `npm run build`.
 */
export function runIndexStep(site: string, options: object = {}, env: NodeJS.ProcessEnv = inheritedEnv()) {
  const script = `import(${JSON.stringify(resolve('scripts/build.mjs'))}).then(async (m) => {
    const failure = await m.writeSearchIndex(${JSON.stringify(site)}, ${JSON.stringify(options)});
    if (failure) { console.error(failure); process.exit(1); }
  })`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 30_000 });
}
