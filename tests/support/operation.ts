import type { Operation } from "../../helpers/contract/contract";

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
