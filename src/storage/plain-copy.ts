/**
 * A deep copy without `undefined` fields: what a document looks like after a round trip through
 * MongoDB (the driver runs with ignoreUndefined), so both adapters hand out the same shapes and
 * `'closedAt' in nomination` means the same everywhere. Callers can never reach stored state through it.
 */
export function plainCopy<T>(value: T): T {
  const clone = structuredClone(value);
  dropUndefinedFields(clone);
  return clone;
}

function dropUndefinedFields(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(dropUndefinedFields);
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const fields = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(fields)) {
      if (field === undefined) delete fields[key];
      else dropUndefinedFields(field);
    }
  }
}
