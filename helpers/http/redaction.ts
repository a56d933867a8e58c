/** Secrets are removed by value (the real token and password, in every encoding a request carries them). */
export const REDACTED = "[REDACTED]";

export class Redactor {
  /** Each secret's forms, with what replaces them. */
  private readonly needles = new Map<string, string>();
  private sorted?: [string, string][];

  /**
   * Registers a secret; its URL-encoded, JSON-escaped and Basic-auth forms are redacted too. A secret
   * that is not the run's token (one derived from it, say) gets its own marker, so a reproduction
   * command does not put the real token in its place (helpers/http/curl.ts).
   */
  add(secret: string | undefined, user?: string, marker = REDACTED): void {
    if (!secret || secret.length < 4) return;
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ];
    if (user) forms.push(Buffer.from(`${user}:${secret}`).toString("base64"));
    for (const form of forms) this.needles.set(form, marker);
    this.sorted = undefined;
  }

  redact(text: string): string {
    // Longest first, so a secret that contains another is replaced whole.
    this.sorted ??= [...this.needles].sort(([a], [b]) => b.length - a.length);
    let out = text;
    // Only where a secret occurs: a copy of every body per secret is megabytes of garbage on big answers.
    for (const [needle, marker] of this.sorted)
      if (out.includes(needle)) out = out.split(needle).join(marker);
    return out;
  }
}

/** Tokens a login's body carries (JSON or XML), as they appear on the wire and unescaped. */
export function issuedTokens(body: string): string[] {
  const found: string[] = [];
  for (const [, raw] of body.matchAll(/"token"\s*:\s*"((?:[^"\\]|\\.)+)"/g)) {
    found.push(raw);
    try {
      found.push(JSON.parse(`"${raw}"`) as string);
    } catch {
      // Not a JSON string after all: the raw text is redacted anyway.
    }
  }
  for (const [, raw] of body.matchAll(/<token>([^<]+)<\/token>/g)) found.push(raw);
  return found;
}
