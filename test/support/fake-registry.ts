import { emptyRegistry, type RegistryData } from '../../src/core/session-record.js';

/** An in-memory session registry with the real one's read/update contract (copies in, copies out). */
export function fakeRegistry() {
  let data: RegistryData = emptyRegistry();
  return {
    read: async () => structuredClone(data),
    update: async <T>(change: (value: RegistryData) => T | Promise<T>) => {
      const copy = structuredClone(data);
      const result = await change(copy);
      data = copy;
      return result;
    },
  };
}
