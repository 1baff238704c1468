// After `observable build` (npm's postbuild): in every built page, replace 'unsafe-inline' in
// the Content-Security-Policy's script-src (observablehq.config.ts) by the sha256 of each
// inline <script> of that page, so the built site runs its own inline scripts and nothing else
// (issue #15). A page without the policy, or with no script-src to rewrite, fails the build.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
// Inline scripts: a <script> tag without src, up to its end tag (the HTML parser takes the text
// between them as is, which is what the browser hashes).
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith("_") ? [] : pages(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

let rewritten = 0;
for (const file of pages(dist)) {
  const html = readFileSync(file, "utf8");
  const meta = META.exec(html);
  if (!meta)
    throw new Error(`${file}: no Content-Security-Policy meta (observablehq.config.ts head)`);
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
  );
  const policy = meta[1].replace(
    /script-src 'self' 'unsafe-eval' 'unsafe-inline'/,
    `script-src 'self' 'unsafe-eval' ${hashes.join(" ")}`,
  );
  if (policy === meta[1])
    throw new Error(
      `${file}: the policy has no "script-src 'self' 'unsafe-eval' 'unsafe-inline'" to rewrite`,
    );
  writeFileSync(
    file,
    html.replace(meta[0], `<meta http-equiv="Content-Security-Policy" content="${policy}">`),
  );
  rewritten++;
}
console.log(`Content-Security-Policy: inline scripts hashed in ${rewritten} pages`);
