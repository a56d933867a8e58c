import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Api, basic, reference, SEED, USER_PASSWORD } from "./support";

const LOGIN = { userName: "administrator", password: "reference-admin-pass" };

describe("authentication", () => {
  let api: Api;
  before(async () => {
    api = await reference();
  });
  after(() => api.close());

  test("JSON login answers 201 with token, expires and the asc_auth_key cookie", async () => {
    const response = await api.fetch("authentication.json", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(LOGIN),
    });
    assert.equal(response.status, 201);
    const body = (await response.json()) as {
      statusCode: number;
      response: { token: string; expires: string };
    };
    assert.equal(body.statusCode, 201);
    assert.match(body.response.token, /^[A-Za-z0-9_-]{40,}$/);
    assert.match(body.response.expires, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    // headroom: the 0.1 h (6 minutes) between the login and this line is the bound; ~1 ms on a quiet machine.
    const expiresIn = Date.parse(body.response.expires) - Date.now();
    assert.ok(expiresIn > 23.9 * 3600_000 && expiresIn <= 24 * 3600_000);
    assert.equal(response.headers.get("set-cookie"), `asc_auth_key=${body.response.token}; HttpOnly; Path=/`);
  });

  test("form body, query string, case-insensitive keys and the email all sign in", async () => {
    const form = await api.fetch("authentication", { method: "POST", body: new URLSearchParams(LOGIN) });
    assert.equal(form.status, 201);
    assert.match(
      await form.text(),
      /^<result><count>1<\/count><status>0<\/status><statusCode>201<\/statusCode>/,
    );
    const query = await api.fetch(
      "authentication.json?USERNAME=admin@reference.test&Password=reference-admin-pass",
      {
        method: "POST",
      },
    );
    assert.equal(query.status, 201);
  });

  test("bad or missing credentials answer 401 'User authentication failed'", async () => {
    for (const body of [{ ...LOGIN, password: "wrong" }, { userName: "administrator" }, {}]) {
      const response = await api.fetch("authentication.json", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 401);
      const envelope = (await response.json()) as { error: { message: string } };
      assert.equal(envelope.error.message, "User authentication failed");
    }
  });

  test("raw token, Bearer, Basic (userName or email) and the cookie authenticate", async () => {
    const token = await api.login();
    const headers: Record<string, string>[] = [
      { Authorization: token },
      { Authorization: `Bearer ${token}` },
      { Authorization: basic("administrator", "reference-admin-pass") },
      { Authorization: basic("admin@reference.test", "reference-admin-pass") },
      { Cookie: `asc_auth_key=${token}` },
    ];
    for (const header of headers) {
      const response = await api.fetch("people/@self.json", { headers: header });
      assert.equal(response.status, 200, JSON.stringify(header));
      assert.equal(
        ((await response.json()) as { response: { id: string } }).response.id,
        SEED.users.administrator,
      );
    }
    const other = await api.fetch("people/@self.json", {
      headers: { Authorization: await api.login("li.wei", USER_PASSWORD) },
    });
    assert.equal(((await other.json()) as { response: { id: string } }).response.id, SEED.users.liWei);
  });

  test("the login name is the user name or email the docs name, never the user's id", async () => {
    for (const userName of [SEED.users.administrator, SEED.users.administrator.toUpperCase()]) {
      const response = await api.fetch("authentication.json", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...LOGIN, userName }),
      });
      assert.equal(response.status, 401, userName);
    }
  });

  test("Basic credentials are decoded strictly: malformed base64 authenticates no one", async () => {
    const good = Buffer.from("administrator:reference-admin-pass").toString("base64");
    assert.ok(good.endsWith("="), "the sample needs padding, so its absence is tested");
    const malformed = [
      good.replace(/=+$/, ""), // no padding
      `${good.slice(0, 8)} ${good.slice(8)}`, // a space inside
      `*${good}`, // outside the alphabet
      `${good}*`,
      `${good.slice(0, 8)}\t${good.slice(8)}`,
      `${good}=`, // too much padding
    ];
    for (const credentials of malformed) {
      const response = await api.fetch("people/@self.json", {
        headers: { Authorization: `Basic ${credentials}` },
      });
      assert.equal(response.status, 401, credentials);
    }
    const wellFormed = await api.fetch("people/@self.json", { headers: { Authorization: `Basic ${good}` } });
    assert.equal(wellFormed.status, 200);
  });

  test("Basic looks the user up by email, user name, then id, as the real server does", async () => {
    // workspace-api-facts.md §4 (ASCBasicAuthorization.cs): unlike the login's userName, Basic takes the id.
    for (const user of ["admin@reference.test", "administrator", SEED.users.administrator]) {
      const response = await api.fetch("people/@self.json", {
        headers: { Authorization: basic(user, "reference-admin-pass") },
      });
      assert.equal(response.status, 200, user);
    }
  });

  test("missing auth: 401 envelope without WWW-Authenticate; bad auth: with it", async () => {
    const missing = await api.fetch("people/@self");
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get("www-authenticate"), null);
    assert.equal(
      await missing.text(),
      "<result><status>1</status><statusCode>401</statusCode><error><message>Unauthorized</message><hresult>-2147467259</hresult><data/></error></result>",
    );
    for (const authorization of ["", "not-a-token", "Bearer nope", basic("administrator", "wrong")]) {
      const response = await api.fetch("people/@self.json", { headers: { Authorization: authorization } });
      assert.equal(response.status, 401, authorization);
      assert.equal(response.headers.get("www-authenticate"), 'Basic realm="reference"');
      assert.equal(((await response.json()) as { statusCode: number }).statusCode, 401);
    }
  });

  test("anonymous operations ignore even an invalid Authorization header", async () => {
    for (const path of ["capabilities.json", "settings/version/build.json"]) {
      const response = await api.fetch(path, { headers: { Authorization: "Bearer invalid" } });
      assert.equal(response.status, 200, path);
    }
  });

  test("a token is valid on its own instance only", async () => {
    const other = await reference();
    try {
      const response = await other.fetch("people/@self.json", {
        headers: { Authorization: await api.login() },
      });
      assert.equal(response.status, 401);
    } finally {
      await other.close();
    }
  });
});
