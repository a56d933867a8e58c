import { badRequest, missingArgument } from "./errors";

/** Parameter values by normalized key (lower case, a trailing `[]` dropped). */
export type ParamSource = Map<string, string[]>;

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/\[\]$/, "");
}

export function addParam(source: ParamSource, key: string, value: string): void {
  const normalized = normalizeKey(key);
  source.set(normalized, [...(source.get(normalized) ?? []), value]);
}

export function searchParamsSource(search: URLSearchParams): ParamSource {
  const source: ParamSource = new Map();
  for (const [key, value] of search) addParam(source, key, value);
  return source;
}

/** Whether the text holds a character XML 1.0 cannot carry (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
function hasXmlIllegalCharacter(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    const loneSurrogate = code >= 0xd800 && code <= 0xdfff; // a paired one iterates as one code point
    if (control || loneSurrogate || code === 0xfffe || code === 0xffff) {
      return true;
    }
  }
  return false;
}

/**
 * Request parameters with the server's precedence: route values, then the query string, then the
 * body; the first source that has a key wins. Keys are case-insensitive.
 */
export class Params {
  constructor(private readonly sources: ParamSource[]) {}

  private values(name: string): string[] | undefined {
    const key = normalizeKey(name);
    return this.sources.find((source) => source.has(key))?.get(key);
  }

  /** First value as sent; rejects text XML cannot represent, since it could never be answered in XML. */
  value(name: string): string | undefined {
    const value = this.values(name)?.[0];
    if (value !== undefined && hasXmlIllegalCharacter(value))
      throw badRequest(`Invalid characters in ${name}`);
    return value;
  }

  text(name: string): string | undefined {
    return this.value(name)?.trim();
  }

  required(name: string): string {
    const value = this.text(name);
    if (!value) throw missingArgument(name);
    return value;
  }

  /** A list: repeated keys, a JSON array, or one comma-separated value. */
  list(name: string): string[] | undefined {
    const values = this.values(name);
    if (!values) return undefined;
    const items = values.length === 1 ? (values[0] ?? "").split(",") : values;
    return items.map((item) => item.trim()).filter((item) => item.length > 0);
  }

  boolean(name: string): boolean | undefined {
    const value = this.text(name)?.toLowerCase();
    if (value === undefined || value === "") return undefined;
    if (value === "true" || value === "false") return value === "true";
    throw badRequest(`Invalid boolean in ${name}`);
  }
}
