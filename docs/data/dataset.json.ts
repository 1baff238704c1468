// Framework data loader: validates data/*.csv with the project's one loader (src/data) at build
// time and emits the typed dataset as JSON for the pages and the engine worker. Bad data stops
// the build with one line per problem naming file, line and column.
import { formatIssue } from "../../src/issues/issue.ts";
import { loadDataset } from "../../src/data/load-from-disk.ts";

const result = await loadDataset("data");
if (!result.ok) {
  for (const issue of result.issues) process.stderr.write(formatIssue(issue) + "\n");
  process.exit(1);
}
process.stdout.write(JSON.stringify(result.value));
