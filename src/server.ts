import { run } from "probot";
import app from "./app.js";
import { RelecteurOctokit } from "./github/resilient-octokit.js";

/**
 * `npm start`: Probot's own server (the same environment variables as `probot run`), with the GitHub
 * client whose every request is bounded in time and retried (src/github/resilient-octokit.ts). `probot
 * run dist/src/app.js` would work too, but with Probot's client: no time limit, and a secondary rate
 * limit waited for forever.
 */
await run(app, { Octokit: RelecteurOctokit });
