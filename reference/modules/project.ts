import type { GenericWrite, ModuleData } from "../generic/module-data";

const API = "module/ASC.Api/ASC.Api.Projects";
const TASK = { title: "title", description: "description", priority: "priority" };
const TIME = { note: "note", hours: "hours" };
const SUBTASK = { taskid: "tasks", subtaskid: "subtasks" };
const SUBTASK_OF_TASK = { parent: "taskid", parentMember: "taskId", creates: "subtasks" };

/** A write whose path names records by integer ids (the server's route constraints, [0-9]+). */
function write(
  method: GenericWrite["method"],
  path: string,
  ids: Record<string, string>,
  rest: Omit<GenericWrite, "method" | "path" | "ids">,
): GenericWrite {
  const constraints = Object.fromEntries(Object.keys(ids).map((name) => [name, "[0-9]+"]));
  return { method, path, ids, constraints, ...rest };
}

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
    subtasks: {
      schema: "project/subtask-wrapper.json",
      firstId: 701,
      seeds: [{ title: "Pick the fonts" }, { title: "Check the links" }],
    },
    // A comment's id is a Guid (CommentWrapper.Id).
    comments: {
      schema: "project/comment-wrapper.json",
      seeds: [{ text: "Looks good to me." }, { text: "Can we move this to Friday?" }],
    },
    timeEntries: {
      schema: "project/time-wrapper.json",
      firstId: 801,
      seeds: [
        { note: "Wireframes", hours: 2 },
        { note: "Review call", hours: 1 },
      ],
    },
    // Custom task statuses; GetStatuses adds a default of each type none overrides (StatusEngine.cs:75-88),
    // ids -1 and -2 (CustomStatus.cs:98-110).
    taskStatuses: {
      schema: "project/custom-task-status.json",
      fresh: {
        madeBy: "install",
        records: 2,
        source: "web/studio/ASC.Web.Studio/Products/Projects/Core/Engine/StatusEngine.cs:75-88",
      },
      seeds: [
        { id: -1, title: "Open", statusType: 1, isDefault: true, available: true, order: 0 },
        { id: -2, title: "Closed", statusType: 2, isDefault: true, available: true, order: 0 },
      ],
    },
    // The caller's settings, one record: the defaults (ProjectsCommonSettings.cs:63-71).
    settings: {
      schema: "project/projects-common-settings.json",
      count: 1,
      fresh: {
        madeBy: "install",
        records: 1,
        source: "web/studio/ASC.Web.Studio/Products/Projects/Classes/ProjectsCommonSettings.cs:63-71",
      },
      seeds: [{ everebodyCanCreate: false, hideEntitiesInPausedProjects: true, startModuleType: 1 }],
    },
    reportTemplates: {
      schema: "project/report-template-wrapper.json",
      firstId: 901,
      seeds: [{ title: "Weekly open tasks" }],
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
      of: "projectid",
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
      list: "comments",
      of: "messageid",
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
      // The run's tasks are in no milestone.
      of: "id",
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
      of: "id",
      constraints: { id: "[0-9]+" },
    },
    {
      path: "project/{id}/milestone/{status}",
      ids: { id: "projects" },
      list: "milestones",
      of: "id",
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
      of: "projectid",
      constraints: { projectid: "[0-9]+" },
    },
    {
      path: "project/{projectid}/task/{status}",
      ids: { projectid: "projects" },
      list: "tasks",
      of: "projectid",
      constraints: {
        projectid: "[0-9]+",
        status: "(notaccept|open|closed|disable|unclassified|notinmilestone)",
      },
    },
    {
      path: "project/{projectid}/task/@self/{status}",
      ids: { projectid: "projects" },
      list: "tasks",
      of: "projectid",
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
      list: "comments",
      of: "taskid",
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
      list: "timeEntries",
      of: "taskid",
      constraints: { taskid: "[0-9]+" },
    },
    { path: "project/settings", singleton: "settings" },
    { path: "project/status", list: "taskStatuses" },
  ],
  writes: [
    // CreateProject refuses an empty title or responsible (ProjectApi.Projects.cs:272-273);
    // withSecurity creates the same way (373-384).
    ...["project", "project/withSecurity"].map((path) =>
      write(
        "POST",
        path,
        {},
        {
          creates: "projects",
          from: { title: "title", description: "description" },
          required: { params: ["title", "responsibleId"], source: `${API}/ProjectApi.Projects.cs:272-273` },
        },
      ),
    ),
    // UpdateProject refuses an empty title or responsible (ProjectApi.Projects.cs:424-425);
    // withSecurityInfo updates the same way (487-499).
    ...["project/{id}", "project/{id}/withSecurityInfo"].map((path) =>
      write(
        "PUT",
        path,
        { id: "projects" },
        {
          updates: "id",
          from: { title: "title", description: "description" },
          required: { params: ["title", "responsibleId"], source: `${API}/ProjectApi.Projects.cs:424-425` },
        },
      ),
    ),
    // The status (518-526), the follow toggle (612-632), the tags by name or id (648-680) answer the
    // project, as DeleteProject does (546-556); DeleteProjects skips what it cannot delete (574-591).
    write("PUT", "project/{id}/status", { id: "projects" }, { updates: "id", from: { status: "status" } }),
    write("PUT", "project/{projectid}/follow", { projectid: "projects" }, { updates: "projectid" }),
    write("PUT", "project/{id}/tag", { id: "projects" }, { updates: "id" }),
    // Tags by ids, and the delete, sweep the tags no project uses (TagDao.cs:139-152, ProjectDao.cs:648):
    // here, those made naming the project (POST project/tag).
    write("PUT", "project/{id}/tags", { id: "projects" }, { updates: "id", sweeps: "tags" }),
    write("DELETE", "project/{id}", { id: "projects" }, { deletes: "id", sweeps: "tags" }),
    // CreateNewTag refuses empty data (ProjectApi.Tags.cs:62) and answers the tag (67). It binds data
    // alone: the contract names the run's project beside it, whose retagging sweeps the tag.
    {
      method: "POST",
      path: "project/tag",
      ids: { projectid: "projects" },
      bodyIds: ["projectid"],
      parent: "projectid",
      creates: "tags",
      from: { title: "data" },
      required: { params: ["data"], source: `${API}/ProjectApi.Tags.cs:62` },
    },
    write(
      "DELETE",
      "project",
      {},
      { batch: { param: "projectids", collection: "projects" }, deletes: "projectids" },
    ),
    // AddProjectMilestone (ProjectApi.Projects.cs:744-765); UpdateMilestone (261-290), its status
    // (315-326), DeleteMilestone (340-351), DeleteMilestones (366-384) (ProjectApi.Milestones.cs).
    write(
      "POST",
      "project/{id}/milestone",
      { id: "projects" },
      {
        parent: "id",
        creates: "milestones",
        from: { title: "title", description: "description" },
      },
    ),
    write(
      "PUT",
      "project/milestone/{id}",
      { id: "milestones" },
      {
        updates: "id",
        from: { title: "title", description: "description" },
      },
    ),
    write(
      "PUT",
      "project/milestone/{id}/status",
      { id: "milestones" },
      { updates: "id", from: { status: "status" } },
    ),
    write("DELETE", "project/milestone/{id}", { id: "milestones" }, { deletes: "id" }),
    write(
      "DELETE",
      "project/milestone",
      {},
      { batch: { param: "ids", collection: "milestones" }, deletes: "ids" },
    ),
    // AddProjectTask refuses an empty title (ProjectApi.Projects.cs:1075); a task from a message
    // takes the message's title (1121-1140), in the project the discussion's answer names, which the
    // reference makes up: not looked up here; CopyTask refuses an empty title (ProjectApi.Tasks.cs:554).
    write(
      "POST",
      "project/{projectid}/task",
      { projectid: "projects" },
      {
        parent: "projectid",
        creates: "tasks",
        from: TASK,
        required: { params: ["title"], source: `${API}/ProjectApi.Projects.cs:1075` },
      },
    ),
    write(
      "POST",
      "project/{projectid}/task/{messageid}",
      { messageid: "messages" },
      {
        creates: "tasks",
        constraints: { projectid: "[0-9]+", messageid: "[0-9]+" },
      },
    ),
    write(
      "POST",
      "project/task/{copyFrom}/copy",
      { copyFrom: "tasks" },
      {
        creates: "tasks",
        from: TASK,
        required: { params: ["title"], source: `${API}/ProjectApi.Tasks.cs:554` },
      },
    ),
    // UpdateProjectTask refuses an empty title (ProjectApi.Tasks.cs:654); the status (402-414), the
    // milestone (464-486), the subscription toggle (885-897) and DeleteTask (740-751) answer the task;
    // the bulk changes skip a task they cannot change (431-449, 502-522, 766-784).
    write(
      "PUT",
      "project/task/{taskid}",
      { taskid: "tasks" },
      {
        updates: "taskid",
        from: TASK,
        required: { params: ["title"], source: `${API}/ProjectApi.Tasks.cs:654` },
      },
    ),
    write(
      "PUT",
      "project/task/{taskid}/status",
      { taskid: "tasks" },
      { updates: "taskid", from: { status: "status" } },
    ),
    write(
      "PUT",
      "project/task/{taskid}/milestone",
      { taskid: "tasks" },
      {
        updates: "taskid",
        from: { milestoneId: "milestoneid" },
      },
    ),
    write("PUT", "project/task/{taskid}/subscribe", { taskid: "tasks" }, { updates: "taskid" }),
    write(
      "PUT",
      "project/task/status",
      {},
      { batch: { param: "taskids", collection: "tasks" }, updates: "taskids", from: { status: "status" } },
    ),
    write(
      "PUT",
      "project/task/milestone",
      {},
      {
        batch: { param: "taskids", collection: "tasks" },
        updates: "taskids",
        from: { milestoneId: "milestoneid" },
      },
    ),
    write("DELETE", "project/task/{taskid}", { taskid: "tasks" }, { deletes: "taskid" }),
    write(
      "DELETE",
      "project/task",
      {},
      { batch: { param: "taskids", collection: "tasks" }, deletes: "taskids" },
    ),
    // Subtasks: AddSubtask refuses an empty title (Tasks.cs:999) and CopySubtask copies one
    // (1031-1045), each under its task (SubtaskWrapper.TaskId); UpdateSubtask refuses an empty title
    // (1103); the status (1171-1182), the move (1060-1083) and DeleteSubtask (1145-1155) answer it.
    write(
      "POST",
      "project/task/{taskid}",
      { taskid: "tasks" },
      {
        ...SUBTASK_OF_TASK,
        from: { title: "title" },
        required: { params: ["title"], source: `${API}/ProjectApi.Tasks.cs:999` },
      },
    ),
    write("POST", "project/task/{taskid}/{subtaskid}/copy", SUBTASK, SUBTASK_OF_TASK),
    write("PUT", "project/task/{taskid}/{subtaskid}", SUBTASK, {
      updates: "subtaskid",
      from: { title: "title" },
    }),
    write("PUT", "project/task/{taskid}/{subtaskid}/status", SUBTASK, {
      updates: "subtaskid",
      from: { status: "status" },
    }),
    write("PUT", "project/task/{taskid}/{subtaskid}/move", SUBTASK, { updates: "subtaskid" }),
    write("DELETE", "project/task/{taskid}/{subtaskid}", SUBTASK, { deletes: "subtaskid" }),
    // Discussions: AddProjectMessage refuses an empty title or content (ProjectApi.Messages.cs:129-130);
    // the update (167-184), the status (200-212), the subscription toggle (490-502) and
    // DeleteProjectMessage (226-238) answer the discussion.
    write(
      "POST",
      "project/{projectid}/message",
      { projectid: "projects" },
      {
        parent: "projectid",
        creates: "messages",
        from: { title: "title", text: "content" },
        required: { params: ["title", "content"], source: `${API}/ProjectApi.Messages.cs:129-130` },
      },
    ),
    write(
      "PUT",
      "project/message/{messageid}",
      { messageid: "messages" },
      {
        updates: "messageid",
        from: { title: "title", text: "content" },
      },
    ),
    write(
      "PUT",
      "project/message/{messageid}/status",
      { messageid: "messages" },
      {
        updates: "messageid",
        from: { status: "status" },
      },
    ),
    write(
      "PUT",
      "project/message/{messageid}/subscribe",
      { messageid: "messages" },
      { updates: "messageid" },
    ),
    write("DELETE", "project/message/{messageid}", { messageid: "messages" }, { deletes: "messageid" }),
    // Comments on a task or a message refuse empty content (Tasks.cs:824, Messages.cs:453);
    // UpdateComment answers the text (ProjectApi.Comments.cs:241), RemoveProjectComment the id (177).
    ...(
      [
        ["project/task/{taskid}/comment", "taskid", "tasks", "ProjectApi.Tasks.cs:824"],
        ["project/message/{messageid}/comment", "messageid", "messages", "ProjectApi.Messages.cs:453"],
      ] as const
    ).map(([path, parent, parents, where]) =>
      write(
        "POST",
        path,
        { [parent]: parents },
        {
          parent,
          creates: "comments",
          from: { text: "content" },
          required: { params: ["content"], source: `${API}/${where}` },
        },
      ),
    ),
    // A comment added by entity answers CommentInfo, whose id is commentID (ProjectApi.Comments.cs:214);
    // the contract's are on tasks (type "task", 198-201).
    {
      method: "POST",
      path: "project/comment",
      ids: { entityid: "tasks" },
      bodyIds: ["entityid"],
      parent: "entityid",
      creates: "comments",
      from: { text: "content" },
      answerId: "commentID",
    },
    // A comment's id is a Guid: no constraint.
    {
      method: "PUT",
      path: "project/comment/{commentid}",
      ids: { commentid: "comments" },
      updates: "commentid",
      from: { text: "content" },
      answer: { member: "text" },
    },
    {
      method: "DELETE",
      path: "project/comment/{commentid}",
      ids: { commentid: "comments" },
      deletes: "commentid",
      answer: "id",
    },
    // Templates: create and update refuse an empty title (ProjectApi.Projects.cs:1608, 1642); each
    // answers the template, as DeleteTemplate does (1669-1679).
    write(
      "POST",
      "project/template",
      {},
      {
        creates: "templates",
        from: { title: "title", description: "description" },
        required: { params: ["title"], source: `${API}/ProjectApi.Projects.cs:1608` },
      },
    ),
    write(
      "PUT",
      "project/template/{id}",
      { id: "templates" },
      {
        updates: "id",
        from: { title: "title", description: "description" },
        required: { params: ["title"], source: `${API}/ProjectApi.Projects.cs:1642` },
      },
    ),
    write("DELETE", "project/template/{id}", { id: "templates" }, { deletes: "id" }),
    // Report templates: SaveReportTemplate refuses an empty name (ProjectApi.Reports.cs:153), which
    // is the template's title (373); update (219-270) and delete (301-314) answer it.
    write(
      "POST",
      "project/report",
      {},
      {
        creates: "reportTemplates",
        from: { title: "name" },
        required: { params: ["name"], source: `${API}/ProjectApi.Reports.cs:153` },
      },
    ),
    write(
      "PUT",
      "project/report/{reportid}",
      { reportid: "reportTemplates" },
      {
        updates: "reportid",
        from: { title: "name" },
      },
    ),
    write("DELETE", "project/report/{reportid}", { reportid: "reportTemplates" }, { deletes: "reportid" }),
    // Team: the members of projects (ProjectApi.Projects.cs:884-889), a member added (906-913), the
    // team set (1005-1018), a member's security (935-956), a member removed (974-986): each answers a
    // team, which no collection keeps.
    write("POST", "project/team", {}, { acts: true }),
    write("POST", "project/{projectid}/team", { projectid: "projects" }, { acts: true }),
    write("PUT", "project/{projectid}/team", { projectid: "projects" }, { acts: true }),
    write("PUT", "project/{projectid}/team/security", { projectid: "projects" }, { acts: true }),
    write("DELETE", "project/{projectid}/team", { projectid: "projects" }, { acts: true }),
    // Custom task statuses (ProjectApi.cs:282-377): made from the body's `status`, updated by the id
    // in `newStatus` or in each item of `statuses` (answered as a list), removed by id.
    {
      method: "POST",
      path: "project/status",
      creates: "taskStatuses",
      from: { title: "status[title]", statusType: "status[statusType]", description: "status[description]" },
    },
    ...[
      ["project/status", "newStatus"],
      ["project/statuses", "statuses[0]"],
    ].map(
      ([path, item]): GenericWrite => ({
        method: "PUT",
        path,
        params: { [`${item}[id]`]: "taskStatuses" },
        updates: `${item}[id]`,
        from: { title: `${item}[title]` },
      }),
    ),
    write("DELETE", "project/status/{id}", { id: "taskStatuses" }, { deletes: "id" }),
    // The caller's start page (ProjectApi.cs:226-237): the settings answered.
    {
      method: "PUT",
      path: "project/settings",
      singleton: "settings",
      from: { startModuleType: "startModule" },
    },
    // Tasks linked and unlinked (ProjectApi.Tasks.cs:937-975): each answers the dependent task; no
    // read of the contract lists links, so no collection keeps them.
    write("POST", "project/task/{parentTaskId}/link", { parentTaskId: "tasks" }, { acts: true }),
    write("DELETE", "project/task/{taskid}/link", { taskid: "tasks" }, { acts: true }),
    // Documents files attached and detached (ProjectApi.Tasks.cs:296-348, Messages.cs:307-357): a
    // tag on the file, which no collection here keeps; each answers the task or the discussion.
    ...(
      [
        ["project/task/{taskid}/files", "taskid", "tasks"],
        ["project/message/{messageid}/files", "messageid", "messages"],
      ] as const
    ).flatMap(([path, id, collection]) =>
      (["POST", "DELETE"] as const).map((method) =>
        write(method, path, { [id]: collection }, { acts: true }),
      ),
    ),
    // A contact linked and unlinked (ProjectApi.Projects.cs:1503-1518, 1533-1551): no collection
    // keeps the links, which only GET project/contact/{contactid} would list.
    write("POST", "project/{projectid}/contact", { projectid: "projects" }, { acts: true }),
    write("DELETE", "project/{projectid}/contact", { projectid: "projects" }, { acts: true }),
    // Previews of a comment (ProjectApi.Comments.cs:111-150) and a discussion (Messages.cs:566-570).
    write("POST", "project/comment/preview", {}, { acts: true }),
    write("POST", "project/message/discussion/preview", {}, { acts: true }),
    // Time: AddTaskTime and UpdateTime refuse an empty date or person (ProjectApi.TimeSpend.cs:197-198,
    // 242-243); the payment status (274-290) and the removal (305-321) act on a list of ids.
    write(
      "POST",
      "project/task/{taskid}/time",
      { taskid: "tasks" },
      {
        parent: "taskid",
        parentMember: "relatedTask",
        creates: "timeEntries",
        from: TIME,
        required: { params: ["date", "personId"], source: `${API}/ProjectApi.TimeSpend.cs:197-198` },
      },
    ),
    write(
      "PUT",
      "project/time/{timeid}",
      { timeid: "timeEntries" },
      {
        updates: "timeid",
        from: TIME,
        required: { params: ["date", "personId"], source: `${API}/ProjectApi.TimeSpend.cs:242-243` },
      },
    ),
    write(
      "PUT",
      "project/time/times/status",
      {},
      {
        batch: { param: "timeids", collection: "timeEntries" },
        updates: "timeids",
        from: { paymentStatus: "status" },
      },
    ),
    write(
      "DELETE",
      "project/time/times/remove",
      {},
      { batch: { param: "timeids", collection: "timeEntries" }, deletes: "timeids" },
    ),
  ],
};

export default data;
