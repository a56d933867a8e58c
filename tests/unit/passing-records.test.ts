import assert from "node:assert/strict";
import { test } from "node:test";
import { PassingRecords, withoutItems } from "../../helpers/checks/passing-records";

const folder = {
  current: { id: 1, title: "My documents" },
  files: [
    { id: 9, title: "wc-k3x9-w2-4.docx" },
    { id: 7, title: "wc-k3x9-w1-12.docx" },
    { id: 3, title: "Report.docx" },
  ],
};

test("a value is looked up past the run's passing records; a worker's own lasting record is kept", () => {
  const records = new PassingRecords("wc-k3x9");
  assert.deepEqual(withoutItems(folder, "files[0].id", records.passing), {
    ...folder,
    files: [folder.files[2]],
  });
  records.lasts("wc-k3x9-w1-12");
  const kept = withoutItems(folder, "files[0].id", records.passing) as typeof folder;
  assert.deepEqual(
    kept.files.map((f) => f.id),
    [7, 3],
  );
  assert.deepEqual(withoutItems(folder, "current.id", records.passing), folder, "no list on the path");
});

test("a name that only begins like a lasting one is still passing (w1-1 is not w1-12)", () => {
  const records = new PassingRecords("wc-k3x9");
  records.lasts("wc-k3x9-w1-1");
  assert.equal(records.passing({ title: "wc-k3x9-w1-12.docx" }), true);
  assert.equal(records.passing({ title: "wc-k3x9-w1-1.docx" }), false);
  assert.equal(records.passing({ title: "Report.docx" }), false);
});

test("lists under lists: each list the path indexes loses its passing items", () => {
  const records = new PassingRecords("wc-k3x9");
  const forum = {
    categories: [
      {
        id: 1,
        title: "General",
        threads: [
          { id: 5, title: "wc-k3x9-w3-2" },
          { id: 2, title: "Welcome" },
        ],
      },
    ],
  };
  const kept = withoutItems(forum, "categories[0].threads[0].id", records.passing) as typeof forum;
  assert.deepEqual(kept.categories[0].threads, [{ id: 2, title: "Welcome" }]);
});
