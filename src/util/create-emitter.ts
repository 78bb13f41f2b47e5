/** A small typed event emitter: see {@link createEmitter}. */
export interface Emitter<Events extends object> {
  on<K extends keyof Events>(type: K, listener: (value: Events[K]) => void): () => void;
  emit<K extends keyof Events>(type: K, value: Events[K]): void;
  clear(): void;
}

/** A small typed event emitter whose listeners can never throw into the caller. */
export function createEmitter<Events extends object>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(value: never) => void>>();
  return {
    on(type, listener) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },

    emit(type, value) {
      for (const listener of listeners.get(type) ?? []) {
        try {
          (listener as (arg: unknown) => void)(value);
        } catch (error) {
          // A host listener's bug must not stop delivery; report it where the page's own errors go.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },

    clear() {
      listeners.clear();
    },
  };
}
