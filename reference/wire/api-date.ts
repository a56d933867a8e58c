/**
 * ApiDateTime: `yyyy-MM-ddTHH:mm:ss.fffffffZ`. The reference runs its tenant in UTC, so the
 * offset is always `Z`. JavaScript dates carry milliseconds, the last four digits are zeros.
 */
export function formatApiDate(date: Date): string {
  const iso = date.toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ
  return `${iso.slice(0, 23)}0000Z`;
}

/** Plain Json.NET DateTime form, used where the server serializes a raw DateTime (e.g. `portal`). */
export function formatPlainDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Accepts what ApiDateTime parses: full ISO with offset, or a bare date (taken as UTC here). */
export function parseApiDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(trimmed))
    return undefined;
  const bareDate = trimmed.length === 10;
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(trimmed);
  // Date cannot parse more than 3 fractional digits reliably: drop the extra precision.
  const normalized = trimmed.replace(/(\.\d{3})\d+/, "$1");
  const date = new Date(bareDate || hasOffset ? normalized : `${normalized}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
