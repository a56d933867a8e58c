import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The server's response types as data: a committed snapshot of ../shared/api/wrappers.json (read
 * wrappers.md there for every field). The generator reads nothing else.
 */
export const CATALOGUE_FILE = join(__dirname, "..", "..", "schemas", "catalogue", "wrappers.json");

export interface Member {
  name: string;
  wire: string;
  declared_in: string;
  csharp_type: string;
  /** The normalized type: `string`, `int`, `class:<key>`, `array:<T>`, `nullable:<T>`, `dict:<K>,<V>`, … */
  type: string;
  /** false: `EmitDefaultValue=false`, the member disappears when it holds its default. */
  emit_default: boolean;
  omitted_when?: string;
  runtime_types?: string[];
  assigned_from?: string[];
}

export interface ClassEntry {
  name: string;
  full_name: string;
  kind: "class" | "struct" | "interface";
  file?: string;
  files?: string[];
  abstract?: boolean;
  generic_params?: string[];
  derived?: string[];
  data_contract: { name: string; namespace: string } | null;
  /** `object`: members are written; `content`: streamed by ContentResponder, no JSON at all. */
  contract: string;
  member_rule: string;
  members: Member[];
}

export interface EnumEntry {
  name: string;
  full_name: string;
  file: string;
  flags: boolean;
  members: { name: string; value: number }[];
}

export interface Operation {
  module: string;
  verb: string;
  path: string;
  source_file: string;
  csharp_method: string;
  root: string;
  root_kind: string;
  status: string;
  serialization: string;
  return_hints?: { expr: string; anonymous_types?: string[][] }[];
}

export interface Catalogue {
  source: string;
  classes: Record<string, ClassEntry>;
  enums: Record<string, EnumEntry>;
  operations: Operation[];
}

export function readCatalogue(file = CATALOGUE_FILE): Catalogue {
  return JSON.parse(readFileSync(file, "utf8")) as Catalogue;
}
