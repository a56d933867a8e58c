import { ApiError, badRequest, forbidden, RecordNotFoundError } from "../http/errors";
import type { Contact, Store, User } from "../store/model";
import { findUser, findUserByEmail, isGuid } from "../store/queries";
import { personFull } from "../wrappers/person";
import { type AuthenticatedRequest, authenticated, type HandlerResult, type Route } from "./route";

// The writes of people beyond add, update and delete (module/ASC.Api/ASC.Employee/EmployeeApi.cs).

/** A plain Exception: 12.x answers 500 "Server error" (workspace-api-facts.md, exceptions). */
const serverError = () => new ApiError(500, "Server error");

/** EmployeeStatus (common/ASC.Core.Common/Core/EmployeeStatus.cs:25-33): a name or a number binds. */
const EMPLOYEE_STATUS: Record<string, number> = {
  active: 1,
  terminated: 2,
  leaveofabsence: 4,
  default: 5,
  all: 7,
};
/** EmployeeType (common/ASC.Core.Common/Core/EmployeeType.cs:25-29). */
const EMPLOYEE_TYPE: Record<string, number> = { all: 0, user: 1, visitor: 2 };

/** A C# enum path parameter: a member's name or a defined number, else 400 at binding. */
function enumParam(request: AuthenticatedRequest, name: string, members: Record<string, number>): number {
  const text = request.params.required(name).toLowerCase();
  const value = /^\d+$/.test(text) ? Number(text) : members[text];
  if (value === undefined || !Object.values(members).includes(value)) throw badRequest();
  return value;
}

/** `userIds`: the known users among them, as GetUsers gives them (an unknown id is the lost user, left out). */
function usersOf(request: AuthenticatedRequest, name = "userIds"): User[] {
  const ids = request.params.list(name) ?? [];
  if (ids.some((id) => !isGuid(id))) throw badRequest();
  return ids.flatMap((id) => request.store.users.get(id.toLowerCase()) ?? []);
}

function requireUser(request: AuthenticatedRequest): User {
  const user = findUser(request.store, request.params.required("userid"));
  if (!user) throw new RecordNotFoundError("user not found");
  return user;
}

/** The user to change: a copy under update-ignored, so the answer shows the change and nothing keeps it. */
function writable(request: AuthenticatedRequest, user: User): User {
  return request.faults.has("update-ignored") ? structuredClone(user) : user;
}

const list = (request: AuthenticatedRequest, users: User[]): HandlerResult => ({
  outcome: "updated",
  response: users.map((user) => personFull(user, request)),
});

/** The thumbnails of a user (ThumbnailsDataWrapper): the default photo's sizes. */
function thumbnails(): HandlerResult {
  const photo = (size: string) => `/skins/default/images/default_user_photo_size_${size}.png`;
  return {
    outcome: "updated",
    response: {
      original: photo("200-200"),
      retina: photo("360-360"),
      max: photo("200-200"),
      big: photo("82-82"),
      medium: photo("48-48"),
      small: photo("32-32"),
    },
  };
}

/** Email and password: refused for a suspended user and for the owner by anyone else (EmployeeApi.cs:1105-1112, 1190-1197). */
function requireChangeable(request: AuthenticatedRequest): User {
  const user = requireUser(request);
  if (!request.user.isAdmin && request.user !== user) throw forbidden();
  if (user.status === 2 || (user.isOwner && user !== request.user)) throw forbidden();
  return user;
}

/** `contacts`: a list of { Type, Value }, read from `contacts[i][type]` keys (a JSON list flattens to them too). */
function contactsOf(request: AuthenticatedRequest): Contact[] {
  const contacts: Contact[] = [];
  for (let index = 0; request.params.value(`contacts[${index}][type]`) !== undefined; index++) {
    const type = request.params.value(`contacts[${index}][type]`) ?? "";
    contacts.push({ type, value: request.params.value(`contacts[${index}][value]`) ?? "" });
  }
  return contacts;
}

/** A contacts write: the user with its contacts set to `next` (EmployeeApi.cs:889-960). */
function changeContacts(request: AuthenticatedRequest, next: (user: User, sent: Contact[]) => Contact[]) {
  const user = writable(request, requireUser(request));
  user.contacts = next(user, contactsOf(request));
  return { outcome: "updated" as const, response: personFull(user, request) };
}

