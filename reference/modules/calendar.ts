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
          objectId: "shared_events",
          title: "Events shared with me",
          description: "",
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
      // The external calendars every user who is no visitor has: birthdays and shared events (the first
      // two seeds). The user's own is made by the first read of calendars/{startDate}/{endDate}.
      fresh: {
        records: 2,
        madeBy: "install",
        source: "module/ASC.Api/ASC.Api.Calendar/CalendarApi.cs:170-180",
      },
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
      list: "calendars",
    },
    {
      path: "calendar/calendar/{calendarId}/{startDate}/{endDate}",
      ids: { calendarId: "calendars" },
      record: "calendarId",
    },
    { path: "calendar/subscriptions", list: "calendars" },
    {
      path: "calendar/{calendarId}",
      ids: { calendarId: "calendars" },
      record: "calendarId",
    },
    {
      path: "calendar/{calendarId}/icalurl",
      ids: { calendarId: "calendars" },
    },
    {
      path: "calendar/{calendarId}/caldavurl",
      ids: { calendarId: "calendars" },
    },
    {
      path: "calendar/{calendarId}/sharing",
      ids: { calendarId: "calendars" },
    },
    { path: "calendar/sharing" },
  ],
};

export default data;
