/**
 * The bench's floor (issue 24): the requests a green run sent, recorded by the bench with
 * WC_REQUEST_LOG (helpers/http/request-log.ts), sent again by a bare client to an embedded reference
 * of its own: node:http, fast-xml-parser and ajv's validators, no runner, no reporters. Each worker's
 * requests go in their order, the workers' side by side as in the run; each answer is read in its
 * format and validated against its schema (the operation's, in the success envelope; the error
 * envelope for an error). Prints one JSON line of counts.
 *
 *   tsx scripts/floor.ts <folder of the recorded requests> <rate limit>
 */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { type CompiledValidators, VALIDATORS_FILE } from "../helpers/contract/compiled-validators";
import { SCHEMA_BASE } from "../helpers/contract/schemas";
import { REDACTED } from "../helpers/http/redaction";
import type { LoggedRequest } from "../helpers/http/request-log";
import { REFERENCE_ADMIN, startReference } from "../reference";

const [folder, limit] = process.argv.slice(2);

const agent = new http.Agent({ keepAlive: true });

function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers["content-type"] ?? "",
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function main(): Promise<void> {
  const workers = readdirSync(folder)
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(join(folder, file), "utf8")) as LoggedRequest[]);
  if (!workers.length) throw new Error(`no recorded requests in ${folder}`);
  const validators = require(VALIDATORS_FILE) as CompiledValidators;
  const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });
  const reference = await startReference({
    rateLimit: { limit: Number(limit), windowSeconds: 10 },
    host: "127.0.0.1",
  });
  const origin = new URL(reference.url).origin;
  const login = await send(
    "POST",
    `${reference.url}api/2.0/authentication.json`,
    { "Content-Type": "application/json" },
    JSON.stringify({ userName: REFERENCE_ADMIN.user, password: REFERENCE_ADMIN.password }),
  );
  const token = (JSON.parse(login.text) as { response: { token: string } }).response.token;
  const counts = { sent: 0, sameStatus: 0, validated: 0, valid: 0, unreadable: 0 };
  // A secret the run redacted: the password in a login, the token anywhere else.
  const secret = (url: string) =>
    /\/authentication(\.json|\.xml)?$/.test(url) ? REFERENCE_ADMIN.password : token;
  const filled = (text: string, url: string) => text.split(REDACTED).join(secret(url));
  await Promise.all(
    workers.map(async (requests) => {
      for (const recorded of requests) {
        const path = new URL(recorded.url);
        const url = filled(origin + path.pathname + path.search, path.pathname);
        const headers: Record<string, string> = { Accept: "*/*" };
        for (const [name, value] of Object.entries(recorded.headers))
          headers[name] = filled(value, path.pathname);
        const body = recorded.body === undefined ? undefined : filled(recorded.body, path.pathname);
        if (body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(body));
        const answer = await send(recorded.method, url, headers, body);
        counts.sent++;
        if (answer.status === recorded.status) counts.sameStatus++;
        let value: unknown;
        try {
          if (/json/i.test(answer.contentType)) value = JSON.parse(answer.text);
          else if (/xml/i.test(answer.contentType)) value = Object.values(xml.parse(answer.text))[0];
          else continue;
        } catch {
          counts.unreadable++;
          continue;
        }
        const schema =
          answer.status >= 400
            ? "envelope/error.json"
            : answer.status >= 200 && answer.status < 300
              ? recorded.schema
                ? `composed/${recorded.schema}`
                : "envelope/success.json"
              : undefined;
        const validate = schema && validators[SCHEMA_BASE + schema];
        if (!validate) continue;
        counts.validated++;
        if (validate(value)) counts.valid++;
      }
    }),
  );
  agent.destroy();
  await reference.close();
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
