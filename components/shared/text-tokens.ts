/**
 * Text normalising shared by the build (alias variants), the page matcher and the popup search.
 *
 * A token is a run of letters, digits and combining marks, or one of the symbols `+` and `&`
 * (so "2+2" and "2 + 2" are both `2 + 2`). Everything else separates tokens. Newspapers join the
 * parts of a name with hyphens, dashes, non-breaking spaces or nothing at all; we treat those
 * separators as equal, which is why matching works on tokens and not on raw strings.
 */

const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

/**
 * Latin-1 Supplement (U+0080–U+00FF) code units that are letters or digits: ª ² ³ µ ¹ º ¼–¾ and
 * the accented letters, less × and ÷.
 */
function isLatin1Word(code: number): boolean {
  if (code >= 0xc0) return code !== 0xd7 && code !== 0xf7;
  return (
    code === 0xaa ||
    code === 0xb2 ||
    code === 0xb3 ||
    code === 0xb5 ||
    code === 0xb9 ||
    code === 0xba ||
    (code >= 0xbc && code <= 0xbe)
  );
}

const UNICODE_WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * True for a UTF-16 code unit that belongs inside a word token.
 *
 * The blocks news text uses most are decided without the Unicode regular expression: compiling
 * `\p{L}` and friends costs a page about 1.5 ms the first time (V8 interprets it once, then
 * compiles it again on the next call; measured 2026-11-23), and one curly quote or middle dot in
 * a page was enough to pay it. A unit test checks these ranges against the expression.
 */
export function isWordCode(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  if (code < 0x100) return isLatin1Word(code);
  // Latin Extended-A and -B, and the combining diacritical marks: all letters or marks.
  if (code < 0x250 || (code >= 0x300 && code < 0x370)) return true;
  // General Punctuation: spaces, dashes, quotes, bullets, invisible joiners; none is a letter.
  if (code >= 0x2000 && code < 0x2070) return false;
  // Surrogate halves of letters outside the BMP are rare in news text; count them as word parts.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return UNICODE_WORD.test(String.fromCharCode(code));
}

/** `+` and `&` are tokens of their own: "2+2", "R&D". */
export function isSymbolCode(code: number): boolean {
  return code === 43 || code === 38;
}

/**
 * Characters allowed between the tokens of one multi-word name: white space of every kind,
 * hyphens and dashes, and apostrophes. Anything else (a comma, a bracket, a full stop) ends the name.
 */
export function isJoinerCode(code: number): boolean {
  return (
    code === 32 || // space
    code === 45 || // hyphen-minus
    code === 39 || // apostrophe
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 0xa0 || // no-break space
    (code >= 0x2010 && code <= 0x2015) || // hyphen, non-breaking hyphen, figure dash, en, em, bar
    code === 0x2019 || // right single quotation mark, the curly apostrophe
    code === 0x2009 || // thin space
    code === 0x202f // narrow no-break space
  );
}

/**
 * Code units a page may put inside a word that a reader never sees: the soft hyphen (a line-break
 * hint, "Vladi&shy;mir"), zero-width space, non-joiner and joiner, word joiner and the byte-order
 * mark. Matching ignores them; highlight ranges still cover the page's own text exactly.
 */
export function isIgnorableCode(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

const IGNORABLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** `text` with the invisible code units taken out. */
export function stripIgnorable(text: string): string {
  return text.replace(IGNORABLE, '');
}

/**
 * `text` with the invisible code units taken out, and where each remaining code unit was:
 * `positions[k]` is the index in `text` of code unit `k` of the result.
 */
export function withoutIgnorable(text: string): { text: string; positions: Uint32Array } {
  const positions = new Uint32Array(text.length);
  let out = '';
  let n = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isIgnorableCode(text.charCodeAt(i))) {
      positions[n++] = i;
      continue;
    }
    out += text.slice(from, i);
    from = i + 1;
  }
  out += text.slice(from);
  return { text: out, positions: positions.subarray(0, n) };
}

/** True when a token starts with a capital letter ("Modi", "MKI"; not "30MKI" or "iPhone"). */
export function startsWithCapital(token: string): boolean {
  const first = token.charAt(0);
  return first !== first.toLowerCase();
}

/** One token of a text: its bounds in the original string. */
export interface TokenSpan {
  start: number;
  end: number;
}

/**
 * Splits `text` into tokens. Used at build time and in tests; the page matcher walks the text
 * itself to avoid allocating a span per word.
 */
export function tokenize(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(text.charCodeAt(j))) j++;
      spans.push({ start: i, end: j });
      i = j;
    } else {
      if (isSymbolCode(c)) spans.push({ start: i, end: i + 1 });
      i++;
    }
  }
  return spans;
}

/** The tokens of `text` as strings, in their original case. */
export function tokenStrings(text: string): string[] {
  return tokenize(text).map((s) => text.slice(s.start, s.end));
}

/**
 * A canonical key for comparing names: lower case, tokens joined by single spaces. "Sakhalin–1",
 * "sakhalin 1" and "SAKHALIN-1" share the key `sakhalin 1`.
 */
export function normalizeKey(text: string): string {
  return tokenStrings(stripIgnorable(text).normalize('NFC')).join(' ').toLowerCase();
}

/** The same key with no separators at all: "Su-30" and "Su30" share `su30`. */
export function compactKey(text: string): string {
  return tokenStrings(stripIgnorable(text).normalize('NFC')).join('').toLowerCase();
}
