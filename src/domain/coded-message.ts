/**
 * Messages with a stable code: each code names an English template with `{{placeholders}}`, the
 * caller gives the values, and both the code with its values (for a page to translate) and the
 * English text (for the command line) come out. The templates are data, so a test can check that
 * every code has its translation with the same placeholders.
 */

/** A message's values: what fills its `{{placeholders}}`. Numbers stay numbers so a page can format them. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A coded message: its code and values, and the English text. */
export interface CodedMessage {
  readonly code: string;
  readonly params: MessageParams;
  readonly text: string;
}

/** A problem and how to fix it, coded: one code names both templates. */
export interface CodedProblem {
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
  readonly hint: string;
}

/** The placeholders of a template, as a union of their names. */
export type Holes<S extends string> = S extends `${string}{{${infer P}}}${infer R}` ? P | Holes<R> : never;

/** The values a template needs: exactly its placeholders. */
export type ValuesOf<S extends string> = { readonly [K in Holes<S>]: string | number };

/** The placeholders of a template at run time, sorted. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "").sort();
}

/**
 * Fills a template's placeholders.
 *
 * @example
 * fillTemplate("{{n}} rows", { n: 3 }); // "3 rows"
 */
export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`message template "${template}" has no value for {{${name}}}`);
    return String(v);
  });
}

/**
 * A function that says one message of a catalogue of single templates.
 *
 * @example
 * const say = messageSayer({ "x.rows": "{{n}} rows" } as const);
 * say("x.rows", { n: 3 }); // { code: "x.rows", params: { n: 3 }, text: "3 rows" }
 */
export function messageSayer<const C extends Readonly<Record<string, string>>>(catalogue: C) {
  return <K extends keyof C & string>(code: K, params: ValuesOf<C[K]>): CodedMessage => ({
    code,
    params,
    text: fillTemplate(catalogue[code] as C[K] & string, params),
  });
}

/**
 * A function that says one problem of a catalogue of message and hint templates.
 *
 * @example
 * const say = problemSayer({ "x.empty": { message: "no {{what}}", hint: "write the {{what}}" } } as const);
 * say("x.empty", { what: "name" }).hint; // "write the name"
 */
export function problemSayer<const C extends Readonly<Record<string, { readonly message: string; readonly hint: string }>>>(catalogue: C) {
  return <K extends keyof C & string>(code: K, params: ValuesOf<C[K]["message"] | C[K]["hint"]>): CodedProblem => ({
    code,
    params,
    message: fillTemplate((catalogue[code] as C[K]).message, params),
    hint: fillTemplate((catalogue[code] as C[K]).hint, params),
  });
}
