import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { after, before, test } from "node:test";
import { HttpTransport, TransportError } from "../../helpers/http/http";

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

const request = (method: string) => ({ method, url, timeoutMs: 2000, maxBodyBytes: 1024 });

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
