import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { handleRequest } from "./handle-request";
import { logFailure } from "./http/log";
import type { Instance } from "./instance";

/** An HTTP server for one instance; a request that escapes every handler still gets a 500. */
export function createReferenceServer(instance: Instance): Server {
  return createServer((request, response) => {
    handleRequest(instance, request, response).catch((error: unknown) => {
      logFailure(request, String(error));
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("Internal Server Error");
    });
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes the listener and every open socket, keep-alive ones included, so it returns promptly. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
