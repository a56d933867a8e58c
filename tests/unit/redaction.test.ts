import assert from "node:assert/strict";
import { test } from "node:test";
import { REDACTED, Redactor } from "../../helpers/redaction";

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
