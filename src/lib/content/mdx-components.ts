/**
 * The components a post may use, and the props each one takes from a post.
 * A post is untrusted, so its props are checked here at content sync, with the
 * post's line, instead of reaching the component unchecked: a misspelt prop
 * (`titel`) or an unknown value (`type="danger"`) would otherwise render a
 * plain box and drop the author's intent without a word. The components' own
 * Props types are inferred from these schemas, so the two cannot drift.
 *
 * Pure: no .astro import (src/components/mdx/names.ts lists these names for
 * the components' side).
 */
import { z } from 'astro/zod';

export const MDX_COMPONENT_PROPS = {
  Callout: z.strictObject({
    type: z.enum(['note', 'tip', 'warning']).optional(),
    title: z.string().trim().min(1).optional(),
  }),
  VoteChart: z.strictObject({
    /** The id of a file in src/content/surveys/; whether it exists is checked once every collection is loaded. */
    survey: z.string().min(1),
  }),
};

export type MdxComponentName = keyof typeof MDX_COMPONENT_PROPS;

/**
 * Props that name an entry of another collection. The schema can only check that such a prop is a
 * string; the posts loader checks the id against the collection once it has synced (references.ts).
 */
export const MDX_COMPONENT_REFERENCES: {
  [Name in MdxComponentName]?: Record<string, { collection: string; label: string }>;
} = { VoteChart: { survey: { collection: 'surveys', label: 'survey' } } };
export type MdxComponentProps<Name extends MdxComponentName> = z.infer<(typeof MDX_COMPONENT_PROPS)[Name]>;

export const MDX_COMPONENT_NAMES = Object.keys(MDX_COMPONENT_PROPS) as MdxComponentName[];

export function isMdxComponentName(name: string): name is MdxComponentName {
  return Object.hasOwn(MDX_COMPONENT_PROPS, name);
}

/** A prop written other than as a plain value (`title={frontmatter.title}`): its value is only known at render. */
export const NOT_A_PLAIN_VALUE = Symbol('not a plain value');

/**
 * What is wrong with one component's props as a post wrote them, one sentence
 * each; none when they are right. `props` holds each attribute's plain value
 * (a string, `true` for a bare attribute, or a literal written in braces).
 */
export function componentPropProblems(name: MdxComponentName, props: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const plain: Record<string, unknown> = {};
  for (const [prop, value] of Object.entries(props)) {
    if (value === NOT_A_PLAIN_VALUE)
      problems.push(`<${name}> ${prop} must be written as a plain value, such as ${prop}="…"`);
    else plain[prop] = value;
  }
  const checked = MDX_COMPONENT_PROPS[name].safeParse(plain);
  if (checked.success) return problems;
  const allowed = Object.keys(MDX_COMPONENT_PROPS[name].shape).join(', ');
  for (const issue of checked.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(`<${name}> has no prop ${key} (its props: ${allowed})`);
    } else {
      const prop = issue.path.join('.');
      problems.push(prop ? `<${name}> ${prop}: ${issue.message}` : `<${name}>: ${issue.message}`);
    }
  }
  return problems;
}
