/**
 * Reads a fact pack file (format `gloss-pack/1`, see docs/packs.md and data/pack.schema.json):
 * the JSON syntax, then the shipped JSON Schema, then what a schema cannot say (ids unique,
 * cited sources present). Every problem names its line and column, so a pack's author can fix
 * the file in any editor; a pack with any problem is refused whole.
 */
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import schema from '../../data/pack.schema.json';
import { aliasVariants } from '../shared/matcher-index';

import { MAX_PACK_BYTES, type Pack, type PackProblem } from './pack-store';

export { MAX_PACK_BYTES };
/** At most this many problems are reported: the first few are what an author fixes first. */
const MAX_PROBLEMS = 12;

export { describeProblems, type Pack, type PackProblem } from './pack-store';

export type PackParse = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

let validator: Validator | null = null;

/** Line and column (1-based) of `offset` in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** `#/terms/3/aliases` as the path segments jsonc-parser takes. */
function segments(location: string): (string | number)[] {
  return location
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** A readable name for a place in the pack: `term "s-400" (terms[3]), aliases[0]`. */
function label(path: (string | number)[], value: unknown): string {
  const parts: string[] = [];
  let here: unknown = value;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k] as string | number;
    here = (here as Record<string | number, unknown> | undefined)?.[seg];
    if (typeof seg === 'number') {
      const id = (here as { id?: unknown } | undefined)?.id;
      const name = String(path[k - 1] ?? '').replace(/s$/, '');
      parts[parts.length - 1] =
        typeof id === 'string' && id ? `${name} "${id}"` : `${parts[parts.length - 1]}[${seg}]`;
    } else parts.push(seg);
  }
  return parts.length === 0 ? 'the pack' : parts.join(', ');
}

/** The message for one schema error, or null for the wrappers around the real ones. */
function schemaMessage(unit: OutputUnit): string | null {
  const last = unit.instanceLocation.split('/').pop() ?? '';
  switch (unit.keyword) {
    case 'properties':
    case 'items':
    case '$ref':
    case 'false':
    case 'anyOf':
      return unit.keyword === 'anyOf' ? 'needs "unlessNear" or "onlyNear"' : null;
    case 'additionalProperties':
      return unit.error.replace(/^Property "(.*)" does not match.*$/, 'unknown field "$1"');
    case 'required':
      return unit.error.replace(
        /^Instance does not have required property "(.*)"\.$/,
        'needs "$1"',
      );
    case 'pattern':
      if (last === 'version') return 'must be a version such as 1.2.0';
      if (last === 'language') return 'must be a language code such as "en"';
      if (/date|published/.test(last)) return 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD';
      return 'must be an id: lower-case letters and digits joined by single hyphens';
    case 'const':
      return 'must be "gloss-pack/1"';
    default:
      return unit.error.replace(
        /^Instance type "(.*)" is invalid\. Expected "(.*)"\.$/,
        'is $1, not $2',
      );
  }
}

/** Checks a pack's meaning: ids unique, cited sources listed, rules on real aliases. */
function meaningProblems(pack: Pack): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const sourceIds = new Set<string>();
  pack.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) out.push({ path: ['sources', i, 'id'], message: `repeats "${s.id}"` });
    sourceIds.add(s.id);
  });
  const termIds = new Set(pack.terms.map((t) => t.id));
  const seen = new Set<string>();
  pack.terms.forEach((term, i) => {
    if (seen.has(term.id)) out.push({ path: ['terms', i, 'id'], message: `repeats "${term.id}"` });
    seen.add(term.id);
    if (term.caseSensitive && term.anyCase)
      out.push({ path: ['terms', i, 'anyCase'], message: 'cannot be used with caseSensitive' });
    term.aliases.forEach((alias, a) => {
      if (aliasVariants(alias).length === 0)
        out.push({ path: ['terms', i, 'aliases', a], message: 'has no letters or digits' });
    });
    (term.contextRules ?? []).forEach((rule, r) => {
      if (!term.aliases.includes(rule.alias))
        out.push({
          path: ['terms', i, 'contextRules', r, 'alias'],
          message: 'is not an alias of the term',
        });
    });
    const factIds = new Set<string>();
    term.facts.forEach((fact, f) => {
      if (factIds.has(fact.id))
        out.push({ path: ['terms', i, 'facts', f, 'id'], message: `repeats "${fact.id}"` });
      factIds.add(fact.id);
      const cites: [string[], (string | number)[]][] = [
        [fact.sources, ['terms', i, 'facts', f, 'sources']],
        ...(fact.values ?? []).map((v, k): [string[], (string | number)[]] => [
          v.sources,
          ['terms', i, 'facts', f, 'values', k, 'sources'],
        ]),
      ];
      for (const [ids, path] of cites) {
        ids.forEach((id, k) => {
          if (!sourceIds.has(id))
            out.push({ path: [...path, k], message: `cites "${id}", which is not in "sources"` });
        });
      }
    });
    (term.related ?? []).forEach((id, k) => {
      if (!termIds.has(id))
        out.push({
          path: ['terms', i, 'related', k],
          message: `names "${id}", which is not a term of the pack`,
        });
    });
  });
  return out;
}

/** What a JSON syntax error means, in words an author knows. */
const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'a character that JSON does not allow here',
  InvalidNumberFormat: 'a number written in a way JSON does not allow',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected after the property name',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'the file should end here',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'comments are not allowed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'a \\u escape is not valid',
  InvalidEscapeCharacter: 'a \\ escape is not valid',
  InvalidCharacter: 'a control character inside a string',
};
const syntaxMessage = (e: ParseError) => {
  const code = printParseErrorCode(e.error);
  return `Not valid JSON: ${SYNTAX[code] ?? code}.`;
};

/** Reads a pack file's text: the pack, or every problem (up to a dozen) with its line. */
export function parsePackText(text: string): PackParse {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: 1,
          message: `The file is ${mb(bytes)} MB; a pack may be at most ${mb(MAX_PACK_BYTES)} MB.`,
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (!tree) {
    return { ok: false, problems: [{ line: 1, column: 1, message: 'The file is empty.' }] };
  }
  const first = errors[0];
  if (first) {
    // Only the first: the parser's later errors are mostly echoes of it.
    return {
      ok: false,
      problems: [{ ...position(text, first.offset), message: syntaxMessage(first) }],
    };
  }
  const value: unknown = getNodeValue(tree);
  const at = (path: (string | number)[]) => {
    // The deepest node that exists (a missing field is reported at its object).
    for (let k = path.length; k >= 0; k--) {
      const node: Node | undefined = findNodeAtLocation(tree, path.slice(0, k));
      if (node) return position(text, node.offset);
    }
    return { line: 1, column: 1 };
  };
  validator ??= new Validator(schema as object, '2020-12', false);
  const result = validator.validate(value);
  const problems: PackProblem[] = [];
  if (!result.valid) {
    for (const unit of result.errors) {
      const message = schemaMessage(unit);
      if (!message) continue;
      const path = segments(unit.instanceLocation);
      problems.push({ ...at(path), message: `${label(path, value)} ${message}.` });
      if (problems.length >= MAX_PROBLEMS) break;
    }
    return { ok: false, problems };
  }
  const pack = value as Pack;
  for (const p of meaningProblems(pack).slice(0, MAX_PROBLEMS)) {
    problems.push({ ...at(p.path), message: `${label(p.path, value)} ${p.message}.` });
  }
  if (problems.length > 0) return { ok: false, problems };
  for (const term of pack.terms) term.related ??= [];
  return { ok: true, pack };
}
