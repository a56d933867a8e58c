import type { GenericWrite, ModuleData } from "../generic/module-data";
import { writeOf } from "../generic/write-of";

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
    // Events and tasks have integer ids carried as text (EventWrapper, TodoWrapper objectId); no read
    // lists them outside a calendar read between dates, so the seeds only set the ids' kind.
    events: {
      schema: "calendar/event-wrapper.json",
      idMember: "objectId",
      count: 1,
      seeds: [{ objectId: "5001", title: "Team meeting" }],
    },
    todos: {
      schema: "calendar/todo-wrapper.json",
      idMember: "objectId",
      count: 1,
      seeds: [{ objectId: "6001", title: "Book the room" }],
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
    // Answers computed or hooks acting on the CalDAV server, which the reference does not model:
    // GetUtcOffsets (CalendarApi.cs:3946-3955); the CalDAV hooks, void, log what fails (3681, 3733,
    // 3782, 3849, 3973).
    { method: "POST", path: "calendar/utcoffset" },
    { method: "POST", path: "calendar/outsideevent" },
    { method: "DELETE", path: "calendar/caldavprojcal" },
    { method: "PUT", path: "calendar/refreshcaldavcalendar" },
    { method: "DELETE", path: "calendar/caldavevent" },
    { method: "PUT", path: "calendar/caldavevent" },
  ],
  writes: calendarWrites(),
};

/** The writes of calendars, events and tasks (module/ASC.Api/ASC.Api.Calendar/CalendarApi.cs). */
function calendarWrites(): GenericWrite[] {
  const calendar = {
    title: "name",
    description: "description",
    textColor: "textColor",
    backgroundColor: "backgroundColor",
  };
  const event = { title: "name", description: "description" };
  const nothing = { answer: "nothing" } as const;
  return [
    // CreateCalendar, UpdateCalendar, UpdateCalendarView (CalendarApi.cs:618, 795, 988); RemoveCalendar is void (1024).
    { method: "POST", path: "calendar", creates: "calendars", from: calendar },
    writeOf("PUT", "calendar/{calendarId}", "calendarId", "calendars", { from: calendar }),
    writeOf("PUT", "calendar/{calendarId}/view", "calendarId", "calendars", {
      from: { title: "name", textColor: "textColor", backgroundColor: "backgroundColor" },
    }),
    writeOf("DELETE", "calendar/{calendarId}", "calendarId", "calendars", nothing),
    // ImportEvents answers how many events it added to the calendar, from an iCal string or the posted
    // files (CalendarApi.cs:2839-2852, 2761-2779), whose delete removes them (DataProvider.cs:800-811):
    // no read here lists them, so none are kept.
    {
      method: "POST",
      path: "calendar/importIcs",
      ids: { calendarId: "calendars" },
      bodyIds: ["calendarId"],
      acts: true,
      makes: true,
    },
    {
      method: "POST",
      path: "calendar/{calendarId}/import",
      ids: { calendarId: "calendars" },
      acts: true,
      makes: true,
    },
    // AddEvent answers the new event's occurrences (CalendarApi.cs:3156, 3192, 4080).
    { method: "POST", path: "calendar/event", creates: "events", from: event },
    {
      method: "POST",
      path: "calendar/{calendarId}/event",
      ids: { calendarId: "calendars" },
      parent: "calendarId",
      creates: "events",
      from: event,
    },
    writeOf("PUT", "calendar/{calendarId}/{eventId}", "eventId", "events", {
      ids: { calendarId: "calendars", eventId: "events" },
      from: event,
      constraints: { eventId: "^\\d+$" },
    }),
    { method: "POST", path: "calendar/icsevent", creates: "events" },
    writeOf("PUT", "calendar/icsevent", "eventId", "events", { bodyIds: ["eventId"] }),
    // RemoveEvent and UnsubscribeEvent are void (CalendarApi.cs:4802, 5160); the custom removal
    // answers the series left.
    writeOf("DELETE", "calendar/events/{eventId}", "eventId", "events", nothing),
    writeOf("DELETE", "calendar/events/{eventId}/custom", "eventId", "events"),
    writeOf("DELETE", "calendar/events/{eventId}/unsubscribe", "eventId", "events", nothing),
    // AddTodo, UpdateTodo answer the task (CalendarApi.cs:3372, 3484); RemoveTodo is void (3592).
    { method: "POST", path: "calendar/icstodo", creates: "todos" },
    writeOf("PUT", "calendar/icstodo", "todoId", "todos", { bodyIds: ["todoId"] }),
    writeOf("DELETE", "calendar/todos/{todoId}", "todoId", "todos", nothing),
  ];
}

export default data;
