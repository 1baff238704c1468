import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeXml, exportSvgDocument, layoutLegend } from "./export-svg.ts";

const block = (w: number, h: number) => ({
  markup: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="1" height="1"/></svg>`,
  width: w,
  height: h,
});

describe("exportSvgDocument", () => {
  it("stacks the chart's SVGs under the title and puts the caption underneath", () => {
    const out = exportSvgDocument({
      title: "Profit by year",
      blocks: [block(640, 260), block(640, 200)],
      legend: [],
      caption: ["Profit by year", "Scenario: As let (hash abc)", "Rebuild: http://h/x?v=1&a=b"],
    });
    expect(out.width).toBe(640 + 32);
    expect(out.height).toBeGreaterThan(260 + 200);
    expect(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out.svg).toContain(`width="${out.width}" height="${out.height}"`);
    expect(out.svg).toContain("<title>Profit by year</title>");
    // The address's "&" is escaped, in the visible caption and in <desc>.
    expect(out.svg).toContain(">Rebuild: http://h/x?v=1&amp;a=b</text>");
    expect(out.svg).toContain(
      "<desc>Profit by year\nScenario: As let (hash abc)\nRebuild: http://h/x?v=1&amp;a=b</desc>",
    );
    const first = out.svg.indexOf("translate(16,");
    const second = out.svg.indexOf("translate(16,", first + 1);
    const y = (i: number) => Number(/translate\(16,(\d+)\)/.exec(out.svg.slice(i))![1]);
    expect(y(second) - y(first)).toBe(260 + 8);
    expect(out.svg.indexOf(">Scenario: As let")).toBeGreaterThan(second);
  });

  it("redraws a swatch legend as SVG, escaping labels and colours", () => {
    const out = exportSvgDocument({
      title: "t",
      blocks: [block(400, 100)],
      legend: [
        { color: "#0072B2", label: "Fee <for> service" },
        { color: 'red" onload="x', label: "PbR" },
      ],
      caption: ["t"],
    });
    expect(out.svg).toContain('fill="#0072B2"');
    expect(out.svg).toContain(">Fee &lt;for&gt; service</text>");
    expect(out.svg).toContain('fill="red&quot; onload=&quot;x"');
    expect(out.svg).not.toContain('onload="x"');
  });

  it("keeps every caption line within the figure's estimated width", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 1400 }),
        fc.array(fc.string({ maxLength: 400 }), { minLength: 1, maxLength: 6 }),
        (w, caption) => {
          const out = exportSvgDocument({
            title: "t",
            blocks: [block(w, 50)],
            legend: [],
            caption,
          });
          const inner = Math.max(320, w);
          for (const m of out.svg.matchAll(/font-size="11"[^>]*>([^<]*)<\/text>/g)) {
            const text = m[1]!.replace(/&[a-z]+;/g, "x");
            expect(text.length * 11 * 0.56).toBeLessThanOrEqual(inner);
          }
        },
      ),
    );
  });

  it("refuses a chart block with no size", () => {
    expect(() =>
      exportSvgDocument({ title: "t", blocks: [block(0, 10)], legend: [], caption: [] }),
    ).toThrow(/a chart block has no size \(0×10\)/);
  });
});

describe("layoutLegend", () => {
  it("wraps swatches to a new row when the next would overflow", () => {
    const placed = layoutLegend(
      [
        { color: "a", label: "x".repeat(20) },
        { color: "b", label: "y".repeat(20) },
        { color: "c", label: "z" },
      ],
      250,
    );
    expect(placed.map((p) => [p.row, p.x])).toEqual([
      [0, 0],
      [1, 0],
      [1, 12 + 6 + Math.ceil(20 * 12 * 0.58) + 16],
    ]);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
  });
});
