import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** A request as an exchange's evidence holds it (helpers/http/client.ts). */
interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** One request as the run sent it (secrets redacted), its answer's status, and the schema its operation's answers have. */
export interface LoggedRequest extends SentRequest {
  status?: number;
  /** The operation's resource schema (a path under schemas/), when a check of that operation sent it. */
  schema?: string;
}

/**
 * What a run sent, for the bench's floor (scripts/floor.ts), which sends the same requests with a bare
 * client. Off unless WC_REQUEST_LOG names a folder: then each worker keeps its requests (the redacted
 * ones of the evidence, no secret) and writes them there as `<pid>.json` when it exits.
 */
const folder = process.env.WC_REQUEST_LOG;
const sent = new Map<SentRequest, LoggedRequest>();

export function logRequest(request: SentRequest, status: number | undefined): void {
  if (!folder) return;
  if (!sent.size)
    process.on("exit", () =>
      writeFileSync(join(folder, `${process.pid}.json`), JSON.stringify([...sent.values()])),
    );
  sent.set(request, { ...request, status });
}

/** Names the schema of the operation whose check sent these exchanges. */
export function logSchema(exchanges: readonly { request: SentRequest }[], schema: string | undefined): void {
  if (!folder || !schema) return;
  for (const { request } of exchanges) {
    const logged = sent.get(request);
    if (logged) logged.schema = schema;
  }
}
