/**
 * The one messaging edge: typed sending and routing of the messages in `messages.ts`, with one
 * error protocol for every part (page, card, popup, background). The browser objects come in as
 * arguments (`browser.runtime`, `browser.tabs`), so this module stays pure and tests pass fakes.
 *
 * Error protocol: a router never rejects. It answers `{ ok: true, value }` or
 * `{ ok: false, error }`, and every sender turns the second back into a thrown `MessageError`.
 * A rejected listener is not enough: webextension-polyfill answers it with a marker object that
 * resolves, and a native Chromium `sendResponse` bridge has no way to reject at all, so a failed
 * bookmark from the card used to arrive as `undefined` and fail silently (issue of 2026-12).
 */
import { isMessage, type Message, type MessageType, type ProtocolMap } from './messages';

type Request<T extends MessageType> = ProtocolMap[T]['request'];
type Response<T extends MessageType> = ProtocolMap[T]['response'];

/** What a router puts on the wire for every message it answers. */
export type Answer<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** A message that failed on the answering side, or that no part of Gloss answered. */
export class MessageError extends Error {
  constructor(
    /** The message type that failed. */
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** The part of `browser.runtime` that sends. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The part of `browser.tabs` that sends to a tab's content script. */
export interface TabsLike {
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

function isAnswer(value: unknown): value is Answer {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean' &&
    ((value as { ok: boolean }).ok ? 'value' in value : 'error' in value)
  );
}

/**
 * The value inside a router's answer, or its error thrown as a `MessageError`. Anything else on
 * the wire (nothing listening, an older Gloss answering, webextension-polyfill's reject marker) is
 * an error too, never a silent `undefined`.
 */
export function unwrapAnswer<T>(type: string, raw: unknown): T {
  if (isAnswer(raw)) {
    if (raw.ok) return raw.value as T;
    throw new MessageError(type, raw.error);
  }
  if (typeof raw === 'object' && raw !== null && '__mozWebExtensionPolyfillReject__' in raw) {
    throw new MessageError(type, String((raw as { message?: unknown }).message ?? 'failed'));
  }
  throw new MessageError(type, 'Gloss did not answer: reload the page or the extension.');
}

/** Sends `type` to the background (or any extension page listening) and returns its answer. */
export async function sendMessage<T extends MessageType>(
  runtime: RuntimeLike,
  type: T,
  payload: Request<T>,
): Promise<Response<T>> {
  const message: Message<T> = { type, payload };
  return unwrapAnswer<Response<T>>(type, await runtime.sendMessage(message));
}

/**
 * Sends `type` to the content script of tab `tabId` (only to frame `frameId` when given);
 * rejects if none is listening there.
 */
export async function sendTabMessage<T extends MessageType>(
  tabs: TabsLike,
  tabId: number,
  type: T,
  payload: Request<T>,
  frameId?: number,
): Promise<Response<T>> {
  const message: Message<T> = { type, payload };
  const raw =
    frameId === undefined
      ? await tabs.sendMessage(tabId, message)
      : await tabs.sendMessage(tabId, message, { frameId });
  return unwrapAnswer<Response<T>>(type, raw);
}

/** Who sent a message, as far as the handlers care. */
export interface SenderLike {
  tab?: { id?: number; url?: string; title?: string };
  url?: string;
}

/** One handler per message type a part answers; unlisted types are left to other listeners. */
export type Handlers = {
  [T in MessageType]?: (payload: Request<T>, sender: SenderLike) => Promise<Response<T>>;
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * An `onMessage` listener: a Promise of the `Answer` for the types in `handlers`, and
 * `undefined` for everything else (so another listener may answer). It never rejects.
 */
export function createMessageRouter(
  handlers: Handlers,
): (message: unknown, sender: SenderLike) => Promise<Answer> | undefined {
  return (message, sender) => {
    if (!isMessage(message)) return undefined;
    const handler = handlers[message.type] as
      ((payload: unknown, sender: SenderLike) => Promise<unknown>) | undefined;
    if (!handler) return undefined;
    let pending: Promise<unknown>;
    try {
      pending = handler(message.payload, sender);
    } catch (error) {
      return Promise.resolve({ ok: false, error: errorText(error) });
    }
    return pending.then(
      (value): Answer => ({ ok: true, value: value ?? null }),
      (error: unknown): Answer => ({ ok: false, error: errorText(error) }),
    );
  };
}
