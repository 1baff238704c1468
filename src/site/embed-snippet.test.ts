import { describe, expect, it } from "vitest";
import { embedUrl, iframeSnippet, openUrl } from "./embed-snippet.ts";

describe("embedUrl / openUrl", () => {
  it("put the chart's embed page under the site root with the page's query", () => {
    expect(embedUrl("http://h:1/", "national-profit", "?v=1&extends=pbr-high")).toBe(
      "http://h:1/embed/national-profit?v=1&extends=pbr-high",
    );
    expect(embedUrl("http://h:1/site/", "comparison", "_base=a")).toBe(
      "http://h:1/site/embed/comparison?_base=a",
    );
    expect(openUrl("http://h:1/", "explorer", "")).toBe("http://h:1/explorer");
  });
  it("refuse a root that is not a folder", () => {
    expect(() => embedUrl("http://h:1/explorer", "x", "")).toThrow(/must end in "\/"/);
  });
});

describe("iframeSnippet", () => {
  it("gives a full-width iframe with escaped attributes", () => {
    expect(
      iframeSnippet({ src: "http://h/embed/x?v=1&a=b", title: 'Mine "best" <b>', height: 460 }),
    ).toBe(
      '<iframe src="http://h/embed/x?v=1&amp;a=b" title="Mine &quot;best&quot; &lt;b&gt;" width="100%" height="460" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
  });
  it("refuses a height outside 100–4000 px and a non-http source", () => {
    expect(() => iframeSnippet({ src: "http://h/", title: "t", height: 50 })).toThrow(
      /height must be a whole number of pixels from 100 to 4000, got 50/,
    );
    expect(() => iframeSnippet({ src: "javascript:alert(1)", title: "t", height: 400 })).toThrow(
      /src must be an http\(s\) address/,
    );
  });
});
