/** A tiny observable value for `useSyncExternalStore`: long-lived state owned outside React. */
export class ExternalStore<T> {
  private listeners = new Set<() => void>();

  constructor(protected state: T) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): T => this.state;

  protected set(patch: Partial<T>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