export const peopleWriteRoutes: Route[] = [
  // UpdateContacts clears the contacts before adding those sent, for PUT as for POST
  // (EmployeeApi.cs:641-648); DeleteContacts removes those of each type sent (652-666).
  authenticated("PUT", "people/{userid}/contacts", (request) => changeContacts(request, (_, sent) => sent)),
  authenticated("POST", "people/{userid}/contacts", (request) => changeContacts(request, (_, sent) => sent)),
  authenticated("DELETE", "people/{userid}/contacts", (request) =>
    changeContacts(request, (user, sent) =>
      user.contacts.filter((contact) => !sent.some((gone) => gone.type === contact.type)),
    ),
  ),
  // UpdateUserStatus: the owner and the caller keep theirs (EmployeeApi.cs:1389-1390).
  authenticated("PUT", "people/status/{status}", (request) => {
    if (!request.user.isAdmin) throw serverError();
    const status = enumParam(request, "status", EMPLOYEE_STATUS);
    const users = usersOf(request).map((user) => {
      if (user.isOwner || user === request.user) return user;
      const written = writable(request, user);
      if (status === 2) written.status = 2;
      if (status === 1) written.status = undefined;
      return written;
    });
    return list(request, users);
  }),
  // UpdateUserType: owners, admins and the caller keep theirs (EmployeeApi.cs:1333-1334).
  authenticated("PUT", "people/type/{type}", (request) => {
    const type = enumParam(request, "type", EMPLOYEE_TYPE);
    const users = usersOf(request).map((user) => {
      if (user.isOwner || user.isAdmin || user === request.user || type === 0) return user;
      const written = writable(request, user);
      written.isVisitor = type === 2;
      return written;
    });
    return list(request, users);
  }),
  // RemoveUsers deletes the suspended ones among them (EmployeeApi.cs:1493-1499).
  authenticated("PUT", "people/delete", (request) => {
    if (!request.user.isAdmin) throw serverError();
    const users = usersOf(request);
    if (!request.faults.has("delete-does-nothing"))
      for (const user of users) if (user.status === 2) removeUser(request.store, user);
    return list(request, users);
  }),
  authenticated("PUT", "people/{userid}/email", (request) => {
    const email = request.params.required("email");
    if (findUserByEmail(request.store, email)) throw serverError(); // ErrorEmailAlreadyExists
    const user = writable(request, requireChangeable(request));
    user.email = email.toLowerCase();
    return { outcome: "updated", response: personFull(user, request) };
  }),
  authenticated("PUT", "people/{userid}/password", (request) => {
    const user = writable(request, requireChangeable(request));
    const password = request.params.value("password");
    if (password) user.password = password;
    return { outcome: "updated", response: personFull(user, request) };
  }),
  ...(
    [
      ["PUT", "people/{userid}/photo"],
      ["DELETE", "people/{userid}/photo"],
      ["POST", "people/{userid}/photo/thumbnails"],
    ] as const
  ).map(([method, path]) =>
    authenticated(method, path, (request) => {
      requireUser(request);
      return thumbnails();
    }),
  ),
  // RemindAboutBirthday answers onRemind (EmployeeApi.cs:1543-1547).
  authenticated("POST", "people/birthdays/reminder", (request) => ({
    outcome: "updated",
    response: request.params.boolean("onRemind") ?? false,
  })),
  // TerminateReassign, TerminateRemove: void (EmployeeApi.cs:1660-1664, 1747-1751).
  authenticated("PUT", "people/reassign/terminate", () => ({ outcome: "updated" })),
  authenticated("PUT", "people/remove/terminate", () => ({ outcome: "updated" })),
];

/** A user gone: out of every group, its sessions ended. */
export function removeUser(store: Store, user: User): void {
  store.users.delete(user.id);
  for (const group of store.groups.values()) {
    group.memberIds = group.memberIds.filter((id) => id !== user.id);
    if (group.managerId === user.id) group.managerId = undefined;
  }
  for (const [token, session] of store.sessions) if (session.userId === user.id) store.sessions.delete(token);
}

/** DeleteMember refuses a user who is not suspended (EmployeeApi.cs:861-862). */
export function requireSuspended(user: User): void {
  if (user.status !== 2) throw serverError();
}
