/**
 * Edit fields of one national row of data/parameters.csv in place: every other line is kept
 * byte for byte (the file is the data helper's; the calibration only writes back what it fits).
 */
export function replaceParameterFields(
  text: string,
  id: string,
  fields: Readonly<Record<string, string>>,
): string {
  const lines = text.split("\n");
  const header = parseCsvLine(lines[0]!);
  let hits = 0;
  const out = lines.map((line, i) => {
    if (i === 0 || line === "") return line;
    const cells = parseCsvLine(line);
    if (cells[header.indexOf("id")] !== id || cells[header.indexOf("crc")] !== "") return line;
    hits += 1;
    for (const [name, value] of Object.entries(fields)) {
      const k = header.indexOf(name);
      if (k < 0) throw new Error(`parameters.csv has no column ${name}`);
      cells[k] = value;
    }
    return cells.map(quoteCsv).join(",");
  });
  if (hits !== 1)
    throw new Error(`parameters.csv: expected one national row for ${id}, found ${hits}`);
  return out.join("\n");
}

export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export function quoteCsv(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
