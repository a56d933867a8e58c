import type { ModuleData } from "../generic/module-data";
import { USER_SEEDS } from "../store/seed-records";

// The reads of people the hand-written routes (reference/routes/people.ts) do not serve. Users are
// the seeded ones, so an id the hand-written lists return names the same person here.
const data: ModuleData = {
  module: "people",
  collections: {
    // A fresh portal: its admin (the first seed), as the install creates it.
    users: {
      schema: "people/employee-wraper-full.json",
      seeds: USER_SEEDS,
      fresh: { records: 1, madeBy: "install", source: "build/sql/onlyoffice.data.sql:14" },
    },
  },
  // Plausible values by member name for what the seeds do not give (reference/wrappers/person.ts' photos).
  values: {
    avatarSmall: ["/skins/default/images/default_user_photo_size_32-32.png"],
    avatarMedium: ["/skins/default/images/default_user_photo_size_48-48.png"],
    avatar: ["/skins/default/images/default_user_photo_size_82-82.png"],
    original: ["/skins/default/images/default_user_photo_size_200-200.png"],
    retina: ["/skins/default/images/default_user_photo_size_360-360.png"],
    max: ["/skins/default/images/default_user_photo_size_200-200.png"],
    big: ["/skins/default/images/default_user_photo_size_82-82.png"],
    medium: ["/skins/default/images/default_user_photo_size_48-48.png"],
    small: ["/skins/default/images/default_user_photo_size_32-32.png"],
    title: ["Lead Developer", "Marketing Specialist", "Accountant"],
    department: ["Development", "Marketing"],
    location: ["Riga", "London"],
    cultureName: ["en-US", "de-DE"],
  },
  routes: [
    { path: "people/status/{status}", list: "users" },
    {
      path: "people/status/{status}/search",
      list: "users",
    },
    { path: "people/import/status" },
    { path: "people/filter", list: "users" },
    { path: "people/simple/filter", list: "users" },
    {
      path: "people/{userid}/photo",
      ids: { userid: "users" },
    },
  ],
};

export default data;
