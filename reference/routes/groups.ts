import { randomUUID } from "node:crypto";
import { badRequest, forbidden, RecordNotFoundError } from "../http/errors";
import type { Group } from "../store/model";
import { isGuid } from "../store/queries";
import { groupFull, groupSummary } from "../wrappers/group";
import { type AuthenticatedRequest, authenticated, type HandlerResult, type Route } from "./route";

/** A user id parameter: 400 when it is not a GUID, 404 when nobody has it. */
function userId(request: AuthenticatedRequest, id: string): string {
  if (!isGuid(id)) throw badRequest();
  const user = request.store.users.get(id.toLowerCase());
  if (!user) throw new RecordNotFoundError("User not found");
  return user.id;
}

function requireGroup(request: AuthenticatedRequest, param = "groupid"): Group {
  const id = request.params.required(param);
  if (!isGuid(id)) throw badRequest();
  const group = request.store.groups.get(id.toLowerCase());
  if (!group) throw new RecordNotFoundError("group not found");
  return group;
}

function requireAdmin(request: AuthenticatedRequest): void {
  if (!request.user.isAdmin) throw forbidden();
}

/** groupManager and members, when given: the manager is always a member too. */
function applyMembership(request: AuthenticatedRequest, group: Group): void {
  const members = request.params.list("members");
  if (members) group.memberIds = [...new Set(members.map((id) => userId(request, id)))];
  const manager = request.params.text("groupManager");
  if (manager) group.managerId = userId(request, manager);
  if (group.managerId && !group.memberIds.includes(group.managerId)) group.memberIds.push(group.managerId);
}

/** Sets the members to `next` of those there and those sent (`members`, GUIDs of known users). */
function changeMembers(
  request: AuthenticatedRequest,
  next: (group: Group, members: string[]) => string[],
  admin = true,
): HandlerResult {
  if (admin) requireAdmin(request);
  const stored = requireGroup(request);
  const group = request.faults.has("update-ignored") ? structuredClone(stored) : stored;
  const members = (request.params.list("members") ?? []).map((id) => userId(request, id));
  group.memberIds = [...new Set(next(group, members))];
  if (group.managerId && !group.memberIds.includes(group.managerId)) group.managerId = undefined;
  return { outcome: "updated", response: groupFull(group, request) };
}

export const groupRoutes: Route[] = [
  authenticated("GET", "group", (request) => ({
    outcome: "read",
    response: [...request.store.groups.values()].map((group) => groupSummary(group, request)),
  })),
  authenticated("GET", "group/{groupid}", (request) => ({
    outcome: "read",
    response: groupFull(requireGroup(request), request),
  })),
  authenticated("POST", "group", (request) => {
    requireAdmin(request);
    const group: Group = { id: randomUUID(), name: request.params.required("groupName"), memberIds: [] };
    applyMembership(request, group);
    if (!request.faults.has("create-not-stored")) request.store.groups.set(group.id, group);
    return { outcome: "created", response: groupFull(group, request) };
  }),
  authenticated("PUT", "group/{groupid}", (request) => {
    requireAdmin(request);
    const stored = requireGroup(request);
    const group = request.faults.has("update-ignored") ? structuredClone(stored) : stored;
    group.name = request.params.text("groupName") || group.name;
    applyMembership(request, group);
    return { outcome: "updated", response: groupFull(group, request) };
  }),
  // The membership writes answer the group as it then is (GroupsApi.cs:265, 284, 308, 338, 362).
  authenticated("PUT", "group/{groupid}/members", (request) =>
    changeMembers(request, (group, members) => [...group.memberIds, ...members]),
  ),
  // SetMembersTo demands no permission of its own (GroupsApi.cs:280-285).
  authenticated("POST", "group/{groupid}/members", (request) =>
    changeMembers(request, (_, members) => members, false),
  ),
  authenticated("DELETE", "group/{groupid}/members", (request) =>
    changeMembers(request, (group, members) => group.memberIds.filter((id) => !members.includes(id))),
  ),
  authenticated("PUT", "group/{groupid}/members/{newgroupid}", (request) => {
    requireAdmin(request);
    const from = requireGroup(request);
    const stored = requireGroup(request, "newgroupid");
    const to = request.faults.has("update-ignored") ? structuredClone(stored) : stored;
    to.memberIds = [...new Set([...to.memberIds, ...from.memberIds])];
    return { outcome: "updated", response: groupFull(to, request) };
  }),
  // SetManager: an unknown user is 404 (GroupsApi.cs:330-331); the manager joins the group.
  authenticated("PUT", "group/{groupid}/manager", (request) => {
    const stored = requireGroup(request);
    const group = request.faults.has("update-ignored") ? structuredClone(stored) : stored;
    group.managerId = userId(request, request.params.required("userid"));
    if (!group.memberIds.includes(group.managerId)) group.memberIds.push(group.managerId);
    return { outcome: "updated", response: groupFull(group, request) };
  }),
  authenticated("DELETE", "group/{groupid}", (request) => {
    requireAdmin(request);
    const group = requireGroup(request);
    if (!request.faults.has("delete-does-nothing")) request.store.groups.delete(group.id);
    return { outcome: "deleted", response: groupFull(group, request, false) };
  }),
];
