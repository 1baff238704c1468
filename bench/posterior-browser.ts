/**
 * `npm run bench:browser` (issue #14): the Calibration page's back-test in headless Chromium on
 * the built site — BENCH_POSTERIOR_BROWSER_DRAWS prior draws (default 100,000) in the two engine
 * workers, weighed on the page — read from the page's own "Done in … s" line, with the effective
 * sample size. Target ≤ 20 s. Prints numbers; asserts nothing.
 */
import { openSite, settled, watchedPage } from "../test/browser/harness.ts";

const DRAWS = Number(process.env.BENCH_POSTERIOR_BROWSER_DRAWS ?? 100_000);
const site = await openSite();
try {
  const { page } = await watchedPage(site);
  const t0 = performance.now();
  await page.goto(`${site.url}/calibration?_asof=2018-03&_bt_draws=${DRAWS}&_bt_seed=2014`);
  await settled(page);
  await page.getByTestId("backtest-table").waitFor({ timeout: 600_000 });
  const wall = (performance.now() - t0) / 1000;
  const status = (await page.getByTestId("backtest-status").textContent()) ?? "";
  const seconds = /Done in ([\d.]+) s/.exec(status)?.[1];
  const ess = /effective sample size ([\d,]+)/.exec(status)?.[1];
  console.log(
    `Calibration page, back-test in the browser: ${DRAWS.toLocaleString("en-GB")} prior draws on ${page.workers().length} workers in ${seconds} s ` +
      `(target ≤ 20 s; ${wall.toFixed(1)} s from opening the page), effective sample size ${ess}`,
  );
} finally {
  await site.close();
}
