import assert from "node:assert/strict";
import { test } from "node:test";
import { selectPath } from "../../helpers/checks/select-path";

test("a path selects members and list items; `.` is the whole value", () => {
  const value = { folders: [{ id: 7 }], title: "t" };
  assert.equal(selectPath(value, "folders[0].id"), 7);
  assert.equal(selectPath(value, "title"), "t");
  assert.equal(selectPath([{ id: 3 }], "[0].id"), 3);
  assert.equal(selectPath(5, "."), 5);
  assert.equal(selectPath(value, "folders[1].id"), undefined);
});

test("`?name` selects a link's query parameter, decoded; nothing for no link or no such parameter", () => {
  const link = "https://portal.test/Products/Files/DocEditor.aspx?fileid=12&doc=a%2Bb%3D";
  assert.equal(selectPath(link, "?doc"), "a+b=");
  assert.equal(selectPath({ shareLink: link }, "shareLink?fileid"), "12");
  assert.equal(selectPath(link, "?absent"), undefined);
  assert.equal(selectPath(42, "?doc"), undefined);
  assert.equal(selectPath({}, "shareLink?doc"), undefined);
});
