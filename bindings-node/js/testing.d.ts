// Hand-written declarations of `tikapi/testing` (bindings-node/js/testing.cjs).

export interface Arrival {
  endpoint: string;
  method: string;
  params: Record<string, unknown>;
}

export interface RuleOptions {
  /** How many calls the rule answers; until `reset()` when absent. */
  times?: number;
  /** Only calls with these parameters match. */
  params?: Record<string, unknown>;
}

export interface SandboxOptions {
  port?: number;
  seed?: number;
  latencyMs?: number;
  tls?: boolean;
}

export declare class Sandbox {
  private constructor(handle: unknown);
  /** `http://127.0.0.1:PORT`: the value for `TIKAPI_BASE_URL` / `TIKAPI_SANDBOX_URL`. */
  readonly url: string;
  answer(
    endpoint: string,
    body?: unknown,
    options?: RuleOptions & { status?: number; headers?: Record<string, string> },
  ): void;
  fail(endpoint: string, fault: string, options?: RuleOptions): void;
  requests(endpoint?: string): Arrival[];
  reset(): void;
  record(cassette: string, options?: { upstream?: string }): void;
  replay(cassette: string): void;
  cassette(cassette: string): void;
  eject(): void;
  misses(): string[];
  close(): Promise<void>;
}

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
