/**
 * A build failure to be read, not debugged: bad content, or a cache folder that cannot hold what the build
 * keeps there. It is Astro's public user error (`astro/errors`), so `astro build` prints the message and the
 * hint without our stack, which would only name the code that noticed. DEBUG=1 keeps the stack.
 */
import { AstroError } from 'astro/errors';
import { env } from '../../env';

export class BuildError extends AstroError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'BuildError';
    if (!env.DEBUG) this.stack = undefined as unknown as string;
  }
}
