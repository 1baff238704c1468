import { monthName } from "./unit-text.ts";

/**
 * The Sources page's list of sources (issue #16): each with citation text a reader can use and,
 * where data/sources.csv records one, a link. A source without a citation of its own is cited
 * from its publisher, title and date; one held only as a primary text in the project's shared
 * sources names that file (the texts are not published with the site).
 */
export interface SourceLike {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
  readonly sourceFile: string;
  readonly citation: string;
  readonly note: string;
}

export interface SourceEntry {
  readonly id: string;
  /** The element id of its entry on the Sources page: link to `sources#${anchor}`. */
  readonly anchor: string;
  readonly citation: string;
  readonly title: string;
  readonly date: string;
  /** Its address, or "" when data/sources.csv records none. */
  readonly url: string;
  /** The primary text's file name in the shared sources, or "". */
  readonly file: string;
  readonly note: string;
}

/** The element id of a source's entry on the Sources page. */
export const sourceAnchor = (id: string): string => `source-${id}`;

/** "2018-01-19" → "19 January 2018"; "2016-04" → "April 2016"; else as written. */
export function dateText(date: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (day) return `${Number(day[3])} ${monthName(`${day[1]}-${day[2]}`)}`;
  return monthName(date);
}

/** The source's citation, or one made from its publisher, title and date. */
export function sourceCitation(source: SourceLike): string {
  if (source.citation.trim() !== "") return source.citation;
  return [source.publisher, `“${source.title}”`, dateText(source.date)]
    .filter((s) => s.trim() !== "" && s !== "“”")
    .join(", ");
}

export function sourceEntries(sources: readonly SourceLike[]): SourceEntry[] {
  return sources.map((s) => ({
    id: s.id,
    anchor: sourceAnchor(s.id),
    citation: sourceCitation(s),
    title: s.title,
    date: s.date,
    url: s.url,
    file: s.sourceFile,
    note: s.note,
  }));
}
