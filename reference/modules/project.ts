import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts, then reviewed: seeds, and lists answering their collection.
const data: ModuleData = {
  module: "project",
  // Ids are integers (route constraints [0-9]+); distinct ranges keep a project id from naming a task.
  collections: {
    projects: {
      schema: "project/project-wrapper-full.json",
      firstId: 101,
      seeds: [
        { title: "Website redesign", description: "New layout and content for the public site.", status: 0 },
        { title: "Mobile app launch", description: "Release 2.0 of the field app.", status: 0 },
        { title: "Office move", description: "Move the Riga office to the new building.", status: 1 },
      ],
    },
    milestones: {
      schema: "project/milestone-wrapper.json",
      firstId: 201,
      seeds: [{ title: "Design approved" }, { title: "Beta release" }, { title: "Contracts signed" }],
    },
    tasks: {
      schema: "project/task-wrapper-full.json",
      firstId: 301,
      seeds: [
        { title: "Draft the home page", description: "Wireframes for desktop and mobile." },
        { title: "Write release notes" },
        { title: "Book the movers" },
        { title: "Review the budget" },
      ],
    },
    messages: {
      schema: "project/message-wrapper-full.json",
      firstId: 401,
      seeds: [
        { title: "Kick-off notes", text: "Agenda and owners for the first sprint." },
        { title: "Beta feedback" },
      ],
    },
    templates: {
      schema: "project/object-wrapper-base.json",
      firstId: 501,
      seeds: [{ title: "Marketing campaign" }, { title: "Software release" }],
    },
    tags: {
      schema: "project/object-wrapper-base.json",
      firstId: 601,
      seeds: [{ title: "web" }, { title: "mobile" }, { title: "facilities" }],
    },
  },
  values: {
    title: ["Website redesign", "Quarterly report", "Design review", "Release checklist"],
    description: ["Agreed with the customer on Monday.", "See the attached brief."],
    text: ["Please review before Friday.", "Notes from the weekly call."],
  },
  routes: [
    { path: "project/message/filter", list: "messages" },
    {
      path: "project/{projectid}/message",
      ids: { projectid: "projects" },
      list: "messages",
      constraints: { projectid: "[0-9]+" },
    },
    {
      path: "project/message/{messageid}",
      ids: { messageid: "messages" },
      record: "messageid",
      constraints: { messageid: "[0-9]+" },
    },
    {
      path: "project/message/{messageid}/files",
      ids: { messageid: "messages" },
      constraints: { messageid: "[0-9]+" },
    },
    { path: "project/message", list: "messages" },
    {
      path: "project/message/{messageid}/comment",
      ids: { messageid: "messages" },
      constraints: { messageid: "[0-9]+" },
    },
    {
      path: "project/message/{messageid}/subscribe",
      ids: { messageid: "messages" },
      constraints: { messageid: "[0-9]+" },
    },
    {
      path: "project/message/{messageid}/subscribes",
      ids: { messageid: "messages" },
      constraints: { messageid: "[0-9]+" },
    },
    { path: "project/milestone", list: "milestones" },
    { path: "project/milestone/upcoming", list: "milestones" },
    { path: "project/milestone/filter", list: "milestones" },
    { path: "project/milestone/late", list: "milestones" },
    {
      path: "project/milestone/{year}/{month}/{day}",
      list: "milestones",
    },
    {
      path: "project/milestone/{year}/{month}",
      list: "milestones",
    },
    {
      path: "project/milestone/{id}",
      ids: { id: "milestones" },
      record: "id",
      constraints: { id: "[0-9]+" },
    },
    {
      path: "project/milestone/{id}/task",
      ids: { id: "milestones" },
      list: "tasks",
      constraints: { id: "[0-9]+" },
    },
    { path: "project", list: "projects" },
    { path: "project/@self", list: "projects" },
    { path: "project/@follow", list: "projects" },
    {
      path: "project/{status}",
      list: "projects",
      constraints: { status: "(open|paused|closed)" },
    },
    {
      path: "project/{id}",
      ids: { id: "projects" },
      record: "id",
      constraints: { id: "[0-9]+" },
    },
    { path: "project/filter", list: "projects" },
    {
      path: "project/{id}/@search/{query}",
      ids: { id: "projects" },
      constraints: { id: "[0-9]+" },
    },
    { path: "project/@search/{query}" },
    {
      path: "project/{id}/time",
      ids: { id: "projects" },
      constraints: { id: "[0-9]+" },
    },
    {
      path: "project/{id}/time/total",
      ids: { id: "projects" },
      constraints: { id: "[0-9]+" },
    },
    {
      path: "project/{id}/milestone",
      ids: { id: "projects" },
      list: "milestones",
      constraints: { id: "[0-9]+" },
    },
    {
      path: "project/{id}/milestone/{status}",
      ids: { id: "projects" },
      list: "milestones",
      constraints: { id: "[0-9]+", status: "(open|closed|late|disable)" },
    },
    {
      path: "project/{projectid}/team",
      ids: { projectid: "projects" },
      constraints: { projectid: "[0-9]+" },
    },
    {
      path: "project/{projectid}/teamExcluded",
      ids: { projectid: "projects" },
      constraints: { projectid: "[0-9]+" },
    },
    {
      path: "project/{projectid}/task",
      ids: { projectid: "projects" },
      list: "tasks",
      constraints: { projectid: "[0-9]+" },
    },
    {
      path: "project/{projectid}/task/{status}",
      ids: { projectid: "projects" },
      list: "tasks",
      constraints: {
        projectid: "[0-9]+",
        status: "(notaccept|open|closed|disable|unclassified|notinmilestone)",
      },
    },
    {
      path: "project/{projectid}/task/@self/{status}",
      ids: { projectid: "projects" },
      list: "tasks",
      constraints: {
        projectid: "[0-9]+",
        status: "(notaccept|open|closed|disable|unclassified|notinmilestone)",
      },
    },
    {
      path: "project/{id}/files",
      ids: { id: "projects" },
      constraints: { id: "[0-9]+" },
    },
    { path: "project/template", list: "templates" },
    {
      path: "project/template/{id}",
      ids: { id: "templates" },
      record: "id",
      constraints: { id: "[0-9]+" },
    },
    { path: "project/report/status" },
    { path: "project/report/terminate" },
    { path: "project/report/files" },
    { path: "project/tag", list: "tags" },
    { path: "project/tag/{tag}", list: "projects" },
    {
      path: "project/tag/search",
      list: "tags",
    },
    { path: "project/task/@self", list: "tasks" },
    {
      path: "project/task/@self/{status}",
      list: "tasks",
      constraints: { status: "(notaccept|open|closed|disable|unclassified|notinmilestone)" },
    },
    {
      path: "project/task/{taskid}",
      ids: { taskid: "tasks" },
      record: "taskid",
      constraints: { taskid: "[0-9]+" },
    },
    { path: "project/task/filter", list: "tasks" },
    {
      path: "project/task/{taskid}/files",
      ids: { taskid: "tasks" },
      constraints: { taskid: "[0-9]+" },
    },
    {
      path: "project/task/{taskid}/comment",
      ids: { taskid: "tasks" },
      constraints: { taskid: "[0-9]+" },
    },
    {
      path: "project/task/{taskid}/notify",
      ids: { taskid: "tasks" },
      record: "taskid",
      constraints: { taskid: "[0-9]+" },
    },
    {
      path: "project/task/{taskid}/subscribe",
      ids: { taskid: "tasks" },
      constraints: { taskid: "[0-9]+" },
    },
    { path: "project/time/filter" },
    { path: "project/time/filter/total" },
    {
      path: "project/task/{taskid}/time",
      ids: { taskid: "tasks" },
      constraints: { taskid: "[0-9]+" },
    },
    { path: "project/settings" },
    { path: "project/status" },
  ],
};

export default data;
