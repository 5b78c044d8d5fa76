/** Faults applied to every Meilisearch API request while set. */
export interface FaultConfig {
  /** Added latency before handling, in ms. */
  latencyMs: number;
  /** Probability (0..1) of answering 500 `internal` instead of handling. */
  errorRate: number;
  /** Requests wait (never answer) until the faults are cleared. */
  hang: boolean;
  /** Requests get their TCP connection destroyed without an answer. */
  dropConnections: boolean;
  /** Only requests whose path starts with this prefix are affected (`null`: every path). */
  pathPrefix: string | null;
}

/** No faults. */
export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  errorRate: 0,
  hang: false,
  dropConnections: false,
  pathPrefix: null,
};

/**
 * Holds the current fault configuration and releases hung requests when it changes.
 *
 * @example
 * ```ts
 * const faults = new FaultController();
 * faults.set({ latencyMs: 50 });
 * faults.clear();
 * ```
 */
export class FaultController {
  #config: FaultConfig = { ...NO_FAULTS };
  #release: Array<() => void> = [];
  /** Random source (overridable for reproducible tests). */
  random: () => number = Math.random;

  get config(): FaultConfig {
    return { ...this.#config };
  }

  set(partial: Partial<FaultConfig>): FaultConfig {
    this.#config = { ...this.#config, ...partial };
    if (!this.#config.hang) this.#wake();
    return this.config;
  }

  clear(): void {
    this.#config = { ...NO_FAULTS };
    this.#wake();
  }

  /** Resolves when hanging stops (faults cleared or `hang` set to false). */
  waitUntilReleased(): Promise<void> {
    return new Promise((resolve) => this.#release.push(resolve));
  }

  #wake(): void {
    const waiters = this.#release;
    this.#release = [];
    for (const w of waiters) w();
  }
}
