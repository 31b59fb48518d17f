/**
 * A value chosen by a key (the allowed countries, say) that may first have to be fetched. Given
 * the same key again, it does nothing; after a failed fetch, it fetches again.
 */
export class KeyedLoad<T> {
  #key: string | undefined;
  #onValue: () => void;
  #keepWhileLoading: boolean;

  /** The value for the last key, once there. While it is fetched: the previous one, or undefined. */
  value: T | undefined;
  /** The fetch for the last key, while there is one. */
  pending: Promise<unknown> | undefined;

  constructor(onValue: () => void, { keepWhileLoading }: { keepWhileLoading: boolean }) {
    this.#onValue = onValue;
    this.#keepWhileLoading = keepWhileLoading;
  }

  follow(key: string, get: () => T | Promise<T>): void {
    if (key === this.#key) return;
    this.#key = key;
    const value = get();
    if (!(value instanceof Promise)) {
      this.pending = undefined;
      this.#set(value);
      return;
    }
    if (!this.#keepWhileLoading) this.value = undefined;
    this.pending = value.then(
      (loaded) => {
        if (this.#key === key) this.#set(loaded);
      },
      // Offline: the next call with this key tries again.
      () => {
        if (this.#key === key) this.#key = undefined;
      },
    );
  }

  #set(value: T): void {
    this.value = value;
    this.#onValue();
  }
}
