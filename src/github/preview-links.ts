import { LRUCache } from "lru-cache";
import type { Config } from "../config/schema.js";
import { type PreviewGrant, signPreviewToken } from "../preview/preview-token.js";
import type { FileResult } from "../report/file-result.js";
import { deepLink, type PostPreview } from "../report/preview-links.js";
import { type PostSummary, previewUrlFor } from "../report/summary-comment.js";
import { identifyPost } from "../site/post-identity.js";
import type { Site } from "../site/site.js";

/** The path under which the app serves its built-in preview. */
export const PREVIEW_PATH_PREFIX = "/relecteur/apercu";

export interface BuiltInPreviewSettings {
  /** `RELECTEUR_PUBLIC_URL`: the app's address as readers reach it (`https://relecteur.example.org`). */
  publicUrl: string;
  /** `RELECTEUR_PREVIEW_SECRET`, then `RELECTEUR_PREVIEW_SECRET_PREVIOUS` during a rotation. */
  secrets: readonly string[];
}

/** The built-in preview's settings from the environment; undefined (no built-in link) without both. */
export function builtInPreviewSettings(env: NodeJS.ProcessEnv): BuiltInPreviewSettings | undefined {
  const publicUrl = env.RELECTEUR_PUBLIC_URL?.trim();
  const secret = env.RELECTEUR_PREVIEW_SECRET?.trim();
  if (!publicUrl || !secret) return undefined;
  try {
    new URL(publicUrl);
  } catch {
    throw new Error(`RELECTEUR_PUBLIC_URL n’est pas une adresse\u00a0: ${publicUrl}`);
  }
  const previous = env.RELECTEUR_PREVIEW_SECRET_PREVIOUS?.trim();
  return { publicUrl: publicUrl.replace(/\/+$/, ""), secrets: previous ? [secret, previous] : [secret] };
}

/** The address of a built-in preview page (`…/<token>/`); its files are under the same path. */
export function builtInPreviewUrl(settings: BuiltInPreviewSettings, grant: PreviewGrant): string {
  return `${settings.publicUrl}${PREVIEW_PATH_PREFIX}/${signPreviewToken(grant, settings.secrets[0] ?? "")}/`;
}

/**
 * Deployments reported for a commit (`owner/repo@sha` → address), kept in memory: a review that ends
 * after the deployment reported links to it at once. Bounded: only recent commits matter.
 */
export class DeploymentRegistry {
  private readonly known = new LRUCache<string, string>({ max: 2_000 });
  private readonly statusContexts = new LRUCache<string, { glob?: string }>({ max: 2_000 });

  /**
   * A repository's `preview.statusContext`, as its last review here read it: a commit status then costs no
   * request (CI statuses are many; reading the configuration for each would double their cost).
   */
  rememberStatusContext(owner: string, repo: string, glob: string | undefined): void {
    this.statusContexts.set(`${owner}/${repo}`, glob === undefined ? {} : { glob });
  }

  /** The remembered `preview.statusContext`; undefined when unset or not known here yet. */
  statusContextOf(owner: string, repo: string): string | undefined {
    return this.statusContexts.get(`${owner}/${repo}`)?.glob;
  }

  record(owner: string, repo: string, sha: string, url: string): void {
    this.known.set(`${owner}/${repo}@${sha}`, url);
  }

  find(owner: string, repo: string, sha: string): string | undefined {
    return this.known.get(`${owner}/${repo}@${sha}`);
  }
}

export interface PreviewContext {
  owner: string;
  repo: string;
  /** Absent for `relecteur review`, which has no pull request: then no `{number}` template nor built-in link. */
  number?: number;
  headSha: string;
  installationId?: number;
  isPrivate: boolean;
  now: Date;
  builtIn?: BuiltInPreviewSettings;
  deployments?: DeploymentRegistry;
}

/**
 * Each post's preview link, best first: the site's own deployment of this commit, already reported;
 * the `preview.url` template; the built-in preview (with its findings-marked twin when there are findings),
 * unless its settings are missing or the repository is private without `preview.private`.
 */
export function withPreviewLinks(
  summaries: readonly PostSummary[],
  results: readonly FileResult[],
  site: Site,
  config: Config,
  context: PreviewContext,
): PostSummary[] {
  context.deployments?.rememberStatusContext(context.owner, context.repo, config.preview.statusContext);
  const deployment = context.deployments?.find(context.owner, context.repo, context.headSha);
  const baseurl = site.jekyll.baseurl;
  return summaries.map((summary, index) => {
    const result = results[index];
    const permalink =
      result?.source === undefined ? undefined : identifyPost(result.path, result.source, site).permalink;
    const common = { commit: context.headSha, baseurl, ...(permalink === undefined ? {} : { permalink }) };
    let preview: PostPreview | undefined;
    const templated = previewUrlFor(config.preview.url, permalink, context.number);
    if (deployment !== undefined && permalink !== undefined) {
      preview = { kind: "deployment", url: deepLink(deployment, baseurl, permalink), ...common };
    } else if (templated !== undefined) {
      preview = { kind: "template", url: templated, ...common };
    } else if (
      context.builtIn !== undefined &&
      context.installationId !== undefined &&
      context.number !== undefined &&
      result?.source !== undefined &&
      (!context.isPrivate || config.preview.private)
    ) {
      const url = builtInPreviewUrl(context.builtIn, {
        installationId: context.installationId,
        owner: context.owner,
        repo: context.repo,
        pullNumber: context.number as number,
        commit: context.headSha,
        path: summary.path,
        expires: Math.floor(context.now.getTime() / 1000) + config.preview.expiresDays * 86_400,
      });
      preview = {
        kind: "builtin",
        url,
        ...(summary.findings.length > 0 ? { annotatedUrl: `${url}?relecture=1` } : {}),
        ...common,
      };
    }
    // Without a link, the hidden place is still written when a deployment could fill it later.
    if (preview === undefined && permalink !== undefined) preview = common;
    const { previewUrl: _template, ...rest } = summary;
    return preview === undefined ? summary : { ...rest, preview };
  });
}
