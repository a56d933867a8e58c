import assert from "node:assert/strict";
import { test } from "node:test";
import { curlCommand } from "../../helpers/http/curl";
import { REDACTED, Redactor } from "../../helpers/http/redaction";

test("secrets are redacted by value in every encoding a request carries them", () => {
  const redactor = new Redactor();
  redactor.add("p@ss w/rd", "admin");
  const basic = Buffer.from("admin:p@ss w/rd").toString("base64");
  const text = `pw=p%40ss%20w%2Frd&x=p%40ss+w%2Frd {"password":"p@ss w/rd"} Basic ${basic}`;
  const out = redactor.redact(text);
  assert.ok(!out.includes("p@ss"), out);
  assert.ok(!out.includes("p%40ss"), out);
  assert.ok(!out.includes(basic), out);
  assert.equal(out.split(REDACTED).length - 1, 4);
});

test("a secret derived from the token keeps its own marker, so a curl reproduction never sends the real token for it", () => {
  const redactor = new Redactor();
  redactor.add("token-abcdef");
  redactor.add("token-abcdeX", undefined, "[REDACTED: altered]");
  const headers = { Authorization: redactor.redact("token-abcdeX") };
  assert.equal(headers.Authorization, "[REDACTED: altered]");
  const curl = curlCommand({ request: { method: "GET", url: "http://h/api/2.0/x", headers }, ms: 0 });
  assert.doesNotMatch(curl, /WORKSPACE_TOKEN/);
  const real = curlCommand({
    request: {
      method: "GET",
      url: "http://h/api/2.0/x",
      headers: { Authorization: redactor.redact("token-abcdef") },
    },
    ms: 0,
  });
  assert.match(real, /\$WORKSPACE_TOKEN/);
});
