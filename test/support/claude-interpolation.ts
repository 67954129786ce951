/**
 * What Claude Code does with an `mcp_tool` hook's `input` before calling the tool (read from the
 * 2.1.197 and 2.1.332 binaries, where it is the same): every `${path}` in a string value is looked up
 * in the hook's input JSON by dotted path and replaced by the string itself, String() of a number or
 * boolean, JSON of an object or array, and "" for a missing or null value; arrays and objects in the
 * template are walked, other values kept.
 */
export function interpolateMcpHookInput(template: unknown, event: Record<string, unknown>): unknown {
  const lookup = (dotted: string): unknown => {
    let value: unknown = event;
    for (const key of dotted.split('.')) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/\$\{([a-zA-Z_][a-zA-Z0-9_.]*)\}/g, (_, dotted: string) => {
        const found = lookup(dotted);
        if (found === undefined || found === null) return '';
        return typeof found === 'object' ? JSON.stringify(found) : String(found);
      });
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  return walk(template);
}
