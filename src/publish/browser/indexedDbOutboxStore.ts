/**
 * The add-in's outbox store: IndexedDB, which outlives a closed task pane and a restarted Excel. Each put is
 * one transaction, so it lands whole or not at all. Browser only: no Node imports here.
 */
import type { OutboxEntry, OutboxStore } from '../outbox';

const ENTRIES = 'entries';
const FILES = 'files';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaktionen avbröts'));
  });
}

export function openOutboxDatabase(name = 'tjansteplan-utkorg', factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES);
  };
  return done(open);
}

export class IndexedDbOutboxStore implements OutboxStore {
  constructor(private readonly db: IDBDatabase) {}

  static async open(name?: string): Promise<IndexedDbOutboxStore> {
    return new IndexedDbOutboxStore(await openOutboxDatabase(name));
  }

  async entries(): Promise<OutboxEntry[]> {
    const tx = this.db.transaction(ENTRIES, 'readonly');
    return done(tx.objectStore(ENTRIES).getAll() as IDBRequest<OutboxEntry[]>);
  }

  async put(entry: OutboxEntry): Promise<void> {
    const tx = this.db.transaction(ENTRIES, 'readwrite');
    tx.objectStore(ENTRIES).put(entry);
    await committed(tx);
  }

  async putFile(sha256: string, bytes: Uint8Array): Promise<void> {
    const tx = this.db.transaction(FILES, 'readwrite');
    // A Blob: browsers keep large ones on disk rather than in the structured-clone heap.
    tx.objectStore(FILES).put(new Blob([bytes as BlobPart]), sha256);
    await committed(tx);
  }

  async getFile(sha256: string): Promise<Uint8Array | null> {
    const tx = this.db.transaction(FILES, 'readonly');
    const blob = (await done(tx.objectStore(FILES).get(sha256))) as Blob | undefined;
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  }

  async deleteFile(sha256: string): Promise<void> {
    const tx = this.db.transaction(FILES, 'readwrite');
    tx.objectStore(FILES).delete(sha256);
    await committed(tx);
  }
}
