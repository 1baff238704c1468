// Makes sure a Chromium for the browser tests exists: installs Debian's package when running as
// root, otherwise stops with a one-line instruction. Never skips the browser tests silently.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(path)) {
  if (process.getuid?.() === 0) {
    console.log(`Chromium not found at ${path}: installing Debian's chromium package…`);
    execSync(
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
      {
        stdio: "inherit",
      },
    );
  } else {
    console.error(
      `Browser tests need Chromium at ${path}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH) and retry.`,
    );
    process.exit(1);
  }
}
