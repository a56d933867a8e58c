import { DiscoveredValues, OperationRunner } from "../../helpers/checks/operations";
import { CreatedRecords } from "../../helpers/checks/round-trip";
import type { SharedReads } from "../../helpers/checks/shared-reads";
import type { Operation } from "../../helpers/contract/contract";
import type { WritePolicy } from "../../helpers/contract/effects";
import { schemaRegistry } from "../../helpers/contract/schemas";
import type { Exchange, WorkspaceClient } from "../../helpers/http/client";
import { Ledger } from "../../helpers/run/ledger";

/** A contract operation for unit tests: a plain authenticated GET of `api/2.0/<section>/<id>`, changed by `extra`. */
export function testOperation(section: string, id: string, extra: Partial<Operation> = {}): Operation {
  return {
    section,
    id,
    key: `${section}.${id}`,
    method: "GET",
    path: `api/2.0/${section}/${id}`,
    auth: "required",
    creates: false,
    successStatus: 200,
    query: {},
    params: {},
    volatile: [],
    tags: [],
    source: `specs/${section}.yaml:3:5`,
    ...extra,
  };
}

/**
 * An OperationRunner as the fixtures make one per check, on `client`: by default with a ledger of its
 * own and no operations to undo with; a test of undos gives its ledger and the operations they name.
 */
export function testRunner(
  client: WorkspaceClient,
  evidence: Exchange[],
  writes: WritePolicy,
  shared?: SharedReads,
  { ledger = new Ledger(), operations = new Map<string, Operation>() } = {},
): OperationRunner {
  return new OperationRunner(
    client,
    schemaRegistry(),
    new DiscoveredValues(client),
    ledger,
    new CreatedRecords(ledger, operations),
    operations,
    () => "wc-test-1",
    evidence,
    "wc-test",
    writes,
    shared,
  );
}
