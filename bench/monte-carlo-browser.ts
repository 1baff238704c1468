/**
 * `npm run bench:browser`: the Uncertainty page's 1,000-draw preview in headless Chromium, on the
 * built site. After a first run (workers started, JIT warm), the seed is changed BENCH_MC_RUNS
 * times (default 12) and the page's own figure is read: "… ms in the worker round trip"
 * ([data-testid=mc-time], `engine.monteCarlo` from request to summary, split across the engine
 * worker and the Monte Carlo worker). Target ≤ 150 ms (issue #6). Prints numbers; asserts nothing.
 */
import { openSite, settled, watchedPage } from "../test/browser/harness.ts";

const RUNS = Number(process.env.BENCH_MC_RUNS ?? 12);
const DRAWS = 1000;

const site = await openSite();
try {
  const { page, problems } = await watchedPage(site);
  await page.goto(`${site.url}/uncertainty?v=1&extends=the-2017-variation&_draws=${DRAWS}&_seed=1`);
  await settled(page);
  const headline = page.getByTestId("mc-headline");
  await headline.waitFor();
  const seedInput = page.getByRole("spinbutton", { name: "Seed" });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const seed = String(100 + i);
    await page.waitForTimeout(400); // let the previous run's charts finish drawing
    await seedInput.fill(seed); // one "input" event: one run
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid="mc-headline"]')?.getAttribute("data-seed") === s,
      seed,
    );
    const text = (await page.getByTestId("mc-time").textContent()) ?? "";
    times.push(Number(/(\d+) ms/.exec(text)?.[1]));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `Uncertainty page, ${DRAWS.toLocaleString("en-GB")} draws, warm, ${RUNS} seeds: worker round trip ` +
      `min ${sorted[0]} ms, median ${sorted[Math.floor(RUNS / 2)]} ms, max ${sorted[RUNS - 1]} ms ` +
      `(target ≤ 150 ms; ${page.workers().length} workers): ${times.join(", ")}`,
  );
  const count = Object.values(problems).reduce((n, list) => n + (list as unknown[]).length, 0);
  if (count > 0) console.log(`page problems: ${JSON.stringify(problems)}`);
} finally {
  await site.close();
}
