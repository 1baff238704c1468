import { describe, expect, it } from "vitest";
import { readTable } from "./read-table.ts";

describe("readTable", () => {
  it("numbers rows by their line in the file, header = line 1, skipping blank lines", () => {
    const t = readTable("x.csv", "id,source_id\na,s\n\nb,s\n", ["id", "source_id"]);
    expect(t.rows.map((r) => [r.line, r.cells.id])).toEqual([
      [2, "a"],
      [4, "b"],
    ]);
    expect(t.issues).toEqual([]);
    expect(t.readable).toBe(true);
  });

  it("reads quoted fields with commas (RFC 4180), CRLF line ends and a byte-order mark", () => {
    const t = readTable("x.csv", '\uFEFFid,source_id\r\n"a, b",s\r\n', ["id", "source_id"]);
    expect(t.rows).toEqual([{ line: 2, cells: { id: "a, b", source_id: "s" } }]);
  });

  it("names a line break inside a field, which would make line numbers lie", () => {
    const t = readTable("x.csv", 'id,source_id\n"a\nb",s\n', ["id", "source_id"]);
    expect(t.issues).toEqual([
      {
        path: "data/x.csv:2 [id]",
        message: '"a\\nb": line break inside a field: keep each row on one line',
      },
    ]);
  });

  it("names missing and unexpected columns and returns no rows", () => {
    const t = readTable("x.csv", "id,sauce_id\na,s\n", ["id", "source_id"]);
    expect(t.readable).toBe(false);
    expect(t.rows).toEqual([]);
    expect(t.issues).toEqual([
      {
        path: "data/x.csv:1 [source_id]",
        message: 'missing column "source_id"; the header must be: id,source_id',
      },
      {
        path: "data/x.csv:1 [sauce_id]",
        message: '"sauce_id": unexpected column "sauce_id"; the header must be: id,source_id',
      },
    ]);
  });
});
