import type { Exchange } from "./client";
import { REDACTED } from "./redaction";

/**
 * Shell variables that stand in for the secrets the redactor removed: the run's token travels in
 * the Authorization header (raw, as `Bearer`, or as Basic credentials); a redacted value anywhere
 * else in a request (a login body or query) is the password, the only other secret the suite holds.
 */
const TOKEN = '"$WORKSPACE_TOKEN"';
const PASSWORD = '"$WORKSPACE_PASSWORD"';
const BASIC = '"$(printf %s "$WORKSPACE_USER:$WORKSPACE_PASSWORD" | base64)"';

/** One shell word: literal text single-quoted, each redaction marker replaced by its variable. */
function shellWord(text: string, secret: string): string {
  return text
    .split(REDACTED)
    .map((part) => (part ? `'${part.replace(/'/g, `'\\''`)}'` : ""))
    .join(secret)
    .replace(/^$/, "''");
}

function headerWord(name: string, value: string): string {
  if (name.toLowerCase() !== "authorization") return shellWord(`${name}: ${value}`, PASSWORD);
  return shellWord(`${name}: ${value}`, /^basic\s/i.test(value) ? BASIC : TOKEN);
}

/**
 * A `curl` command that sends the request of an exchange again, as the suite sent it, for a developer
 * of the deployment to reproduce a failure without the suite. `-i` shows the status and headers;
 * `-g` keeps brackets in the URL literal.
 */
export function curlCommand(exchange: Exchange): string {
  const { method, url, headers, body } = exchange.request;
  const words = ["curl -sS -i -g"];
  if (method !== "GET") words.push(`-X ${method}`);
  words.push(shellWord(url, PASSWORD));
  for (const [name, value] of Object.entries(headers)) words.push(`-H ${headerWord(name, value)}`);
  if (body !== undefined) words.push(`--data-binary ${shellWord(body, PASSWORD)}`);
  return words.join(" \\\n  ");
}
