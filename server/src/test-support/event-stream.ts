/** An open event stream (`GET /api/events` over real HTTP), read as it arrives. */
export class EventStream {
  text = '';
  status = 0;
  readonly ended: Promise<string>;
  private readonly controller = new AbortController();
  private waiters: Array<() => void> = [];
  private resolveEnded!: (text: string) => void;

  private constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
  ) {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  /** Opens a stream; resolves once its first bytes (the retry hint) arrived, or with the refusal's status. */
  static async open(base: string, headers: Record<string, string>): Promise<EventStream> {
    const stream = new EventStream(base, headers);
    await stream.start();
    return stream;
  }

  private async start(): Promise<void> {
    const res = await fetch(`${this.base}/api/events`, { headers: this.headers, signal: this.controller.signal });
    this.status = res.status;
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          this.text += decoder.decode(value, { stream: true });
          for (const wake of this.waiters.splice(0)) wake();
        }
      } catch {
        /* aborted by the test */
      }
      this.resolveEnded(this.text);
    })();
    if (res.status === 200) await this.waitFor('retry:');
  }

  async waitFor(fragment: string): Promise<void> {
    while (!this.text.includes(fragment)) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** The events received so far, each as the page reads it (the JSON of its `data:` line). */
  events(): unknown[] {
    return [...this.text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as unknown);
  }

  /** Waits for an event the predicate accepts, whatever the order of its fields. */
  async waitForEvent(matches: (event: Record<string, unknown>) => boolean): Promise<void> {
    while (!this.events().some((e) => typeof e === 'object' && e !== null && matches(e as Record<string, unknown>))) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  abort(): void {
    this.controller.abort();
  }
}
