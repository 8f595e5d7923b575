/**
 * The names of the components every post may use without an import. They and
 * their props are defined in src/lib/content/mdx-components.ts, so the posts
 * loader can check a post's JSX at content sync without loading any .astro
 * file; index.ts is typed against this list, so the two cannot drift.
 */
export { MDX_COMPONENT_NAMES, type MdxComponentName } from '../../lib/content/mdx-components';
