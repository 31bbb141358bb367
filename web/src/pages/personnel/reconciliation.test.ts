import { describe, expect, it } from "vitest";
import { reconciliationRows } from "./reconciliation.ts";

const persons = [
  { id: "P-1", name: "Amy Adams", nationality: "US" },
  { id: "P-2", name: "Bob Brown", nationality: "US" },
  { id: "P-3", name: "", nationality: "" },
];

describe("reconciliationRows", () => {
  it("joins each part with the persons' names", () => {
    const rows = reconciliationRows(
      {
        inCountry: [{ person: "P-1", site: "AGADEZ", since: "2024-05-20T08:00:00Z" }],
        left: [{ person: "P-2", movement: "M-1", at: "2024-06-03T09:16:00Z" }],
        leftUnrecorded: [{ person: "P-1", movement: "M-2" }],
        exitWithoutManifest: [],
        neverEntered: ["P-3"],
        unknownPersons: ["P-9"],
      },
      persons,
    );
    expect(rows?.inCountry).toEqual([{ person: "P-1", name: "Amy Adams", nationality: "US", site: "AGADEZ", at: "2024-05-20T08:00:00Z" }]);
    expect(rows?.left).toEqual([{ person: "P-2", name: "Bob Brown", nationality: "US", movement: "M-1", at: "2024-06-03T09:16:00Z" }]);
    expect(rows?.leftUnrecorded).toEqual([{ person: "P-1", name: "Amy Adams", nationality: "US", movement: "M-2" }]);
    expect(rows?.neverEntered).toEqual([{ person: "P-3", name: "", nationality: "" }]);
    expect(rows?.unknownPersons).toEqual([{ person: "P-9", name: "", nationality: "" }]);
  });

  it("refuses an answer that is not a report", () => {
    expect(reconciliationRows({ inCountry: "everyone" }, persons)).toBeUndefined();
  });
});
