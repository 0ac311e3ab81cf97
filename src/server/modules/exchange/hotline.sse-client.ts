/** A minimal Server-Sent Events reader over fetch, for tests and the benchmark. */
export interface SseEvent {
  id: string | null;
  data: string;
  /** performance.now() when it arrived. */
  at: number;
}

export interface SseStream {
  status: number;
  contentType: string | null;
  /** The body as text when the answer was not a stream (a problem document). */
  problem: unknown;
  /** Resolves with the next `count` events (waits for them). */
  take(count: number): Promise<SseEvent[]>;
  /** Every event received so far, consumed or not. */
  received: SseEvent[];
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const contentType = response.headers.get('content-type');
  const received: SseEvent[] = [];
  let consumed = 0;
  const waiters: (() => void)[] = [];
  if (!contentType?.startsWith('text/event-stream')) {
    const problem = await response.json().catch(() => null);
    return { status: response.status, contentType, problem, take: () => Promise.reject(new Error('not a stream')), received, close: () => {} };
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
          if (data.length === 0) continue;
          const id = lines.find((line) => line.startsWith('id: '))?.slice(4) ?? null;
          received.push({ id, data: data.join('\n'), at: performance.now() });
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: response.status,
    contentType,
    problem: null,
    received,
    take: async (count) => {
      while (received.length < consumed + count) await new Promise<void>((resolve) => waiters.push(resolve));
      const events = received.slice(consumed, consumed + count);
      consumed += count;
      return events;
    },
    close: () => {
      void reader.cancel().catch(() => {});
      controller.abort();
    },
  };
}
