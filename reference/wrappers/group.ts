import type { Group } from "../store/model";
import { EMPTY_GUID } from "../store/queries";
import type { JsonObject } from "../wire/json-value";
import type { WrapContext } from "./context";
import { personSummary } from "./person";

/** GroupWrapperSummary: `manager` is the manager's userName, always present ("" when none). */
export function groupSummary(group: Group, context: WrapContext): JsonObject {
  const manager = group.managerId ? context.store.users.get(group.managerId) : undefined;
  return { id: group.id, name: group.name, manager: manager?.userName ?? "" };
}

/**
 * GroupWrapperFull; `withMembers: false` is the shape DELETE answers with. `manager` has no
 * EmitDefaultValue=false, so it is always written, null when the group has none (wrappers.md, GroupWrapperFull).
 */
export function groupFull(group: Group, context: WrapContext, withMembers = true): JsonObject {
  const manager = group.managerId ? context.store.users.get(group.managerId) : undefined;
  const members = group.memberIds.flatMap((id) => {
    const user = context.store.users.get(id);
    return user ? [personSummary(user, context)] : [];
  });
  return {
    id: group.id,
    name: group.name,
    category: EMPTY_GUID,
    parent: EMPTY_GUID,
    description: null,
    manager: manager ? personSummary(manager, context) : null,
    members: withMembers ? members : undefined,
  };
}
