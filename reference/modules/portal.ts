import type { ModuleData } from "../generic/module-data";
import { USER_SEEDS } from "../store/seed-records";

// The reads of portal the hand-written route (GET portal, reference/routes/settings.ts) does not
// serve. Users are the seeded ones, so an id GET people/@self returns names the same person here.
const data: ModuleData = {
  module: "portal",
  collections: {
    users: { schema: "people/user-info.json", seeds: USER_SEEDS },
  },
  values: {
    title: ["Portal Administrator", "Lead Developer", "Marketing Specialist"],
    location: ["Riga", "London"],
    cultureName: ["en-US", "de-DE"],
    notes: ["Works part-time.", "Joined in March."],
    name: ["Startup", "Business"],
  },
  routes: [
    {
      path: "portal/users/{userID}",
      schema: "people/user-info.json",
      ids: { userID: "users" },
      record: "userID",
    },
    { path: "portal/users/invite/{employeeType}", schema: "primitives/string.json" },
    { path: "portal/usedspace", schema: "primitives/double.json" },
    { path: "portal/userscount", schema: "primitives/long.json" },
    { path: "portal/tariff", schema: "portal/tariff.json" },
    { path: "portal/quota", schema: "portal/tenant-quota.json" },
    { path: "portal/quota/right", schema: "portal/tenant-quota.json" },
    { path: "portal/getbackuphistory", schema: "portal/backup-history-record-list.json" },
    { path: "portal/search", schema: "portal/get-search-settings.json" },
    { path: "portal/search/state", schema: "portal/check-search-available.json" },
  ],
};

export default data;
