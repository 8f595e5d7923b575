/**
 * The JavaScript an MDX post may hold. MDX compiles a post to a module that
 * runs when the page is built, so an `import` line, an `export`, or an
 * expression in braces is code with the build's rights: it could read files
 * and environment variables into the page, or name an element (`<T>` after
 * `export const T = 'script'`) that no HTML check sees. Posts are untrusted,
 * so they get a declarative subset, checked here at content sync with the
 * line of each mistake:
 *
 * - no `import` or `export` lines: the site's components need no import;
 * - an expression is a comment, a literal, or `frontmatter.<field>`: nothing
 *   that calls, assigns or reaches a global. Each is parsed with acorn (+ JSX);
 *   one that reads an undefined name gets that name in its message, since that
 *   is usually prose with a stray brace (`if a < b then {x}`);
 * - a capitalised element is one of the site's components, with props that
 *   component takes (mdx-components.ts).
 */
import { Parser } from 'acorn';
import type { Expression, Program } from 'estree';
import jsx from 'acorn-jsx';
import globals from 'globals';
import { analyze } from 'periscopic';
import {
  componentPropProblems,
  isMdxComponentName,
  MDX_COMPONENT_REFERENCES,
  NOT_A_PLAIN_VALUE,
} from './mdx-components';

const parser = Parser.extend(jsx());
const parse = (code: string) =>
  parser.parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    allowAwaitOutsideFunction: true,
  }) as unknown as Program;

/** Names an MDX body can read without declaring them: Astro's MDX passes `props` and exports `frontmatter`. */
const MDX_PROVIDED = new Set(['props', 'frontmatter', 'components']);
const BUILT_INS = new Set(Object.keys(globals.builtin));

export type MdxCode =
  | { kind: 'esm' | 'expression'; code: string; line: number }
  /** A component element (`VoteChart`, `ui.Card`): its name and its props' plain values. */
  | { kind: 'component'; code: string; line: number; props: Record<string, unknown> };

export interface NameProblem {
  line: number;
  reason: string;
}

/** The expression of `(code)`, or undefined when `code` is only a comment; throws on a syntax error. */
function parseExpression(code: string): Expression | undefined {
  try {
    // A newline before the paren keeps a trailing // comment from swallowing it.
    const statement = parse(`(${code}\n)`).body[0];
    return statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  } catch (error) {
    // `{/* a comment */}` is empty once comments are gone; anything else is a real syntax error.
    if (parse(code).body.length === 0) return undefined;
    throw error;
  }
}

/** A literal, a template without `${}`, or `frontmatter.a.b` (also `frontmatter["a"]`): read, never run. */
export function isInertExpression(node: Expression): boolean {
  switch (node.type) {
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'MemberExpression': {
      if (node.optional || node.object.type === 'Super') return false;
      const key = node.computed ? node.property.type === 'Literal' : node.property.type === 'Identifier';
      if (!key) return false;
      return node.object.type === 'Identifier' ? node.object.name === 'frontmatter' : isInertExpression(node.object);
    }
    default:
      return false;
  }
}

/**
 * A prop's plain value from its source in braces (`{"tip"}`, `{3}`), or NOT_A_PLAIN_VALUE for anything
 * else (the expression check reports code; `frontmatter.title` is only known at render).
 */
export function plainValueOf(code: string): unknown {
  try {
    const expression = parseExpression(code);
    if (expression?.type === 'Literal' && !('regex' in expression)) return expression.value;
    if (expression?.type === 'TemplateLiteral' && expression.expressions.length === 0)
      return expression.quasis[0]!.value.cooked;
  } catch {
    // reported by the expression check
  }
  return NOT_A_PLAIN_VALUE;
}

/** A component's prop that names an entry of another collection: `<VoteChart survey="x">` names survey x. */
export interface ComponentReference {
  collection: string;
  /** The word for one entry in messages: `survey`. */
  label: string;
  id: string;
  line: number;
  /** How the post wrote it, for messages: `<VoteChart> survey`. */
  where: string;
}

/** Every reference the post's components make with a plain string (MDX_COMPONENT_REFERENCES). */
export function componentReferences(pieces: readonly MdxCode[]): ComponentReference[] {
  return pieces.flatMap((piece) => {
    if (piece.kind !== 'component' || !isMdxComponentName(piece.code)) return [];
    const name = piece.code;
    return Object.entries(MDX_COMPONENT_REFERENCES[name] ?? {}).flatMap(([prop, { collection, label }]) => {
      const id = piece.props[prop];
      return typeof id === 'string' ? [{ collection, label, id, line: piece.line, where: `<${name}> ${prop}` }] : [];
    });
  });
}

/**
 * `components` are the names the site passes to every post (VoteChart, …): the
 * only capitalised elements a post may use, and without an import.
 */
export function mdxCodeProblems(pieces: readonly MdxCode[], components: readonly string[] = []): NameProblem[] {
  const problems: NameProblem[] = [];
  const offered = components.length > 0 ? ` (the components ${components.join(', ')} need no import)` : '';
  // Imports first, then expressions, then elements: the order a reader fixes them in.
  const inOrder = (['esm', 'expression', 'component'] as const).flatMap((kind) =>
    pieces.filter((p) => p.kind === kind),
  );
  for (const piece of inOrder) {
    if (piece.kind === 'esm') {
      problems.push({
        line: piece.line,
        reason: `import and export lines are not allowed in a post: they run as code when the site is built${offered}`,
      });
      continue;
    }
    if (piece.kind === 'component') {
      if (!components.includes(piece.code)) {
        const available = components.length > 0 ? ` (a post can use ${components.join(', ')})` : '';
        problems.push({
          line: piece.line,
          reason: `<${piece.code}> is not a component this site provides${available}`,
        });
      } else if (isMdxComponentName(piece.code)) {
        for (const reason of componentPropProblems(piece.code, piece.props))
          problems.push({ line: piece.line, reason });
      }
      continue;
    }
    let expression: Expression | undefined;
    try {
      expression = parseExpression(piece.code);
    } catch {
      problems.push({
        line: piece.line,
        reason: `the expression {${piece.code.trim()}} is not valid JavaScript; write a literal { as \\{ or use \`code\``,
      });
      continue;
    }
    if (!expression) continue;
    const undefinedNames = [...analyze(parse(`(${piece.code}\n)`)).globals.keys()].filter(
      (name) => !MDX_PROVIDED.has(name) && !BUILT_INS.has(name),
    );
    for (const name of undefinedNames) {
      problems.push({
        line: piece.line,
        reason: `the expression {${piece.code.trim()}} uses "${name}", which this post never defines; write a literal { as \\{ or use \`code\``,
      });
    }
    if (undefinedNames.length === 0 && !isInertExpression(expression)) {
      problems.push({
        line: piece.line,
        reason: `the expression {${piece.code.trim()}} would run as code when the site is built; in braces a post may write only a comment, a literal or frontmatter.<field> (write a literal { as \\{ or use \`code\`)`,
      });
    }
  }
  return problems;
}
