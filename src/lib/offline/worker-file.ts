/**
 * The worker's file, at the root of the base path so that its scope is the
 * whole site. A module of its own: the registration script imports it and
 * nothing else, so the bundler inlines it instead of sharing a chunk that would
 * cost a request before interaction.
 */
export const SW_FILE = 'sw.js';
