import type { HeadlineFigures } from "../versions/record.ts";
import {
  comparisonAnchor,
  compareSemver,
  isVersionNumber,
  type ModelVersionsData,
  type VersionSummary,
} from "./model-versions.ts";
import { pageMillions } from "../engine/format-millions.ts";

export interface VersionNote {
  /** "recorded": a version with a record; "unrecorded": a version number without one; "malformed". */
  readonly kind: "recorded" | "unrecorded" | "malformed";
  /** The link's `_mv` value as given. */
  readonly linkVersion: string;
  readonly currentVersion: string;
  /** The note: one or two sentences. */
  readonly text: string;
  /** The same in one short line (under an embedded chart). */
  readonly short: string;
  /** The link's words and address: the comparison on /versions (or the page itself). */
  readonly linkText: string;
  readonly href: string;
  /** The link's scenario's headline figures then and now, when the records hold them. */
  readonly figures: { readonly then: HeadlineFigures; readonly now: HeadlineFigures } | null;
}

export interface VersionNoteInput {
  /** The address's `_mv` value (`linkVersionFromSearch`); null when it has none. */
  readonly linkVersion: string | null;
  /** MODEL_VERSION: the version this page shows. */
  readonly currentVersion: string;
  /**
   * The scenario the link opened (null when the address's scenario could not be used). Only a
   * preset with no inputs changed has figures in a record.
   */
  readonly scenario: {
    readonly extends?: string;
    readonly parameters?: Readonly<Record<string, unknown>>;
  } | null;
  /** The loader's output (docs/data/model-versions.json.ts). */
  readonly versions: ModelVersionsData;
  /** The site's root address, ending in "/" (or "" for a root-relative "versions#…"). */
  readonly root?: string;
  /** Whose figures, when the page shows more than one scenario, e.g. "The baseline, “…”,". */
  readonly subject?: string;
}

/** At most 40 characters of a user's value, for a sentence. */
function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** The preset a scenario is when it changes no input, else null. */
function plainPreset(scenario: VersionNoteInput["scenario"]): string | null {
  if (scenario === null || scenario.extends === undefined) return null;
  if (scenario.parameters !== undefined && Object.keys(scenario.parameters).length > 0) return null;
  return scenario.extends;
}

/** Where to read what changed between two versions: the comparison that starts at the older. */
function comparisonLink(versions: readonly VersionSummary[], a: string, b: string) {
  const [lo, hi] = compareSemver(a, b) < 0 ? [a, b] : [b, a];
  const at = versions.findIndex((v) => v.version === lo);
  const next = at >= 0 ? versions[at + 1]?.version : undefined;
  if (next === undefined) return { anchor: "", text: "Model versions" };
  return {
    anchor: comparisonAnchor(lo, next),
    text:
      next === hi
        ? `What changed from ${lo} to ${hi}`
        : `What changed from ${lo} to ${hi}, one version at a time`,
  };
}

function figuresSentence(
  input: VersionNoteInput,
  then: VersionSummary,
  now: VersionSummary | undefined,
): { sentence: string; figures: VersionNote["figures"] } {
  const preset = plainPreset(input.scenario);
  if (input.scenario === null) return { sentence: "", figures: null };
  if (preset === null)
    return {
      sentence:
        " Figures from past versions are kept for the presets only (with no input changed), so " +
        "this scenario's figures then cannot be shown.",
      figures: null,
    };
  if (now === undefined)
    return {
      sentence: ` This site has no record of version ${input.currentVersion}'s figures, so they cannot be set side by side.`,
      figures: null,
    };
  const a = then.presets[preset];
  const b = now.presets[preset];
  if (a === undefined || b === undefined) {
    const missing = a === undefined ? then.version : input.currentVersion;
    return {
      sentence: ` The record of version ${missing} holds no figures for “${shown(preset)}”, so they cannot be set side by side.`,
      figures: null,
    };
  }
  const who = input.subject ? ` ${input.subject} then:` : " Then:";
  return {
    sentence:
      `${who} CRCs' profit ${pageMillions(a.crcProfitPence)}, ${a.lossMakingCrcs} of ${then.crcCount} losing; ` +
      `now: ${pageMillions(b.crcProfitPence)}, ${b.lossMakingCrcs} of ${now.crcCount}.`,
    figures: { then: a, now: b },
  };
}

/**
 * The note for a page opened from an address with `_mv`: null when there is none or it is this
 * page's version; otherwise what the link was made with, what the page shows, the figures then
 * and now when the record holds them, and the link to the comparison. Never throws on the link's
 * value: an unknown or malformed version gets a note that names it and the recorded versions.
 */
export function versionNote(input: VersionNoteInput): VersionNote | null {
  const { linkVersion, currentVersion, versions } = input;
  if (linkVersion === null || linkVersion === currentVersion) return null;
  const root = input.root ?? "";
  const recorded = versions.versions.map((v) => v.version);
  const known = recorded.length ? recorded.join(", ") : "none";
  const page = `this page shows version ${currentVersion}`;
  const base = { linkVersion, currentVersion, figures: null };

  if (!isVersionNumber(linkVersion)) {
    const what =
      linkVersion === ""
        ? "This link's model version (_mv) is empty"
        : `This link's model version “${shown(linkVersion)}” is not a version number`;
    return {
      ...base,
      kind: "malformed",
      text: `${what} (recorded versions: ${known}); ${page}.`,
      short: `${what}; this chart shows model version ${currentVersion}.`,
      linkText: "Model versions",
      href: `${root}versions`,
    };
  }
  const then = versions.versions.find((v) => v.version === linkVersion);
  if (then === undefined) {
    const newer = isVersionNumber(currentVersion) && compareSemver(linkVersion, currentVersion) > 0;
    const why = newer ? `newer than this site's` : "of which this site has no record";
    return {
      ...base,
      kind: "unrecorded",
      text: `This link was made with model version ${linkVersion}, ${why} (recorded versions: ${known}); ${page}.`,
      short: `Link made with model version ${linkVersion}, ${newer ? "newer than this site's" : "not recorded here"}; this chart shows ${currentVersion}.`,
      linkText: "Model versions",
      href: `${root}versions`,
    };
  }
  const now = versions.versions.find((v) => v.version === currentVersion);
  const link = isVersionNumber(currentVersion)
    ? comparisonLink(versions.versions, linkVersion, currentVersion)
    : { anchor: "", text: "Model versions" };
  const { sentence, figures } = figuresSentence(input, then, now);
  return {
    ...base,
    kind: "recorded",
    text: `This link was made with model version ${linkVersion}; ${page}.${sentence}`,
    short: `Link made with model version ${linkVersion}; this chart shows ${currentVersion}.`,
    linkText: link.text,
    href: `${root}versions${link.anchor ? `#${link.anchor}` : ""}`,
    figures,
  };
}
