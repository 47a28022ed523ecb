/**
 * Requests the library answered, by method and route (`GET listItems`, `POST batch`, `PUT upload`, and
 * `step GET item/content` for a step inside a batch): how a test or benchmark measures what a publish or
 * a consolidation costs on the wire. Read with `library.counts` or `GET /_library/stats`.
 */
export interface CountsSnapshot {
  requests: number;
  steps: number;
  byRoute: Record<string, number>;
}

export class RequestCounts {
  private requests = 0;
  private steps = 0;
  private byRoute: Record<string, number> = {};

  count(key: string, step = false): void {
    if (step) this.steps++;
    else this.requests++;
    this.byRoute[key] = (this.byRoute[key] ?? 0) + 1;
  }

  snapshot(): CountsSnapshot {
    return { requests: this.requests, steps: this.steps, byRoute: { ...this.byRoute } };
  }

  reset(): void {
    this.requests = 0;
    this.steps = 0;
    this.byRoute = {};
  }
}
