// The map's own requests (district outlines, point layers, townships, an analysis overlay), one
// AbortController per kind: when a new round of a kind starts (a filter changed, another overlay chosen),
// the round before it is aborted rather than left to finish and be thrown away. An aborted request is not
// an error: it reports `aborted`, and its caller simply stops.

export type JsonResult =
  | { kind: 'json'; json: unknown }
  /** The server has nothing (a collection it does not serve answers 404), or could not be reached. */
  | { kind: 'none' }
  /** Superseded by a newer request of its kind, or the element was taken out of the page. */
  | { kind: 'aborted' };

export type RequestKind = 'districts' | 'points' | 'townships' | 'overlay';

export class LatestRequests {
  private readonly current = new Map<RequestKind, AbortController>();
  private readonly running = new Map<RequestKind, number>();

  /**
   * @param fetcher how to fetch (the browser's fetch; a stand-in in tests)
   * @param settled called after every request ends, however it ends (the map re-checks whether it is drawn)
   */
  constructor(private readonly fetcher: typeof fetch, private readonly settled: () => void = () => {}) {}

  /** Starts a new round of a kind, aborting the one before it: its signal goes with every request of the round. */
  start(kind: RequestKind): AbortSignal {
    this.current.get(kind)?.abort();
    const controller = new AbortController();
    this.current.set(kind, controller);
    return controller.signal;
  }

  /**
   * GETs JSON as part of a round. `revalidate` asks the server again rather than trusting the browser's cache
   * (after a data change). Never throws.
   */
  async getJson(kind: RequestKind, signal: AbortSignal, url: string, revalidate = false): Promise<JsonResult> {
    if (signal.aborted) {
      return { kind: 'aborted' };
    }
    this.running.set(kind, (this.running.get(kind) ?? 0) + 1);
    try {
      const response = await this.fetcher(url, {
        headers: { Accept: 'application/geo+json, application/json' },
        cache: revalidate ? 'no-cache' : 'default',
        signal,
      });
      const json: unknown = response.ok ? await response.json() : null;
      if (signal.aborted) {
        return { kind: 'aborted' };
      }
      return json === null ? { kind: 'none' } : { kind: 'json', json };
    } catch {
      return signal.aborted ? { kind: 'aborted' } : { kind: 'none' };
    } finally {
      this.running.set(kind, (this.running.get(kind) ?? 1) - 1);
      this.settled();
    }
  }

  /** Whether a kind has a round that is not aborted (abortAll ends every round). */
  hasRound(kind: RequestKind): boolean {
    const controller = this.current.get(kind);
    return !!controller && !controller.signal.aborted;
  }

  /** How many requests are running, of every kind. */
  pending(): number {
    let total = 0;
    this.running.forEach((n) => { total += n; });
    return total;
  }

  /** Aborts every round (the element leaves the page); gives the kinds that had requests running. */
  abortAll(): RequestKind[] {
    const interrupted = [...this.running.entries()].filter(([, n]) => n > 0).map(([kind]) => kind);
    this.current.forEach((controller) => controller.abort());
    this.current.clear();
    return interrupted;
  }
}

/** The `next` link of a page of an OGC API Features collection, or null on the last page. */
export function nextLink(page: unknown): string | null {
  const links = typeof page === 'object' && page !== null ? (page as { links?: unknown }).links : undefined;
  if (!Array.isArray(links)) {
    return null;
  }
  const next: unknown = links.find((l: unknown) => typeof l === 'object' && l !== null && (l as { rel?: unknown }).rel === 'next');
  const href = typeof next === 'object' && next !== null ? (next as { href?: unknown }).href : undefined;
  return typeof href === 'string' ? href : null;
}
