import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { after, before, test } from "node:test";
import { SharedBudget, startBudgetServer } from "../../helpers/http/budget-server";
import { formEncode, jsonEncode, WorkspaceClient } from "../../helpers/http/client";
import { HttpTransport, TransportError } from "../../helpers/http/http";
import { Redactor } from "../../helpers/http/redaction";

// Answers the first request of each connection and resets the connection on the second, as a server
// does that closes an idle kept-alive connection just as the client reuses it.
let server: Server;
let url = "";
let received = 0;
before(async () => {
  const served = new WeakSet<Socket>();
  server = createServer((request, response) => {
    received++;
    if (served.has(request.socket)) return void request.socket.destroy();
    served.add(request.socket);
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
after(() => server.close());

/** No test here waits for the timeout: it only keeps a broken test from hanging (headroom: answers take ~1 ms). */
const TIMEOUT_MS = 10_000;
const request = (method: string) => ({ method, url, timeoutMs: TIMEOUT_MS, maxBodyBytes: 1024 });

test("a reused connection reset before any answer: an idempotent request is sent again once, a POST is not", async () => {
  const http = new HttpTransport();
  try {
    received = 0;
    assert.equal((await http.send(request("GET"))).body.toString(), "ok");
    assert.equal((await http.send(request("GET"))).body.toString(), "ok", "sent again on a new connection");
    assert.equal(received, 3);
    await assert.rejects(http.send(request("POST")), (error) => error instanceof TransportError);
  } finally {
    http.close();
  }
});

test("a body past the limit is not read: the answer says how large it was announced", async () => {
  const big = createServer((_, response) => response.end("x".repeat(4096)));
  await new Promise<void>((resolve) => big.listen(0, "127.0.0.1", resolve));
  const http = new HttpTransport();
  try {
    const answer = await http.send({
      ...request("GET"),
      url: `http://127.0.0.1:${(big.address() as AddressInfo).port}/`,
    });
    assert.deepEqual(answer.tooLarge, { bytesSeen: 0, declared: 4096 });
    assert.equal(answer.body.length, 0);
  } finally {
    http.close();
    big.close();
  }
});

test("a request goes from its lease's lane: the server sees the lane's address as the client's", async () => {
  // Any 127.0.0.x is a loopback source on Linux; this server answers with the address it saw.
  const echo = createServer((request, response) => response.end(request.socket.remoteAddress));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  const lanes = ["127.0.0.2", "127.0.0.3"];
  const budget = await startBudgetServer(10, 10, lanes);
  const http = new HttpTransport();
  try {
    const baseUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/`;
    const seen = async (localAddress?: string) =>
      (await http.send({ ...request("GET"), url: baseUrl, localAddress })).body.toString();
    assert.equal(await seen("127.0.0.7"), "127.0.0.7");
    assert.equal(await seen(), "127.0.0.1", "no local address: the system's choice");
    const client = new WorkspaceClient(http, {
      baseUrl,
      timeoutMs: TIMEOUT_MS,
      allowWrites: false,
      budget: new SharedBudget(budget.url),
      redactor: new Redactor(),
    });
    const from = [];
    for (let i = 0; i < 4; i++) from.push((await client.send({ method: "GET", path: "x" })).response?.body);
    // One request per lease at this budget, from the lane with the most room: they alternate.
    assert.deepEqual(from, [...lanes, ...lanes]);
  } finally {
    http.close();
    await budget.close();
    echo.close();
  }
});

/** A server that closes idle kept-alive connections after 2 s (and says so: `Keep-Alive: timeout=2`), counting connections. */
async function shortKeepAlive(delayMs: (path: string) => number) {
  let connections = 0;
  const short = createServer((request, response) => {
    setTimeout(() => response.end("ok"), delayMs(request.url ?? ""));
  });
  short.keepAliveTimeout = 2000;
  short.on("connection", () => connections++);
  await new Promise<void>((resolve) => short.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(short.address() as AddressInfo).port}/`,
    connections: () => connections,
    close: () => new Promise((resolve) => short.close(resolve)),
  };
}

test("an idle kept-alive connection is closed a second before the server's Keep-Alive timeout: a POST after it goes on a new one", async () => {
  const short = await shortKeepAlive(() => 0);
  const http = new HttpTransport();
  try {
    await http.send({ ...request("GET"), url: short.url });
    // Past our 1 s (the server's 2 s less one), short of the server's close. On a busy machine the
    // wait may run past the server's close too: a new connection either way, never a reused one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const posted = await http.send({ ...request("POST"), url: short.url, body: "{}" });
    assert.equal(posted.body.toString(), "ok");
    assert.equal(short.connections(), 2, "the idle connection was reused");
  } finally {
    http.close();
    await short.close();
  }
});

test("that idle timeout does not cut a slow answer on a reused connection", async () => {
  const short = await shortKeepAlive((path) => (path === "/slow" ? 1500 : 0));
  const http = new HttpTransport();
  try {
    await http.send({ ...request("GET"), url: short.url });
    const slow = await http.send({ ...request("GET"), url: `${short.url}slow` });
    assert.equal(slow.body.toString(), "ok");
    assert.equal(short.connections(), 1, "the same connection");
  } finally {
    http.close();
    await short.close();
  }
});

test("a form body: a list of values repeats its key, objects nest as the server's binder reads them", () => {
  const form = new URLSearchParams(
    formEncode({ fileIds: [1, 2], share: [{ shareTo: "u", access: 2 }], notify: false }),
  );
  assert.deepEqual(
    [...form],
    [
      ["fileIds", "1"],
      ["fileIds", "2"],
      ["share[0][shareTo]", "u"],
      ["share[0][access]", "2"],
      ["notify", "false"],
    ],
  );
});

test("a JSON body nests a key naming an object's member, as the server flattens it back; a form sends it as named", () => {
  const data = { "filter[name]": "x", "filter[options][ignoreOther]": false, id: 0, "list[0][a]": 1 };
  assert.deepEqual(JSON.parse(jsonEncode(data)), {
    filter: { name: "x", options: { ignoreOther: false } },
    id: 0,
    "list[0][a]": 1,
  });
  assert.equal(formEncode({ "filter[name]": "x" }), "filter%5Bname%5D=x");
});

test("a form body names nested members as the server's argument builder does: a[b], a[0][b]; a list of values repeats its key", () => {
  const form = formEncode({
    address: { street: "Main 1", category: 5 },
    data: [
      { key: "Ann", value: "Lee" },
      { key: "", value: "" },
    ],
    companyName: ["A", "B"],
    title: "x",
  });
  assert.deepEqual(
    [...new URLSearchParams(form)],
    [
      ["address[street]", "Main 1"],
      ["address[category]", "5"],
      ["data[0][key]", "Ann"],
      ["data[0][value]", "Lee"],
      ["data[1][key]", ""],
      ["data[1][value]", ""],
      ["companyName", "A"],
      ["companyName", "B"],
      ["title", "x"],
    ],
  );
});
