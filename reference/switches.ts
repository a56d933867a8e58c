/** A validated set of named switches (faults or variants), queried by typed name. */
export class Switches<Name extends string> {
  private readonly active: ReadonlySet<string>;

  constructor(names: readonly Name[]) {
    this.active = new Set(names);
  }

  has(name: Name): boolean {
    return this.active.has(name);
  }
}

/** Checks names against a catalogue; an unknown name throws an Error that lists the valid ones. */
export function parseSwitches<Name extends string>(
  kind: string,
  catalogue: Readonly<Record<Name, string>>,
  names: readonly string[] = [],
): Switches<Name> {
  const valid = Object.keys(catalogue);
  const unknown = names.filter((name) => !valid.includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown ${kind} ${unknown.map((n) => `"${n}"`).join(", ")}; valid: ${valid.join(", ")}`);
  }
  return new Switches(names as Name[]);
}
