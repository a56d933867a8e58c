import type { User } from "../store/model";
import { groupsOf } from "../store/queries";
import { formatApiDate } from "../wire/api-date";
import type { JsonObject } from "../wire/json-value";
import type { WrapContext } from "./context";

const AVATAR = "/skins/default/images/default_user_photo_size_";

const htmlEncode = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const nonEmpty = (text: string | undefined) => (text ? text : undefined);

export function displayName(user: User): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

/** The person-missing-display-name fault removes the member from both wrappers, here only. */
function displayNameMember(user: User, context: WrapContext): string | undefined {
  return context.faults.has("person-missing-display-name") ? undefined : displayName(user);
}

function profileUrl(user: User, context: WrapContext): string {
  return `${context.portalUrl}Products/People/Profile.aspx?user=${encodeURIComponent(user.userName)}`;
}

/** EmployeeWraper (facts §7): the summary form used inside groups and files. */
export function personSummary(user: User, context: WrapContext): JsonObject {
  return {
    id: user.id,
    displayName: displayNameMember(user, context),
    title: nonEmpty(user.title),
    avatarSmall: `${AVATAR}32-32.png`,
    profileUrl: profileUrl(user, context),
  };
}

/** EmployeeWraperFull (facts §7). Members that are omitted when empty are left undefined. */
export function personFull(user: User, context: WrapContext): JsonObject {
  const groups = groupsOf(context.store, user.id);
  const managerName = (managerId: string | undefined) =>
    (managerId && context.store.users.get(managerId)?.userName) || "";
  return {
    id: user.id,
    userName: user.userName,
    isVisitor: user.isVisitor,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    birthday: user.birthday && formatApiDate(user.birthday),
    sex: user.sex,
    status: user.status ?? 1, // EmployeeStatus: Active, or Terminated once suspended
    activationStatus: 1, // Activated
    terminated: null,
    department: groups.map((group) => htmlEncode(group.name)).join(", "),
    workFrom: user.workFrom && formatApiDate(user.workFrom),
    location: nonEmpty(user.location),
    title: nonEmpty(user.title),
    notes: nonEmpty(user.notes),
    contacts: user.contacts.length > 0 ? user.contacts.map((contact) => ({ ...contact })) : undefined,
    groups:
      groups.length > 0
        ? groups.map((group) => ({ id: group.id, name: group.name, manager: managerName(group.managerId) }))
        : undefined,
    displayName: displayNameMember(user, context),
    avatarMedium: `${AVATAR}48-48.png`,
    avatar: `${AVATAR}82-82.png`,
    isAdmin: user.isAdmin,
    isLDAP: false,
    listAdminModules: user.listAdminModules.length > 0 ? [...user.listAdminModules] : undefined,
    isOwner: user.isOwner,
    cultureName: nonEmpty(user.cultureName),
    isSSO: false,
    avatarSmall: `${AVATAR}32-32.png`,
    quotaLimit: 0,
    usedSpace: 0,
    docsSpace: 0,
    mailSpace: 0,
    talkSpace: 0,
    profileUrl: profileUrl(user, context),
  };
}
