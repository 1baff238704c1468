// Observable Framework configuration. See BUILDING.md (../shared) for why some defaults change.
export default {
  title: "CRC scenarios",
  root: "docs",
  output: "dist",
  // The default head loads a web font from a public font service; the site must make no
  // external request (locked-down government networks), so no global stylesheet from outside.
  globalStylesheets: [],
  style: "style.css",
  pages: [
    { name: "Overview", path: "/" },
    { name: "Explorer", path: "/explorer" },
    { name: "Methodology", path: "/methodology" },
    { name: "Calibration", path: "/calibration" },
    { name: "Sources & assumptions", path: "/sources" },
    { name: "Glossary", path: "/glossary" },
  ],
  head: '<link rel="icon" href="data:,">',
  footer: "crc-scenarios — a transparent reconstruction of the CRC contracts, 2015–2022.",
  search: false,
};
