/**
 * An MDX expression runs when the page is rendered. One that names something
 * never defined (`if a < b then {x}` in prose) used to fail deep inside the
 * prerender bundle with `ReferenceError: x is not defined` and no source file.
 * This finds every such name at content sync, with its line: each expression
 * is parsed with acorn (+ JSX), and periscopic's scope analysis lists the names
 * it reads without declaring. What the post's own import/export lines declare,
 * what Astro's MDX provides, and JavaScript's built-ins are in scope.
 */
import { Parser } from 'acorn';
import type { Program } from 'estree';
import jsx from 'acorn-jsx';
import globals from 'globals';
import { analyze } from 'periscopic';

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

export interface MdxCode {
  /** `component`: the name of a capitalised JSX element, such as `VoteChart` or `ui.Card`. */
  kind: 'esm' | 'expression' | 'component';
  code: string;
  line: number;
}

export interface NameProblem {
  line: number;
  reason: string;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s*\(\d+:\d+\)$/, '');
}

/**
 * `components` are the names the site passes to every post (VoteChart, …), so
 * `<VoteChart />` needs no import; any other capitalised element must be imported.
 */
export function undefinedMdxNames(pieces: readonly MdxCode[], components: readonly string[] = []): NameProblem[] {
  const problems: NameProblem[] = [];
  const declared = new Set<string>();
  for (const piece of pieces.filter((p) => p.kind === 'esm')) {
    try {
      for (const name of analyze(parse(piece.code)).scope.declarations.keys()) declared.add(name);
    } catch (error) {
      problems.push({
        line: piece.line,
        reason: `import/export line does not parse: ${firstLine((error as Error).message)}`,
      });
    }
  }
  for (const piece of pieces.filter((p) => p.kind === 'expression')) {
    let program: Program;
    try {
      // A newline before the paren keeps a trailing // comment from swallowing it.
      program = parse(`(${piece.code}\n)`);
    } catch {
      // `{/* a comment */}` is empty once comments are gone; anything else is a real syntax error.
      try {
        if (parse(piece.code).body.length === 0) continue;
      } catch {
        // fall through to the problem below
      }
      problems.push({
        line: piece.line,
        reason: `the expression {${piece.code.trim()}} is not valid JavaScript; write a literal { as \\{ or use \`code\``,
      });
      continue;
    }
    for (const name of analyze(program).globals.keys()) {
      if (declared.has(name) || MDX_PROVIDED.has(name) || BUILT_INS.has(name)) continue;
      problems.push({
        line: piece.line,
        reason: `the expression {${piece.code.trim()}} uses "${name}", which this post never defines; write a literal { as \\{ or use \`code\``,
      });
    }
  }
  for (const piece of pieces.filter((p) => p.kind === 'component')) {
    const root = piece.code.split('.')[0]!;
    if (declared.has(root) || components.includes(root)) continue;
    const offered = components.length > 0 ? ` (without an import a post can use ${components.join(', ')})` : '';
    problems.push({
      line: piece.line,
      reason: `<${piece.code}> is not a component this site provides and the post does not import it${offered}`,
    });
  }
  return problems;
}
