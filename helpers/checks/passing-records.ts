import { pathParts } from "./select-path";

/**
 * Records the run made come and go: a test's, removed at its end, perhaps while another worker reads
 * the list it is in (on a fresh portal, the only record there). A value looked up in a list (`from:`)
 * is taken from a record the run did not make, or from one of the worker's own stand-ins, which last
 * the worker's life (helpers/checks/stand-in-records.ts).
 */
export class PassingRecords {
  private readonly lasting: RegExp[] = [];

  constructor(
    /** Every record the run makes carries it in a name (`wc-k3x9-`). */
    private readonly runMarker: string,
  ) {}

  /** Names a record made to last the worker's life: `name` is kept where a list carries it. */
  lasts(name: string): string {
    this.lasting.push(new RegExp(`${escaped(name)}(?![0-9])`));
    return name;
  }

  /** A record some test of the run made: one of its own members carries the run's marker. */
  passing = (item: unknown): boolean => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return false;
    const names = Object.values(item).filter((v): v is string => typeof v === "string");
    return (
      names.some((name) => name.includes(this.runMarker)) &&
      !names.some((name) => this.lasting.some((own) => own.test(name)))
    );
  };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `value` with the items `drop` names taken out of each list `path` indexes (`files[0].id`: the
 * folder's `files`), so that the path selects the first item kept.
 */
export function withoutItems(value: unknown, path: string, drop: (item: unknown) => boolean): unknown {
  const parts = pathParts(path);
  const walk = (node: unknown, at: number): unknown => {
    if (at >= parts.length || node === null || typeof node !== "object") return node;
    const index = /^\[(\d+)\]$/.exec(parts[at]);
    if (index && Array.isArray(node)) {
      const kept = node.filter((item) => !drop(item));
      const n = Number(index[1]);
      return n < kept.length ? kept.map((item, i) => (i === n ? walk(item, at + 1) : item)) : kept;
    }
    const record = node as Record<string, unknown>;
    const key = index ? index[1] : parts[at];
    return key in record ? { ...record, [key]: walk(record[key], at + 1) } : node;
  };
  return walk(value, 0);
}
