/**
 * The fact base's schema. Every file under `data/` is checked against it by the unit tests and by
 * the build (`wxt.config.ts` parses the data before deriving indexes), so a malformed term fails
 * CI instead of surprising a reader.
 */
import { z } from 'zod';

/** Lower-case, digits and hyphens: stable ids that survive in bookmarks across releases. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; periods are two of those joined by `/`. */
export const datePattern = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/;

export const categories = [
  'mechanisms',
  'defence',
  'economy',
  'science-culture',
  'geopolitics',
  'people',
] as const;

/** Human labels for the categories, in display order. */
export const categoryLabels: Record<(typeof categories)[number], string> = {
  mechanisms: 'Dialogues and mechanisms',
  defence: 'Defence',
  economy: 'Connectivity and economy',
  'science-culture': 'Health, space and culture',
  geopolitics: 'Groupings and geopolitics',
  people: 'People',
};

/**
 * A rule that decides whether a matched alias really means this term, from the words around it
 * (for example "SCO" next to "Unix" is a software company, not the Shanghai Cooperation
 * Organisation). Words are compared case-insensitively, as whole words.
 */
export const contextRuleSchema = z
  .object({
    /** The alias this rule applies to, spelled exactly as in `aliases`. */
    alias: z.string().min(1),
    /** The match is dropped if any of these words is near it. */
    unlessNear: z.array(z.string().min(1)).optional(),
    /** The match is kept only if one of these words is near it. */
    onlyNear: z.array(z.string().min(1)).optional(),
    /** How many words either side count as near. */
    window: z.number().int().min(1).max(60).default(12),
  })
  .strict()
  .refine((r) => r.unlessNear || r.onlyNear, 'a context rule needs unlessNear or onlyNear');

/** One value of a fact, with where it comes from and when it held. */
export const factValueSchema = z
  .object({
    /** The value in our words, e.g. "US$8.1 billion". */
    value: z.string().min(1),
    /** Source ids (see `data/sources.json`). */
    sources: z.array(z.string().regex(idPattern)).min(1),
    /** When the value held or was reported. */
    date: z.string().regex(datePattern),
    /** Optional qualifier, e.g. "Indian statistics" or "called an investment target". */
    note: z.string().min(1).optional(),
  })
  .strict();

export const factSchema = z
  .object({
    /** Unique within the term; together with the term id it is the bookmark key. */
    id: z.string().regex(idPattern),
    /** One checkable statement in our own words. */
    text: z.string().min(10),
    /** When the statement holds (a date or a period). */
    date: z.string().regex(datePattern),
    /** Source ids the statement comes from. */
    sources: z.array(z.string().regex(idPattern)).min(1),
    /** Where sources disagree or a figure changed: every value with its source and date. */
    values: z.array(factValueSchema).min(2).optional(),
    /** Shown on the hover card (the rest only in the popup's full view). */
    key: z.boolean().optional(),
  })
  .strict();

export const termSchema = z
  .object({
    id: z.string().regex(idPattern),
    name: z.string().min(1),
    /** Spellings matched in pages, the display name included if it should match. */
    aliases: z.array(z.string().min(1)).min(1),
    /** Acronyms and short forms that are ordinary words in lower case match only as written. */
    caseSensitive: z.boolean(),
    /**
     * Otherwise an alias is read as a name: its capitalised words match capitalised or in
     * capitals only ("Modi", "MODI", never "modi"). `anyCase` is for terms that are not names
     * and may be written in lower case even where an alias is capitalised.
     */
    anyCase: z.boolean().optional(),
    contextRules: z.array(contextRuleSchema).optional(),
    expansion: z.string().min(1),
    category: z.enum(categories),
    summary: z.string().min(40),
    facts: z.array(factSchema).min(1),
    related: z.array(z.string().regex(idPattern)),
  })
  .strict()
  .refine(
    (t) => !(t.caseSensitive && t.anyCase),
    'a term cannot be both caseSensitive and anyCase',
  );

export const sourceSchema = z
  .object({
    id: z.string().regex(idPattern),
    /** A short label for cards, e.g. "News18". */
    short: z.string().min(1).max(32),
    title: z.string().min(1),
    publisher: z.string().min(1),
    author: z.string().nullable(),
    published: z.string().regex(datePattern),
    kind: z.string().min(1),
  })
  .strict();

/** A file under `data/terms/`: the terms of one category, sorted by id. */
export const termFileSchema = z.array(termSchema);
export const sourceFileSchema = z.array(sourceSchema);

export type Category = (typeof categories)[number];
export type ContextRule = z.infer<typeof contextRuleSchema>;
export type FactValue = z.infer<typeof factValueSchema>;
export type Fact = z.infer<typeof factSchema>;
export type Term = z.infer<typeof termSchema>;
/**
 * A term as any fact pack carries it (data/pack.schema.json): the bundled pack's own terms are
 * stricter (a category from the list above, a longer summary), so every `Term` is a `PackTerm`.
 */
export type PackTerm = Omit<Term, 'category' | 'related'> & {
  category?: string;
  related: string[];
};
export type Source = z.infer<typeof sourceSchema>;
