import { FuzzRequest, FuzzResponse } from './openapi-requests';

const ONE_TIME_TOKEN = /"(invitationToken|resetToken)"\s*:\s*"/;

const problemOf = (res: FuzzResponse): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

const histogramText = (statuses: Map<number, number>) =>
  [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');

const requestText = (r: FuzzRequest) =>
  [r.url, r.body?.raw ?? '', ...Object.values(r.multipart?.fields ?? {}), ...Object.values(r.headers)].join(
    '\n',
  );

export class FuzzReport {
  private readonly statuses = new Map<number, number>();
  private readonly successful = new Set<string>();
  private readonly operations = new Map<string, Map<number, number>>();
  private readonly roles = new Set<string>();
  private cases = 0;

  // Throws (a fast-check property failure) when the answer breaks one of the fuzz's invariants. `refuse`: the
  // caller must not get through (a forged token on a secured operation).
  check(
    role: string,
    operation: string,
    r: FuzzRequest,
    res: FuzzResponse,
    { secrets, refuse }: { secrets: string[]; refuse: boolean },
  ): void {
    this.cases += 1;
    this.roles.add(role);
    const perOperation = this.operations.get(operation) ?? new Map<number, number>();
    this.operations.set(operation, perOperation);
    for (const histogram of [this.statuses, perOperation]) {
      histogram.set(res.status, (histogram.get(res.status) ?? 0) + 1);
    }
    if (res.status < 300) this.successful.add(operation);
    const problem = problemOf(res);
    const excerpt = `${res.status} ${res.contentType} ${res.text.slice(0, 500)}`;
    if (refuse && res.status < 400) throw new Error(`accepted a forged token: ${excerpt}`);
    if (res.status >= 500) throw new Error(`5xx: ${excerpt}`);
    if (ONE_TIME_TOKEN.test(res.text)) throw new Error(`a one-time token in the answer: ${excerpt}`);
    if (res.status >= 400) {
      const shaped =
        /^application\/problem\+json/.test(res.contentType) &&
        problem?.status === res.status &&
        typeof problem.code === 'string' &&
        typeof problem.detail === 'string' &&
        Array.isArray(problem.errors);
      if (!shaped) throw new Error(`error is not problem+json {status, code, detail, errors}: ${excerpt}`);
    }
    // What the caller sent may come back (an echoed id is no leak); anything else of city B may not.
    const sent = requestText(r);
    const leaked = secrets.filter((secret) => res.text.includes(secret) && !sent.includes(secret));
    if (leaked.length > 0) throw new Error(`answer holds city B's ${leaked.join(', ')}: ${excerpt}`);
  }

  // Per operation with `verbose`: which ones the generated input never gets through.
  summary(seed: number, runs: number, failures: number, verbose = false): string {
    const histogram = histogramText(this.statuses);
    const perOperation = verbose
      ? [...this.operations.entries()].map(
          ([operation, statuses]) => `  ${operation}: ${histogramText(statuses)}`,
        )
      : [];
    const fiveHundreds = [...this.statuses.entries()]
      .filter(([s]) => s >= 500)
      .reduce((n, [, c]) => n + c, 0);
    return [
      `OpenAPI fuzz (seed ${seed}, FUZZ_RUNS=${runs}): ${this.operations.size} operations × ${this.roles.size} roles, ${this.cases} cases`,
      `  statuses: ${histogram}`,
      `  5xx: ${fiveHundreds}; failing properties: ${failures}`,
      `  operations answered 2xx at least once: ${this.successful.size}/${this.operations.size}`,
      `  replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`,
      ...perOperation,
    ].join('\n');
  }
}
