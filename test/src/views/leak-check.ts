/** Helpers to prove a projection leaks nothing: every key at any depth, every string value. */

export function keysAtAnyDepth(value: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        keys.add(key);
        walk(child);
      }
    }
  };
  walk(value);
  return keys;
}

export function stringsAtAnyDepth(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsAtAnyDepth);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsAtAnyDepth);
  return [];
}

/** Type-level: true when A and B are the same type. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;

/** Every property name in T, at any depth (through arrays and optionals). */
export type DeepKeys<T> = T extends readonly (infer U)[]
  ? DeepKeys<U>
  : T extends object
    ? { [K in keyof T]-?: K | DeepKeys<NonNullable<T[K]>> }[keyof T]
    : never;
