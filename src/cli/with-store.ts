/** Runs a command body against the store the settings name, closing it afterwards. */
import type { Store } from '../store/open-store.js';
import { readSettings, type Settings } from '../config/settings.js';
import { storeFromSettings } from '../services/store-from-settings.js';

export async function withStore<T>(body: (store: Store, settings: Settings) => Promise<T>): Promise<T> {
  const settings = readSettings();
  const store = await storeFromSettings(settings);
  try {
    return await body(store, settings);
  } finally {
    await store.close();
  }
}
