import type { GenericWrite, ModuleData } from "../generic/module-data";
import { writeOf } from "../generic/write-of";

// Drafted by scripts/draft-module.ts, then reviewed: seeds, and lists answering their collection.
// Children read by a record's id (comments, a page's versions) take no `ids`: the contract documents
// no 404 for them (specs/community.yaml).
const data: ModuleData = {
  module: "community",
  // Blog posts are Guids; bookmarks, events, threads and topics integers in distinct ranges; wiki
  // pages are named, so a page's seeded id is its name (the wrapper has no id member, only the name).
  collections: {
    blogPosts: {
      schema: "community/blog-post-wrapper-full.json",
      seeds: [
        {
          title: "Welcome to the new portal",
          text: "Where to find documents, calendars and people.",
          tags: ["news"],
        },
        { title: "Release 2.0 is out", text: "What changed in the field app.", tags: ["release", "news"] },
        {
          title: "Notes from the team offsite",
          text: "Decisions and owners for the next quarter.",
          tags: ["team"],
        },
      ],
    },
    blogTags: {
      schema: "community/blog-tag-wrapper.json",
      seeds: [
        { name: "news", count: 2 },
        { name: "release", count: 1 },
        { name: "team", count: 1 },
      ],
    },
    bookmarks: {
      schema: "community/bookmark-wrapper.json",
      firstId: 701,
      seeds: [
        {
          title: "Style guide",
          url: "https://www.example.com/style-guide",
          description: "Fonts, colours and logos.",
        },
        {
          title: "Travel policy",
          url: "https://www.example.com/travel",
          description: "Booking and expenses.",
        },
        { title: "Onboarding checklist", url: "https://www.example.com/onboarding" },
      ],
    },
    bookmarkTags: {
      schema: "community/tag-wrapper.json",
      seeds: [
        { name: "design", count: 1 },
        { name: "policies", count: 2 },
      ],
    },
    events: {
      // FeedType flags (schemas/community/enums/feed-type.json): News=1, Order=2, Advert=4, Poll=8.
      schema: "community/event-wrapper-full.json",
      firstId: 801,
      seeds: [
        { title: "Office closed on Friday", text: "The Riga office is closed for maintenance.", type: 1 },
        { title: "New expense order", text: "Expenses are filed monthly from March.", type: 2 },
        { title: "Where should the summer party be?", text: "Vote by Wednesday.", type: 8 },
      ],
    },
    forumThreads: {
      schema: "community/forum-thread-wrapper-full.json",
      firstId: 601,
      seeds: [
        { title: "General", description: "Announcements and open questions." },
        { title: "Help", description: "How do I ...? Ask here." },
        { title: "Office", description: "Rooms, printers and parking." },
      ],
    },
    forumTopics: {
      // TopicStatus Normal=0, Sticky=2; TopicType Informational=0 (schemas/community/enums/).
      schema: "community/forum-topic-wrapper-full.json",
      firstId: 901,
      seeds: [
        { title: "How do I share a calendar?", threadTitile: "Help", status: 0, type: 0 },
        { title: "Forum rules", threadTitile: "General", status: 2, type: 0 },
        { title: "Printer on the 2nd floor", threadTitile: "Office", status: 0, type: 0 },
      ],
    },
    // Posts of a topic (ForumTopicPostWrapper), made by the run only: no read lists them by id.
    forumPosts: {
      schema: "community/forum-topic-post-wrapper.json",
      firstId: 1201,
      seeds: [{ subject: "Re: Forum rules", text: "Read and agreed." }],
    },
    // Comments, listed under their post, event, bookmark or page (`of`): the seeded ones under every one.
    blogComments: {
      schema: "community/blog-post-comment-wrapper.json",
      seeds: [{ text: "Thanks, that helps." }, { text: "Agreed, see you on Monday." }],
    },
    eventComments: {
      schema: "community/event-comment-wrapper.json",
      firstId: 1101,
      seeds: [{ text: "See you there." }, { text: "Which room?" }],
    },
    bookmarkComments: {
      schema: "community/bookmark-comment-wrapper.json",
      seeds: [{ text: "Still up to date." }, { text: "The link moved." }],
    },
    wikiComments: {
      schema: "community/comment-wrapper.json",
      seeds: [{ content: "Updated the contact list." }, { content: "Good point, added a section." }],
    },
    wikiPages: {
      schema: "community/page-wrapper.json",
      seeds: [
        { id: "Onboarding", name: "Onboarding", content: "First week: accounts, equipment and a buddy." },
        { id: "Release_process", name: "Release_process", content: "Branch, test, tag and announce." },
        { id: "Meeting_rooms", name: "Meeting_rooms", content: "How to book a meeting room." },
      ],
    },
    // Files of the wiki's Files section, named (Wiki/WikiApi.cs:235-239, 255-258).
    wikiFiles: {
      schema: "community/file-wrapper.json",
      idMember: "name",
      seeds: [
        { name: "floor-plan.png", location: "floor-plan.png" },
        { name: "handbook.pdf", location: "handbook.pdf" },
      ],
    },
  },
  // The forum lists its threads inside categories, and a thread its topics: the same records.
  nested: { threads: "forumThreads", topics: "forumTopics" },
  values: {
    title: ["Quarterly report", "Design review", "Office news"],
    blogTitle: ["Company blog", "Engineering notes"],
    preview: ["Where to find documents, calendars and people.", "What changed in the field app."],
    text: ["Thanks, that helps.", "Agreed, see you on Monday."],
    content: ["Updated the contact list.", "Good point, added a section."],
    description: ["Questions and answers.", "Announcements for everyone."],
  },
  routes: [
    { path: "community/blog", list: "blogPosts" },
    {
      path: "community/blog/@self",
      list: "blogPosts",
    },
    {
      path: "community/blog/@search/{query}",
      list: "blogPosts",
    },
    {
      path: "community/blog/user/{username}",
      list: "blogPosts",
    },
    {
      path: "community/blog/tag/{tag}",
      list: "blogPosts",
    },
    { path: "community/blog/tag", list: "blogTags" },
    {
      path: "community/blog/{postid}",
      ids: { postid: "blogPosts" },
      record: "postid",
    },
    { path: "community/blog/{postid}/comment", list: "blogComments", of: "postid" },
    { path: "community/bookmark", list: "bookmarks" },
    { path: "community/bookmark/@self", list: "bookmarks" },
    {
      path: "community/bookmark/@search/{query}",
      list: "bookmarks",
    },
    { path: "community/bookmark/@favs", list: "bookmarks" },
    { path: "community/bookmark/tag", list: "bookmarkTags" },
    { path: "community/bookmark/bytag", list: "bookmarks" },
    {
      path: "community/bookmark/top/recent",
      list: "bookmarks",
    },
    { path: "community/bookmark/top/day", list: "bookmarks" },
    {
      path: "community/bookmark/top/month",
      list: "bookmarks",
    },
    {
      path: "community/bookmark/top/week",
      list: "bookmarks",
    },
    {
      path: "community/bookmark/top/year",
      list: "bookmarks",
    },
    { path: "community/bookmark/{id}/comment", list: "bookmarkComments", of: "id" },
    {
      path: "community/bookmark/{id}",
      ids: { id: "bookmarks" },
      record: "id",
    },
    { path: "community/event", list: "events" },
    { path: "community/event/@self", list: "events" },
    { path: "community/event/@search/{query}", list: "events" },
    {
      path: "community/event/{feedid}",
      ids: { feedid: "events" },
      record: "feedid",
    },
    { path: "community/event/{feedid}/comment", list: "eventComments", of: "feedid" },
    { path: "community/forum" },
    {
      path: "community/forum/{threadid}",
      ids: { threadid: "forumThreads" },
      record: "threadid",
    },
    {
      path: "community/forum/topic/recent",
      list: "forumTopics",
    },
    {
      path: "community/forum/topic/{topicid}",
      ids: { topicid: "forumTopics" },
      record: "topicid",
    },
    {
      path: "community/forum/@search/{query}",
      list: "forumTopics",
    },
    { path: "community/wiki", list: "wikiPages" },
    {
      path: "community/wiki/{name}",
      ids: { name: "wikiPages" },
      record: "name",
    },
    { path: "community/wiki/{page}/story" },
    {
      path: "community/wiki/search/byname/{name}",
      list: "wikiPages",
    },
    {
      path: "community/wiki/search/bycontent/{content}",
      list: "wikiPages",
    },
    { path: "community/wiki/{page}/comment", list: "wikiComments", of: "page" },
    { path: "community/wiki/file/{name}", ids: { name: "wikiFiles" }, record: "name" },
    // Previews and a subscription: the server computes an answer and keeps nothing the reference
    // models (CommunityApiCommon.cs:40-47, BlogApi.cs:348, EventApi.cs:363-398, BookmarkApi.cs:405, WikiApi.cs:284).
    { method: "POST", path: "community/preview" },
    { method: "POST", path: "community/blog/comment/preview" },
    { method: "POST", path: "community/event/comment/preview" },
    { method: "POST", path: "community/bookmark/comment/preview" },
    { method: "POST", path: "community/wiki/comment/preview" },
    { method: "POST", path: "community/event/{feedid}/subscribe", ids: { feedid: "events" } },
  ],
  // What the server's methods store (module/ASC.Api/ASC.Api.Community/, v12.7.1), cited per write.
  writes: [
    // CreatePost stores title and content (Blogs/BlogApi.cs:99-111); UpdatePost replaces both (146-147).
    {
      method: "POST",
      path: "community/blog",
      creates: "blogPosts",
      from: { title: "title", text: "content" },
    },
    {
      method: "PUT",
      path: "community/blog/{postid}",
      ids: { postid: "blogPosts" },
      updates: "postid",
      from: { title: "title", text: "content" },
    },
    // DeletePost returns null (Blogs/BlogApi.cs:171).
    {
      method: "DELETE",
      path: "community/blog/{postid}",
      ids: { postid: "blogPosts" },
      deletes: "postid",
      answer: "nothing",
    },
    // CreateEvent and UpdateEvent refuse an empty title (Events/EventApi.cs:96, 137) and store
    // title, content and type (143-145).
    {
      method: "POST",
      path: "community/event",
      creates: "events",
      from: { title: "title", text: "content", type: "type" },
      required: { params: ["title"], source: "module/ASC.Api/ASC.Api.Community/Events/EventApi.cs:96" },
    },
    {
      method: "PUT",
      path: "community/event/{feedid}",
      ids: { feedid: "events" },
      updates: "feedid",
      from: { title: "title", text: "content", type: "type" },
      required: { params: ["title"], source: "module/ASC.Api/ASC.Api.Community/Events/EventApi.cs:137" },
    },
    // DeleteEvent returns null (Events/EventApi.cs:178).
    {
      method: "DELETE",
      path: "community/event/{feedid}",
      ids: { feedid: "events" },
      deletes: "feedid",
      answer: "nothing",
    },
    // AddBookmark refuses an empty title (Bookmarks/BookmarkApi.cs:383-386); RemoveBookmark is void (545).
    {
      method: "POST",
      path: "community/bookmark",
      creates: "bookmarks",
      from: { title: "title", url: "url", description: "description" },
      required: {
        params: ["title", "url"],
        source: "module/ASC.Api/ASC.Api.Community/Bookmarks/BookmarkApi.cs:376-386",
      },
    },
    {
      method: "DELETE",
      path: "community/bookmark/{id}",
      ids: { id: "bookmarks" },
      deletes: "id",
      answer: "nothing",
    },
    // AddTopic creates a topic in a thread, its subject the title (Forums/ForumApi.cs:229-236);
    // UpdateTopic sets the subject (252-257); DeleteTopic answers the topic removed (363-376).
    {
      method: "POST",
      path: "community/forum/{threadid}",
      ids: { threadid: "forumThreads" },
      creates: "forumTopics",
      from: { title: "subject", text: "content" },
    },
    {
      method: "PUT",
      path: "community/forum/topic/{topicid}",
      ids: { topicid: "forumTopics" },
      updates: "topicid",
      from: { title: "subject" },
    },
    {
      method: "DELETE",
      path: "community/forum/topic/{topicid}",
      ids: { topicid: "forumTopics" },
      deletes: "topicid",
    },
    // AddThreadToCategory makes a thread in a category (Forums/ForumApi.cs:175-213); DeleteThread
    // answers the thread removed (389-400).
    {
      method: "POST",
      path: "community/forum",
      creates: "forumThreads",
      from: { title: "threadName", description: "threadDescription" },
    },
    writeOf("DELETE", "community/forum/thread/{threadid}", "threadid", "forumThreads"),
    // AddTopicPosts adds a post to a topic, UpdateTopicPosts sets a post's subject and content (the
    // topic in its path unused), DeletePost answers the post removed (Forums/ForumApi.cs:272-347).
    {
      method: "POST",
      path: "community/forum/topic/{topicid}",
      ids: { topicid: "forumTopics" },
      parent: "topicid",
      creates: "forumPosts",
      from: { subject: "subject", text: "content" },
    },
    writeOf("PUT", "community/forum/topic/{topicid}/{postid}", "postid", "forumPosts", {
      from: { subject: "subject", text: "content" },
    }),
    writeOf("DELETE", "community/forum/post/{postid}", "postid", "forumPosts"),
    // RemoveBookmarkFromFavourite: the run's bookmark, which only the run holds, is removed whole and
    // the answer is null (Bookmarks/BookmarkApi.cs:527-532; BookmarkingService.cs:189-204).
    writeOf("DELETE", "community/bookmark/@favs/{id}", "id", "bookmarks", { answer: "nothing" }),
    // A page is named: CreatePage stores name and body (Wiki/WikiApi.cs:56-60), UpdatePage a new
    // body (166-170); DeletePage is void (182-186).
    {
      method: "POST",
      path: "community/wiki",
      creates: "wikiPages",
      idFrom: "name",
      from: { name: "name", content: "body" },
    },
    {
      method: "PUT",
      path: "community/wiki/{name}",
      ids: { name: "wikiPages" },
      updates: "name",
      from: { content: "body" },
    },
    {
      method: "DELETE",
      path: "community/wiki/{name}",
      ids: { name: "wikiPages" },
      deletes: "name",
      answer: "nothing",
    },
    // UploadFiles stores each posted file under its filename, answered as a list (Wiki/WikiApi.cs:
    // 235-239; none: ArgumentNullException, 237); DeleteFile is void (268-271).
    {
      method: "POST",
      path: "community/wiki/file",
      creates: "wikiFiles",
      fromUpload: { name: "name", id: true },
    },
    {
      method: "DELETE",
      path: "community/wiki/file/{name}",
      ids: { name: "wikiFiles" },
      deletes: "name",
      answer: "nothing",
    },
    // Comments: each create stores the content under its parent, which must exist (Blogs/BlogApi.cs:
    // 317-334, Events/EventApi.cs:287-307, Bookmarks/BookmarkApi.cs:306-323, Wiki/WikiApi.cs:200-205);
    // each update sets the content and answers it (BlogApi.cs:480-485, EventApi.cs:505-508,
    // BookmarkApi.cs:514-515, WikiApi.cs:357-358); each remove answers the id it was given
    // (BlogApi.cs:402, EventApi.cs:447, BookmarkApi.cs:449, WikiApi.cs:312).
    ...(
      [
        [
          "community/blog/{postid}/comment",
          "postid",
          "blogPosts",
          "blogComments",
          "text",
          "community/blog/comment/{commentid}",
        ],
        [
          "community/event/{feedid}/comment",
          "feedid",
          "events",
          "eventComments",
          "text",
          "community/event/comment/{commentid}",
        ],
        [
          "community/bookmark/{id}/comment",
          "id",
          "bookmarks",
          "bookmarkComments",
          "text",
          "community/bookmark/comment/{commentid}",
        ],
        [
          "community/wiki/{page}/comment",
          "page",
          "wikiPages",
          "wikiComments",
          "content",
          "community/wiki/comment/{commentid}",
        ],
      ] as const
    ).flatMap(([path, parent, parents, comments, member, removePath]): GenericWrite[] => [
      {
        method: "POST",
        path,
        ids: { [parent]: parents },
        parent,
        creates: comments,
        from: { [member]: "content" },
      },
      // The same comment added by entity id answers CommentInfo (BlogApi.cs:417-443,
      // EventApi.cs:464, BookmarkApi.cs:467, WikiApi.cs:329).
      {
        method: "POST",
        path: removePath.replace("/{commentid}", ""),
        ids: { entityid: parents },
        bodyIds: ["entityid"],
        parent: "entityid",
        creates: comments,
        from: { [member]: "content" },
        answerId: "commentID",
      },
      {
        method: "PUT",
        path: removePath,
        ids: { commentid: comments },
        updates: "commentid",
        from: { [member]: "content" },
        answer: { member },
      },
      {
        method: "DELETE",
        path: removePath,
        ids: { commentid: comments },
        deletes: "commentid",
        answer: "id",
      },
    ]),
  ],
};

export default data;
