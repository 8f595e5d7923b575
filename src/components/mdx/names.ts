/**
 * The names of the components every post may use without an import. Kept apart
 * from the components themselves so the posts loader can check a post's JSX
 * against it at content sync without loading any .astro file; index.ts is
 * typed against this list, so the two cannot drift.
 */
export const MDX_COMPONENT_NAMES = ['Callout', 'VoteChart'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
