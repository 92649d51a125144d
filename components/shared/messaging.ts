/**
 * Typed sending and routing of the messages in `messages.ts`. The browser objects are passed in
 * (`browser.runtime`, `browser.tabs`), so this module stays pure and tests can pass fakes.
 */
import { isMessage, type Message, type MessageType, type ProtocolMap } from './messages';

type Request<T extends MessageType> = ProtocolMap[T]['request'];
type Response<T extends MessageType> = ProtocolMap[T]['response'];

/** The part of `browser.runtime` that sends. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The part of `browser.tabs` that sends to a tab's content script. */
export interface TabsLike {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** Sends `type` to the background (or any extension page listening) and returns its answer. */
export function sendMessage<T extends MessageType>(
  runtime: RuntimeLike,
  type: T,
  payload: Request<T>,
): Promise<Response<T>> {
  const message: Message<T> = { type, payload };
  return runtime.sendMessage(message) as Promise<Response<T>>;
}

/** Sends `type` to the content script of tab `tabId`; rejects if none is listening there. */
export function sendTabMessage<T extends MessageType>(
  tabs: TabsLike,
  tabId: number,
  type: T,
  payload: Request<T>,
): Promise<Response<T>> {
  const message: Message<T> = { type, payload };
  return tabs.sendMessage(tabId, message) as Promise<Response<T>>;
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

/**
 * An `onMessage` listener for webextension-polyfill: returns a Promise with the answer for the
 * types in `handlers`, and `undefined` for everything else (so another listener may answer).
 */
export function createMessageRouter(
  handlers: Handlers,
): (message: unknown, sender: SenderLike) => Promise<unknown> | undefined {
  return (message, sender) => {
    if (!isMessage(message)) return undefined;
    const handler = handlers[message.type] as
      ((payload: unknown, sender: SenderLike) => Promise<unknown>) | undefined;
    if (!handler) return undefined;
    return handler(message.payload, sender);
  };
}
