import { randomUUID } from "node:crypto";
import { ApiError, forbidden, missingArgument, RecordNotFoundError } from "../http/errors";
import type { User } from "../store/model";
import { findUser, findUserByEmail } from "../store/queries";
import { SEED } from "../store/seed";
import { personFull } from "../wrappers/person";
import { removeUser, requireSuspended } from "./people-writes";
import { newUserName, readPersonFields } from "./person-input";
import { type AuthenticatedRequest, authenticated, type Route } from "./route";

const userNotFound = () => new RecordNotFoundError("User not found");

function requireUser(request: AuthenticatedRequest): User {
  const user = findUser(request.store, request.params.required("userid"));
  if (!user) throw userNotFound();
  return user;
}

function search(request: AuthenticatedRequest, query: string | undefined) {
  const needle = (query ?? "").toLowerCase();
  const matches = [...request.store.users.values()].filter((user) =>
    [user.firstName, user.lastName, `${user.firstName} ${user.lastName}`, user.email, user.userName].some(
      (text) => text.toLowerCase().includes(needle),
    ),
  );
  return { outcome: "read" as const, response: matches.map((user) => personFull(user, request)) };
}

function createPerson(request: AuthenticatedRequest) {
  if (!request.user.isAdmin) throw forbidden();
  const fields = readPersonFields(request.params, request.store);
  if (!fields.email) throw missingArgument("email");
  const user: User = {
    id: randomUUID(),
    userName: newUserName(request.store, fields.email),
    firstName: "",
    lastName: "",
    email: fields.email,
    isVisitor: false,
    isAdmin: false,
    isOwner: false,
    workFrom: request.now,
    contacts: [],
    listAdminModules: [],
    ...fields,
  };
  request.store.users.set(user.id, user);
  return { outcome: "created" as const, response: personFull(user, request) };
}

function updatePerson(request: AuthenticatedRequest) {
  const user = requireUser(request);
  if (!request.user.isAdmin && request.user !== user) throw forbidden();
  if (user.status === 2) throw new ApiError(500, "Server error"); // "The user is suspended" (EmployeeApi.cs:735-736)
  Object.assign(user, readPersonFields(request.params, request.store, user));
  return { outcome: "updated" as const, response: personFull(user, request) };
}

function deletePerson(request: AuthenticatedRequest) {
  const user = requireUser(request);
  if (!request.user.isAdmin || user.isOwner) throw forbidden();
  requireSuspended(user);
  const response = personFull(user, request);
  removeUser(request.store, user);
  return { outcome: "deleted" as const, response };
}

/** people: EmployeeWraperFull for every answer (facts §7). */
const SEEDED_USERS = new Set<string>(Object.values(SEED.users));

export const peopleRoutes: Route[] = [
  authenticated("GET", "people", (request) => search(request, "")),
  authenticated("GET", "people/@self", (request) => ({
    outcome: "read",
    response: personFull(request.user, request),
  })),
  authenticated("GET", "people/email", (request) => {
    const user = findUserByEmail(request.store, request.params.required("email"));
    if (!user) throw userNotFound();
    return { outcome: "read", response: personFull(user, request) };
  }),
  authenticated("GET", "people/search", (request) => search(request, request.params.text("query"))),
  authenticated("GET", "people/@search/{query}", (request) => search(request, request.params.text("query"))),
  authenticated("GET", "people/{userid}", (request) => {
    const user = requireUser(request);
    const created = !SEEDED_USERS.has(user.id);
    return { outcome: "read", response: personFull(user, request), ...(created && { asWritten: true }) };
  }),
  authenticated("POST", "people", createPerson),
  authenticated("PUT", "people/{userid}", updatePerson),
  authenticated("DELETE", "people/{userid}", deletePerson),
];
