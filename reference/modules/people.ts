import type { ModuleData } from "../generic/module-data";
import { USER_SEEDS } from "../store/seed-records";

// The reads of people the hand-written routes (reference/routes/people.ts) do not serve. Users are
// the seeded ones, so an id the hand-written lists return names the same person here.
const data: ModuleData = {
  module: "people",
  collections: {
    users: { schema: "people/employee-wraper-full.json", seeds: USER_SEEDS },
  },
  routes: [
    { path: "people/status/{status}", schema: "people/employee-wraper-full-list.json", list: "users" },
    {
      path: "people/status/{status}/search",
      schema: "people/employee-wraper-full-list.json",
      list: "users",
    },
    { path: "people/import/status", schema: "people/get-status.json" },
    { path: "people/filter", schema: "people/employee-wraper-full-list.json", list: "users" },
    { path: "people/simple/filter", schema: "people/employee-wraper-list.json", list: "users" },
    {
      path: "people/{userid}/photo",
      schema: "people/thumbnails-data-wrapper.json",
      ids: { userid: "users" },
    },
  ],
};

export default data;
