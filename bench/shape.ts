/**
 * GraphQL-shaped JSON without GraphQL: the floors answer with exactly the fields
 * a scenario's query selects, in the same order, with `null` for absent values
 * and ISO strings for dates, so F1's body can be compared byte for byte with G1's.
 */
export type Selection = Array<{ name: string; children?: Selection }>;

/** Parses a selection set body such as `id role items { slug status }` (no arguments, aliases or fragments). */
export function parseSelection(text: string): Selection {
  const tokens = text.match(/[A-Za-z_][A-Za-z0-9_]*|[{}]/g) ?? [];
  let i = 0;
  const parse = (): Selection => {
    const out: Selection = [];
    while (i < tokens.length && tokens[i] !== '}') {
      const name = tokens[i++];
      if (tokens[i] === '{') {
        i++;
        out.push({ name, children: parse() });
        i++; // '}'
      } else out.push({ name });
    }
    return out;
  };
  return parse();
}

export function select(value: unknown, selection: Selection): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => select(v, selection));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of selection) {
    const v = source[field.name];
    out[field.name] = field.children ? select(v, field.children) : scalar(v);
  }
  return out;
}

function scalar(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(scalar);
  return v;
}

/** The structure of a JSON value: keys and value types, for bodies whose values must differ (mutations). */
export function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, shapeOf(v)]));
  return typeof value;
}
