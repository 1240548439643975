import { describe, expect, it } from 'vitest';
import { LatestRequests, nextLink } from '../src/requests.js';

/** A fetch that answers only when told to, and rejects as a browser does when its signal is aborted. */
function controllableFetch() {
  const calls: { url: string; signal: AbortSignal; answer: (status: number, body?: unknown) => void }[] = [];
  const fetcher = ((url: string, init?: RequestInit) => new Promise<Response>((resolve, reject) => {
    const signal = init?.signal as AbortSignal;
    signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
    calls.push({ url, signal, answer: (status, body) => resolve(new Response(JSON.stringify(body ?? null), { status })) });
  })) as typeof fetch;
  return { fetcher, calls };
}

describe('the map\'s requests', () => {
  it('abort the running request of a kind when a new one of that kind starts, and report it as aborted', async () => {
    const { fetcher, calls } = controllableFetch();
    const requests = new LatestRequests(fetcher);
    const first = requests.getJson('overlay', requests.start('overlay'), '/analysis/a');
    const second = requests.getJson('overlay', requests.start('overlay'), '/analysis/b');
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[1]?.answer(200, { type: 'FeatureCollection', features: [] });
    expect(await first).toEqual({ kind: 'aborted' });
    expect(await second).toEqual({ kind: 'json', json: { type: 'FeatureCollection', features: [] } });
  });

  it('leave requests of other kinds running', async () => {
    const { fetcher, calls } = controllableFetch();
    const requests = new LatestRequests(fetcher);
    const districts = requests.getJson('districts', requests.start('districts'), '/ogc/collections/districts/items');
    requests.start('points');
    expect(calls[0]?.signal.aborted).toBe(false);
    calls[0]?.answer(200, { features: [] });
    expect((await districts).kind).toBe('json');
  });

  it('treat a missing collection and an unreachable server as nothing, not as aborted', async () => {
    const requests = new LatestRequests((() => Promise.resolve(new Response('', { status: 404 }))) as typeof fetch);
    expect(await requests.getJson('points', requests.start('points'), '/ogc/collections/x/items')).toEqual({ kind: 'none' });
    const offline = new LatestRequests((() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch);
    expect(await offline.getJson('points', offline.start('points'), '/ogc/collections/x/items')).toEqual({ kind: 'none' });
  });

  it('count running requests and tell each end, however it ends', async () => {
    const { fetcher, calls } = controllableFetch();
    let settled = 0;
    const requests = new LatestRequests(fetcher, () => settled++);
    const signal = requests.start('points');
    const a = requests.getJson('points', signal, '/a');
    const b = requests.getJson('points', signal, '/b');
    expect(requests.pending()).toBe(2);
    calls[0]?.answer(200, {});
    await a;
    expect(requests.pending()).toBe(1);
    requests.start('points');
    await b;
    expect(requests.pending()).toBe(0);
    expect(settled).toBe(2);
  });

  it('on leaving the page abort every round and name the kinds that were interrupted', async () => {
    const { fetcher, calls } = controllableFetch();
    const requests = new LatestRequests(fetcher);
    const townships = requests.getJson('townships', requests.start('townships'), '/t');
    requests.start('points');
    expect(requests.abortAll()).toEqual(['townships']);
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(await townships).toEqual({ kind: 'aborted' });
    expect(requests.hasRound('points')).toBe(false);
    requests.start('points');
    expect(requests.hasRound('points')).toBe(true);
  });

  it('do not fetch at all with a signal already aborted', async () => {
    const { fetcher, calls } = controllableFetch();
    const requests = new LatestRequests(fetcher);
    const old = requests.start('points');
    requests.start('points');
    expect(await requests.getJson('points', old, '/late')).toEqual({ kind: 'aborted' });
    expect(calls).toHaveLength(0);
  });

  it('follow a collection\'s next link, and stop on the last page', () => {
    expect(nextLink({ links: [{ rel: 'self', href: '/a' }, { rel: 'next', href: '/a?offset=10' }] })).toBe('/a?offset=10');
    expect(nextLink({ links: [{ rel: 'self', href: '/a' }] })).toBeNull();
    expect(nextLink({ features: [] })).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});
