/**
 * Greedy word wrap to at most `maxChars` characters a line. A word longer than a line (a URL,
 * a hash) is cut into line-sized pieces rather than overflowing the figure. Whitespace runs
 * collapse to one space; nothing else is dropped.
 */
export function wrapText(text: string, maxChars: number): string[] {
  if (!Number.isInteger(maxChars) || maxChars < 1)
    throw new Error(`wrapText: maxChars must be a whole number ≥ 1, got ${maxChars}`);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    let rest = word;
    if (line !== "" && line.length + 1 + rest.length <= maxChars) {
      line += ` ${rest}`;
      continue;
    }
    if (line !== "") lines.push(line);
    while (rest.length > maxChars) {
      lines.push(rest.slice(0, maxChars));
      rest = rest.slice(maxChars);
    }
    line = rest;
  }
  if (line !== "") lines.push(line);
  return lines;
}
