import type { ModuleData } from "../generic/module-data";
import { GROUP_SEEDS } from "../store/seed-records";

// The reads of group the hand-written routes (reference/routes/groups.ts) do not serve. Groups are
// the seeded ones, so a name GET group lists finds them.
const data: ModuleData = {
  module: "group",
  collections: {
    groups: { schema: "group/group-wrapper-summary.json", seeds: GROUP_SEEDS },
  },
  routes: [
    { path: "group/search", list: "groups" },
    // Any user id: whether the server answers an unknown one 404 or [] is not established, so the
    // contract asks no unknown-id question here.
    { path: "group/user/{userid}", list: "groups" },
  ],
};

export default data;
