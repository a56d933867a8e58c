import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";

/**
 * Every place a secret could hide in a reports folder, read as text: each file, the entries of zip
 * files (Playwright traces), and the zip the HTML report embeds in index.html as base64.
 */
export function reportTexts(dir: string): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    texts.push({ name: file, text: bytes.toString("latin1") });
    if (isZip(bytes)) texts.push(...unzip(bytes, file));
    for (const [, base64] of bytes
      .toString("latin1")
      .matchAll(/data:application\/zip;base64,([A-Za-z0-9+/=]+)/g)) {
      texts.push(...unzip(Buffer.from(base64, "base64"), `${file} (embedded zip)`));
    }
  }
  return texts;
}

/** The forms a secret takes in transit and at rest: as is, URL-encoded, JSON-escaped, inside base64. */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  // Base64 at each of the three alignments, without the edge characters that depend on neighbours.
  for (const shift of [0, 1, 2]) {
    const encoded = Buffer.from(`${"x".repeat(shift)}${secret}`).toString("base64");
    forms.add(encoded.slice(shift ? shift + 1 : 0, -4));
  }
  return [...forms].filter((form) => form.length >= 8);
}

/** "where: which secret" for every occurrence; empty when the reports are clean. */
export function findSecrets(
  texts: { name: string; text: string }[],
  secrets: Record<string, string>,
): string[] {
  const found: string[] = [];
  for (const [label, secret] of Object.entries(secrets)) {
    for (const form of secretForms(secret)) {
      for (const { name, text } of texts)
        if (text.includes(form)) found.push(`${name}: the ${label} (as "${form}")`);
    }
  }
  return found;
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function isZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

/** The entries of a zip, from its central directory (stored or deflated: all Playwright writes). */
function unzip(zip: Buffer, name: string): { name: string; text: string }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${name}: not a zip file`);
  const entries: { name: string; text: string }[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    const content = method === 8 ? inflateRawSync(data) : data;
    entries.push({ name: `${name}!${entryName}`, text: content.toString("latin1") });
    if (isZip(content)) entries.push(...unzip(content, `${name}!${entryName}`));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
