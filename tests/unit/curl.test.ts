import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { promisify } from "node:util";
import type { Exchange } from "../../helpers/http/client";
import { curlCommand } from "../../helpers/http/curl";
import { REDACTED } from "../../helpers/http/redaction";

const exchange = (request: Exchange["request"]): Exchange => ({ request, ms: 1 });

test("the redacted token becomes $WORKSPACE_TOKEN, the Basic pair is rebuilt, a redacted body value is the password", () => {
  const raw = curlCommand(
    exchange({ method: "GET", url: "http://h/api/2.0/people/@self", headers: { Authorization: REDACTED } }),
  );
  assert.match(raw, /-H 'Authorization: '"\$WORKSPACE_TOKEN"/);
  assert.doesNotMatch(raw, /-X|REDACTED/);
  const bearer = curlCommand(
    exchange({ method: "GET", url: "http://h/", headers: { Authorization: `Bearer ${REDACTED}` } }),
  );
  assert.match(bearer, /-H 'Authorization: Bearer '"\$WORKSPACE_TOKEN"/);
  const basic = curlCommand(
    exchange({ method: "GET", url: "http://h/", headers: { Authorization: `Basic ${REDACTED}` } }),
  );
  assert.match(basic, /\$WORKSPACE_USER:\$WORKSPACE_PASSWORD" \| base64/);
  const login = curlCommand(
    exchange({
      method: "POST",
      url: "http://h/api/2.0/authentication.json",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `userName=admin&password=${REDACTED}`,
    }),
  );
  assert.match(login, /-X POST/);
  assert.match(login, /--data-binary 'userName=admin&password='"\$WORKSPACE_PASSWORD"/);
});

test("the command runs in a shell and sends what the suite sent: quotes survive, secrets come from the environment", async () => {
  let received: { method?: string; url?: string; headers: Record<string, unknown>; body: string } = {
    headers: {},
    body: "",
  };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received = { method: request.method, url: request.url, headers: request.headers, body };
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/2.0/people/[x]?q=it's`;
    const command = curlCommand(
      exchange({
        method: "PUT",
        url,
        headers: { Authorization: REDACTED, "Content-Type": "application/json" },
        body: `{"name":"O'Brien $HOME","password":"${REDACTED}"}`,
      }),
    );
    // Asynchronously: the server answering it runs in this process.
    const { stdout: output } = await promisify(execFile)("bash", ["-c", command], {
      env: { PATH: process.env.PATH, WORKSPACE_TOKEN: "tok en", WORKSPACE_PASSWORD: `p'a"s$s` },
      encoding: "utf8",
      timeout: 10_000, // headroom: curl answers in ~50 ms; this only ends a hung shell
    });
    assert.match(output, /^HTTP\/1\.1 200/);
    assert.equal(received.method, "PUT");
    assert.equal(received.url, "/api/2.0/people/[x]?q=it's");
    assert.equal(received.headers.authorization, "tok en");
    assert.equal(received.body, `{"name":"O'Brien $HOME","password":"p'a"s$s"}`);
  } finally {
    server.close();
  }
});
