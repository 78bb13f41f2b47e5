import { submissionStorePrefix, type StoreScope } from './store-name.js';

/**
 * The attempts of one submission that have a store in this browser, found without opening any
 * database; undefined where the browser cannot list its databases (`indexedDB.databases`).
 */
export async function listAttemptStores(
  scope: Omit<StoreScope, 'attempt'>,
  factory: Partial<IDBFactory> = globalThis.indexedDB,
): Promise<number[] | undefined> {
  // Firefox before 126 has no databases().
  if (typeof factory.databases !== 'function') return undefined;
  const prefix = submissionStorePrefix(scope);
  const attempts: number[] = [];
  for (const { name } of await factory.databases()) {
    const tail = name?.startsWith(prefix) ? name.slice(prefix.length) : '';
    if (/^[1-9]\d*$/.test(tail)) attempts.push(Number(tail));
  }
  return attempts.sort((a, b) => a - b);
}
