import type { FakeFault } from "./fake-github.js";

/** The four ways a GitHub request fails in the fault tests, and the words the pull request gives each. */

export const SECONDARY_LIMIT: FakeFault = {
  status: 403,
  body: {
    message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  },
  headers: { "retry-after": "7" },
};

export const FAULTS: { name: string; fault: FakeFault; reason: string }[] = [
  { name: "500", fault: { status: 500, body: { message: "Server Error" } }, reason: "erreur HTTP 500" },
  { name: "502", fault: { status: 502, body: { message: "Bad Gateway" } }, reason: "erreur HTTP 502" },
  { name: "a hang", fault: "hang", reason: "GitHub n’a pas répondu dans le délai de 20\u00a0s" },
  {
    name: "a 403 secondary rate limit",
    fault: SECONDARY_LIMIT,
    reason: "GitHub a limité le débit des requêtes de Relecteur",
  },
];
