/**
 * Registers the offline worker. Loaded at the reader's first interaction
 * (ServiceWorkerRegistration.astro); register() again with the same script is a no-op.
 */
import { SW_FILE } from '../../lib/offline/worker-file';

if ('serviceWorker' in navigator) {
  // BASE_URL is SITE.base, which always ends in a slash (src/env.ts).
  const scope = import.meta.env.BASE_URL;
  navigator.serviceWorker.register(scope + SW_FILE, { scope }).catch(() => {});
}
