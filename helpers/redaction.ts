/** Secrets are removed by value (the real token and password, in every encoding a request carries them). */
export const REDACTED = "[REDACTED]";

export class Redactor {
  private readonly needles = new Set<string>();

  /** Registers a secret; its URL-encoded, JSON-escaped and Basic-auth forms are redacted too. */
  add(secret: string | undefined, user?: string): void {
    if (!secret || secret.length < 4) return;
    this.needles.add(secret);
    this.needles.add(encodeURIComponent(secret));
    this.needles.add(new URLSearchParams({ s: secret }).toString().slice(2));
    this.needles.add(JSON.stringify(secret).slice(1, -1));
    if (user) this.needles.add(Buffer.from(`${user}:${secret}`).toString("base64"));
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const needle of [...this.needles].sort((a, b) => b.length - a.length)) {
      if (needle) out = out.split(needle).join(REDACTED);
    }
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
