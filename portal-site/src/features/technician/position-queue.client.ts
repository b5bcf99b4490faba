/**
 * Positions the portal could not take (the phone offline), kept in IndexedDB until the next
 * post goes through, then sent as one batch. Each is kept with the visit it was taken for: only
 * the visit on its way now sends its own, and those of any other visit are dropped (they might
 * be another technician's, signed in before on this phone).
 */
const DATABASE = 'enroute-tech';
const STORE = 'positions';
/** The ingest takes at most 500 positions a request. */
export const BATCH_LIMIT = 500;

interface Kept {
  visit: string;
  body: unknown;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore(STORE, { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const database = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request ? request.result : undefined);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
    });
  } finally {
    database.close();
  }
}

export async function keep(visit: string, body: unknown): Promise<void> {
  await withStore('readwrite', (store) => store.add({ visit, body } satisfies Kept));
}

/** The kept positions of this visit (at most one batch), with their keys; others are dropped. */
export async function keptFor(visit: string): Promise<{ keys: IDBValidKey[]; bodies: unknown[] }> {
  const keys: IDBValidKey[] = [];
  const bodies: unknown[] = [];
  const others: IDBValidKey[] = [];
  const database = await open();
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction(STORE, 'readonly');
      const cursor = transaction.objectStore(STORE).openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        const value = at.value as Kept;
        if (value.visit !== visit) others.push(at.key);
        else if (bodies.length < BATCH_LIMIT) {
          keys.push(at.key);
          bodies.push(value.body);
        }
        at.continue();
      };
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
    });
  } finally {
    database.close();
  }
  if (others.length > 0) await forget(others);
  return { keys, bodies };
}

export async function forget(keys: IDBValidKey[]): Promise<void> {
  await withStore('readwrite', (store) => {
    for (const key of keys) store.delete(key);
  });
}
