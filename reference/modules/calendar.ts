import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts, then reviewed. A calendar's id is its `objectId`, a string: an
// integer for a user's calendar, a name for an external one (birthdays), as CalendarWrapper carries it.
const data: ModuleData = {
  module: "calendar",
  collections: {
    calendars: {
      schema: "calendar/calendar-wrapper.json",
      idMember: "objectId",
      seeds: [
        {
          objectId: "users_birthdays",
          title: "Birthdays",
          description: "Birthdays of the portal's users.",
          isSubscription: true,
          isEditable: false,
        },
        {
          objectId: "12",
          title: "Team events",
          description: "Shared by the office manager.",
          isSubscription: true,
        },
        {
          objectId: "3",
          title: "My calendar",
          description: "",
          isSubscription: false,
          isEditable: true,
        },
      ],
    },
  },
  values: {
    textColor: ["#ffffff", "#000000"],
    backgroundColor: ["#e3a12b", "#5bb2e3", "#87b254"],
    name: ["Full access", "Read only"],
  },
  routes: [
    {
      path: "calendar/calendars/{startDate}/{endDate}",
      schema: "calendar/calendar-wrapper-list.json",
      list: "calendars",
    },
    {
      path: "calendar/calendar/{calendarId}/{startDate}/{endDate}",
      schema: "calendar/calendar-wrapper.json",
      ids: { calendarId: "calendars" },
      record: "calendarId",
    },
    { path: "calendar/subscriptions", schema: "calendar/subscription-wrapper-list.json", list: "calendars" },
    {
      path: "calendar/{calendarId}",
      schema: "calendar/calendar-wrapper.json",
      ids: { calendarId: "calendars" },
      record: "calendarId",
    },
    {
      path: "calendar/{calendarId}/icalurl",
      schema: "primitives/string.json",
      ids: { calendarId: "calendars" },
    },
    {
      path: "calendar/{calendarId}/caldavurl",
      schema: "calendar/dav-response.json",
      ids: { calendarId: "calendars" },
    },
    {
      path: "calendar/{calendarId}/sharing",
      schema: "calendar/public-item-collection.json",
      ids: { calendarId: "calendars" },
    },
    { path: "calendar/sharing", schema: "calendar/public-item-collection.json" },
  ],
};

export default data;
