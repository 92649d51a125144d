/**
 * Every message Gloss sends between its parts, in one typed map. The background is the only
 * writer of stored data, so several tabs and the popup saving at once never lose a write.
 */
import type { PackTerm, Source } from '../../data/schema';
import type { PackPreview, PackSummary } from '../store/pack-writer';
import type { OwnTerm, OwnTermAdded } from '../store/own-pack';
import type { Bookmark, ImportOutcome, PageRef } from '../store/bookmark-store';
import type { ReviewGrade } from '../store/review-store';
import type { Settings } from '../store/settings';
import type { SettingsUpdate } from '../store/settings-update';

/** A term with the sources its facts cite, as the card and the popup's term page need it. */
export interface TermDetail {
  term: PackTerm;
  /** The title of the imported pack the term comes from; null for the pack built into Gloss. */
  pack: string | null;
  sources: Record<string, Source>;
  /** The related terms with their display names, so a card can link them without the fact base. */
  related: { id: string; name: string }[];
  /** Terms of other packs that are on and claim one of this term's aliases, with their pack. */
  also?: { id: string; name: string; pack: string }[];
}

/** One term the selection look-up found, best first (the popup's ranking). */
export interface LookupMatch {
  /** The term's id as `term:get` takes it (qualified for a pack's term). */
  id: string;
  name: string;
  expansion: string;
  /** The title of the pack it comes from; null for the pack built into Gloss. */
  pack: string | null;
}

/** What the look-up of a selected text found. */
export interface LookupAnswer {
  /** The text as searched (trimmed, shortened). */
  query: string;
  matches: LookupMatch[];
}

/** What the reader asked for from the context menu, for the selection card. */
export type SelectionAction = 'lookup' | 'add';

/** How many times each term is marked in a page, in order of first appearance. */
export interface PageTerms {
  host: string;
  enabled: boolean;
  terms: { id: string; count: number }[];
}

/** Request and response of each message type. */
export interface ProtocolMap {
  /** Content script → background: one term with its sources, for the hover card. */
  'term:get': { request: { id: string }; response: TermDetail | null };
  /** Any page → background: add or remove the bookmark of one fact; returns the new state. */
  'bookmark:toggle': {
    request: { termId: string; factId: string; page: PageRef | null };
    response: { saved: boolean };
  };
  /** Any page → background: the keys (`termId/factId`) of every bookmarked fact. */
  'bookmark:keys': { request: Record<string, never>; response: string[] };
  /** Popup → content script: the terms marked in this tab. */
  'page:terms': { request: Record<string, never>; response: PageTerms };
  /** Content script → background: open the popup's full page of a term in a new tab. */
  'term:open': { request: { id: string }; response: void };
  /** Background → content script: the keyboard command; move to the next marked term. */
  'page:next-term': { request: Record<string, never>; response: boolean };
  /** Popup → background: save (or clear, with '') the reader's note on a bookmark; null if not saved. */
  'bookmark:note': {
    request: { termId: string; factId: string; note: string };
    response: Bookmark | null;
  };
  /** Popup → background: remove one bookmark; returns it (for undo) or null if it was not saved. */
  'bookmark:remove': { request: { termId: string; factId: string }; response: Bookmark | null };
  /** Popup → background: put back a removed bookmark as it was (undo); false if already saved. */
  'bookmark:restore': { request: { bookmark: Bookmark }; response: { restored: boolean } };
  /** Popup → background: grade a saved fact in review (FSRS); its next due date, null if not saved. */
  'bookmark:grade': {
    request: { termId: string; factId: string; grade: ReviewGrade };
    response: { due: string } | null;
  };
  /** Popup → background: merge an exported JSON file's bookmarks; all or nothing. */
  'bookmark:import': { request: { text: string }; response: ImportOutcome };
  /** Content script (top frame) → background: distinct terms marked in its tab, for the badge. */
  'page:badge': { request: { count: number }; response: void };
  /** Popup → background: change settings (whole record written once); returns the new settings. */
  'settings:update': { request: SettingsUpdate; response: Settings };
  /** Popup → background: every pack (the built-in one first) and whether it is on. */
  'pack:list': { request: Record<string, never>; response: PackSummary[] };
  /** Popup → background: check a pack file and say what importing it would change; writes nothing. */
  'pack:preview': { request: { text: string }; response: PackPreview };
  /** Popup → background: import (or replace with a newer version) a pack file; all or nothing. */
  'pack:import': { request: { text: string }; response: PackPreview };
  /** Popup → background: switch a pack on or off; returns every pack. */
  'pack:set-enabled': { request: { id: string; enabled: boolean }; response: PackSummary[] };
  /** Popup → background: remove an imported pack; returns every pack. */
  'pack:remove': { request: { id: string }; response: PackSummary[] };
  /** Popup → background: an imported pack as a file's text, to share; null if there is none. */
  'pack:export': { request: { id: string }; response: string | null };
  /** Content script → background: the best matches for a selected text (the popup's search). */
  'selection:lookup': { request: { text: string }; response: LookupAnswer };
  /**
   * Background → content script (the frame of the selection): open the selection card for
   * `text`, from the context menu; false when the page cannot show it (Gloss off there).
   */
  'page:selection': { request: { text: string; action: SelectionAction }; response: boolean };
  /** Content script → background: add a selected text to the reader's own terms. */
  'own:add': {
    request: { text: string; note: string; page: PageRef | null };
    response: OwnTermAdded;
  };
  /** Options page → background: the reader's own terms. */
  'own:list': { request: Record<string, never>; response: OwnTerm[] };
  /** Options page → background: change one own term's note and aliases; returns every own term. */
  'own:edit': { request: { id: string; note: string; aliases: string[] }; response: OwnTerm[] };
  /** Options page → background: delete one own term; returns every own term. */
  'own:remove': { request: { id: string }; response: OwnTerm[] };
}

export type MessageType = keyof ProtocolMap;

/** The envelope on the wire. */
export interface Message<T extends MessageType = MessageType> {
  type: T;
  payload: ProtocolMap[T]['request'];
}

/** Narrows an unknown value received from `runtime.onMessage` to a Gloss message. */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    'payload' in value
  );
}
