import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

const ROOT = join(__dirname, "..", "..");

/** The text outside fenced code blocks: a `# comment` in a shell block is no heading, a `[x](y)` no link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = text
      .replace(/`/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count ? `${slug}-${count}` : slug);
  }
  return found;
}

/** Every relative link (and image) of a Markdown file whose file or anchor does not exist, as `file: target`. */
function brokenLinks(file: string): string[] {
  const markdown = readFileSync(file, "utf8");
  const broken: string[] = [];
  const text = prose(markdown).replace(/`[^`\n]*`/g, "");
  for (const [, target] of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not this repository's
    const [path, anchor] = target.split("#", 2);
    const linked = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
    const shown = `${relative(ROOT, file)}: ${target}`;
    if (!existsSync(linked)) broken.push(`${shown} (no such file)`);
    else if (
      anchor !== undefined &&
      !(statSync(linked).isFile() && anchors(readFileSync(linked, "utf8")).has(anchor))
    )
      broken.push(`${shown} (no such heading)`);
  }
  return broken;
}

const DOCS = join(ROOT, "docs");
const pages = [
  join(ROOT, "README.md"),
  ...readdirSync(DOCS)
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(DOCS, name)),
];

test("every relative link in README.md and docs/*.md points at an existing file and heading", () => {
  assert.ok(pages.length > 1, "docs/ has no pages");
  assert.deepEqual(pages.flatMap(brokenLinks), []);
});

test("a link to a missing file or heading is reported, a good one is not", () => {
  const dir = mkdtempSync(join(tmpdir(), "wc-docs-links-"));
  try {
    writeFileSync(
      join(dir, "other.md"),
      "# Other page\n\n## Effects: a GET that writes\n\n## Same\n\n## Same\n",
    );
    const page = join(dir, "page.md");
    writeFileSync(
      page,
      [
        "# Page",
        "[fine](other.md) [fine](other.md#effects-a-get-that-writes) [fine](other.md#same-1) [self](#page)",
        "[web](https://example.com/missing.md) `[code](missing.md)`",
        "```sh\n[fenced](missing.md)\n```",
        "[gone](missing.md) [no heading](other.md#nowhere) ![no image](images/none.png)",
      ].join("\n\n"),
    );
    assert.deepEqual(
      brokenLinks(page).map((line) => line.replace(/^.*?: /, "")),
      ["missing.md (no such file)", "other.md#nowhere (no such heading)", "images/none.png (no such file)"],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
