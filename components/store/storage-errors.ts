/**
 * Storage refusals in the reader's words, shared by the writers of bookmarks, reviews and
 * settings.
 */

/** A write the browser refused; the message says so in the reader's words. */
export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
}

/** Turns a storage error into a message for the reader. */
export function describeStorageError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/quota|QUOTA_BYTES|exceeded|too large/i.test(text)) {
    return 'The browser’s storage for Gloss is full, so nothing was saved. Your bookmarks are unchanged; export and remove some to make room.';
  }
  return `The browser could not save (${text}). Your bookmarks are unchanged.`;
}
