import { expect, test } from 'vitest';
import { fetchFactBase, type FetchLike } from '../../../components/shared/fact-base-file';

const answer =
  (status: number, body: unknown): FetchLike =>
  async () => ({ ok: status === 200, status, json: async () => body });

test('the packaged fact base is read and returned', async () => {
  const base = { terms: [{ id: 'instc' }], sources: [] };
  expect(await fetchFactBase('/fact-base.json', answer(200, base))).toEqual(base);
});

test('a missing or damaged file is a clear error, not an empty fact base', async () => {
  await expect(fetchFactBase('/fact-base.json', answer(404, null))).rejects.toThrow('(404)');
  await expect(fetchFactBase('/fact-base.json', answer(200, { terms: 'x' }))).rejects.toThrow(
    /damaged/,
  );
  await expect(fetchFactBase('/fact-base.json', answer(200, null))).rejects.toThrow(/damaged/);
});
