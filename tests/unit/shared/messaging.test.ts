/**
 * The messaging edge's error protocol: every answer is `{ ok, value | error }`, a failing handler
 * reaches the sender as a thrown MessageError, and a missing or foreign answer is never silent.
 */
import { describe, expect, test } from 'vitest';
import {
  MessageError,
  createMessageRouter,
  sendMessage,
  sendTabMessage,
  unwrapAnswer,
} from '../../../components/shared/messaging';

describe('createMessageRouter', () => {
  const router = createMessageRouter({
    'bookmark:keys': async () => ['a/b'],
    'term:open': async () => undefined,
    'bookmark:toggle': async () => {
      throw new Error('Storage is full');
    },
    'settings:update': (() => {
      throw new TypeError('sync failure');
    }) as never,
  });

  test('answers its types with the value, and a void answer with null', async () => {
    expect(await router({ type: 'bookmark:keys', payload: {} }, {})).toEqual({
      ok: true,
      value: ['a/b'],
    });
    expect(await router({ type: 'term:open', payload: { id: 'x' } }, {})).toEqual({
      ok: true,
      value: null,
    });
  });

  test('a rejecting or throwing handler answers { ok: false } and never rejects', async () => {
    const toggle = { type: 'bookmark:toggle', payload: { termId: 't', factId: 'f', page: null } };
    expect(await router(toggle, {})).toEqual({ ok: false, error: 'Storage is full' });
    expect(await router({ type: 'settings:update', payload: {} }, {})).toEqual({
      ok: false,
      error: 'sync failure',
    });
  });

  test('leaves other types and non-messages to other listeners', () => {
    expect(router({ type: 'term:get', payload: { id: 'x' } }, {})).toBeUndefined();
    expect(router('hello', {})).toBeUndefined();
    expect(router({ type: 'bookmark:keys' }, {})).toBeUndefined();
  });
});

describe('senders', () => {
  test('the value of an ok answer comes back', async () => {
    const runtime = { sendMessage: async () => ({ ok: true, value: { saved: true } }) };
    expect(
      await sendMessage(runtime, 'bookmark:toggle', { termId: 't', factId: 'f', page: null }),
    ).toEqual({ saved: true });
  });

  test("the handler's error is thrown as a MessageError naming the type", async () => {
    const runtime = { sendMessage: async () => ({ ok: false, error: 'Storage is full' }) };
    const sent = sendMessage(runtime, 'bookmark:keys', {});
    await expect(sent).rejects.toBeInstanceOf(MessageError);
    await expect(sent).rejects.toMatchObject({ type: 'bookmark:keys', message: 'Storage is full' });
  });

  test('no answer, a bare value or the polyfill reject marker are errors, not silence', () => {
    expect(() => unwrapAnswer('bookmark:keys', undefined)).toThrow(/did not answer/);
    expect(() => unwrapAnswer('bookmark:keys', { saved: true })).toThrow(MessageError);
    expect(() =>
      unwrapAnswer('bookmark:keys', { __mozWebExtensionPolyfillReject__: true, message: 'x' }),
    ).toThrow('x');
  });

  test('tab messages use the same protocol, and a missing receiver rejects', async () => {
    const tabs = {
      sendMessage: async (id: number) =>
        id === 1 ? { ok: true, value: true } : Promise.reject(new Error('no receiver')),
    };
    expect(await sendTabMessage(tabs, 1, 'page:next-term', {})).toBe(true);
    await expect(sendTabMessage(tabs, 2, 'page:next-term', {})).rejects.toThrow('no receiver');
  });

  test('a router and a sender agree end to end', async () => {
    const router = createMessageRouter({ 'bookmark:keys': async () => ['x/y'] });
    const runtime = { sendMessage: (m: unknown) => router(m, {}) ?? Promise.resolve(undefined) };
    expect(await sendMessage(runtime, 'bookmark:keys', {})).toEqual(['x/y']);
  });
});
