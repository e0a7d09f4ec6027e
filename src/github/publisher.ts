import type { ReviewSession } from "./github-client.js";

/**
 * The shape every GitHub publisher has (reviewdog's reporter interface): it sends one rendered value for
 * one pull request and decides nothing. Each publisher declares it with `satisfies Publisher<…>`.
 */
export interface Publisher<Value, Result = void> {
  publish(session: ReviewSession, value: Value): Promise<Result>;
}
