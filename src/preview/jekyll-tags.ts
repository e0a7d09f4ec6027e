import { posix } from "node:path";
import {
  type Context,
  type Emitter,
  Hash,
  IncludeTag,
  type Liquid,
  type Parser,
  Tag,
  type TagToken,
  type Template,
  type TopLevelToken,
} from "liquidjs";
import { readText, type SiteFileSource } from "./file-source.js";
import type { Omissions } from "./omissions.js";

/** Beyond this many nested includes, the page stops rendering (an include that includes itself). */
export const MAX_INCLUDE_DEPTH = 20;

/** What Jekyll's tags need of the site. */
export interface TagSite {
  source: SiteFileSource;
  baseurl: string;
  omissions: Omissions;
  /** `page.url` of a post named like `2017-07-06-slug` (Jekyll's `post_url`), without baseurl. */
  postUrl(name: string): Promise<string | undefined>;
  /** `page.url` of the document built from a source file (Jekyll's `link`), without baseurl. */
  documentUrl(path: string): Promise<string | undefined>;
}

/** Tags of Jekyll plugins known by name, to say which plugin the preview leaves out. */
const PLUGIN_TAGS: Record<string, string> = {
  seo: "jekyll-seo-tag",
  feed_meta: "jekyll-feed",
  gist: "jekyll-gist",
  github_edit_link: "jekyll-github-metadata",
  avatar: "jekyll-avatar",
  mentions: "jekyll-mentions",
  twitter: "jekyll-twitter-plugin",
  bibliography: "jekyll-scholar",
};

export function registerJekyllTags(liquid: Liquid, site: TagSite): void {
  const enter = (ctx: Context) => {
    const state = ctx.getRegister<{ depth: number }>("relecteur-include", { depth: 0 });
    if (state.depth >= MAX_INCLUDE_DEPTH) {
      throw new Error(
        `plus de ${MAX_INCLUDE_DEPTH} inclusions imbriquées (une inclusion qui s’inclut elle-même\u202f?)`,
      );
    }
    state.depth += 1;
    return () => {
      state.depth -= 1;
    };
  };

  class BoundedInclude extends IncludeTag {
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const leave = enter(ctx);
      try {
        yield* super.render(ctx, emitter);
      } finally {
        leave();
      }
    }
  }

  /** `{% include_relative file.md param=value %}`: a file beside the page being rendered. */
  class IncludeRelative extends Tag {
    private readonly file: string;
    private readonly hash: Hash;
    constructor(token: TagToken, remain: TopLevelToken[], engine: Liquid) {
      super(token, remain, engine);
      const [file = "", ...rest] = token.args.trim().split(/\s+/);
      this.file = file;
      this.hash = new Hash(rest.join(" "), true);
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const leave = enter(ctx);
      try {
        const name = (yield this.liquid.parseAndRender(this.file, ctx.getAll())) as string;
        const page = ctx.getAll() as { page?: { path?: unknown } };
        const folder = typeof page.page?.path === "string" ? posix.dirname(page.page.path) : "";
        const path = posix.join(folder, name);
        const text = (yield readText(site.source, path)) as string | undefined;
        if (text === undefined)
          throw new Error(`include_relative ${name}\u00a0: fichier introuvable (${path})`);
        const templates = (yield this.liquid.parse(text, path)) as Template[];
        ctx.push({ include: yield this.hash.render(ctx) });
        try {
          yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
        } finally {
          ctx.pop();
        }
      } finally {
        leave();
      }
    }
  }

  /**
   * `{% highlight ruby %}…{% endhighlight %}`: Jekyll's markup, `<figure class="highlight"><pre><code
   * class="language-ruby" data-lang="ruby">`, on one line (new lines as `&#10;`), so that Markdown keeps
   * it as one HTML block even when the code holds blank lines. Tokens are not coloured.
   */
  class Highlight extends Tag {
    private readonly language: string;
    private readonly templates: Template[] = [];
    constructor(token: TagToken, remain: TopLevelToken[], engine: Liquid, parser: Parser) {
      super(token, remain, engine);
      this.language = (token.args.trim().split(/\s+/)[0] ?? "").replace(/[^\w+#.-]/g, "");
      const stream = parser
        .parseStream(remain)
        .on("tag:endhighlight", () => stream.stop())
        .on("template", (template: Template) => this.templates.push(template))
        .on("end", () => {
          throw new Error(`tag ${token.getText()} not closed`);
        });
      stream.start();
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const code = ((yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string).replace(
        /^(?:\r?\n)+|(?:\r?\n)+$/g,
        "",
      );
      const language = this.language === "" ? "plaintext" : this.language;
      const escaped = escapeHtml(`${code}\n`).replace(/\r?\n/g, "&#10;");
      emitter.write(
        `<figure class="highlight"><pre><code class="language-${language}" data-lang="${language}">${escaped}</code></pre></figure>`,
      );
    }
  }

  /** `{% post_url 2017-07-06-slug %}` and `{% link _posts/2017-07-06-slug.md %}`, baseurl included (Jekyll 4). */
  const urlTag = (kind: "post_url" | "link") =>
    class extends Tag {
      private readonly argument: string;
      constructor(token: TagToken, remain: TopLevelToken[], engine: Liquid) {
        super(token, remain, engine);
        this.argument = token.args.trim();
      }
      *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
        const name = ((yield this.liquid.parseAndRender(this.argument, ctx.getAll())) as string).trim();
        const url = (yield kind === "post_url" ? site.postUrl(name) : site.documentUrl(name)) as
          | string
          | undefined;
        if (url === undefined) {
          site.omissions.add(`{% ${kind} ${name} %}\u00a0: introuvable dans le site`);
          return;
        }
        emitter.write(`${site.baseurl}${url}`);
      }
    };

  liquid.registerTag("include", BoundedInclude);
  liquid.registerTag("include_relative", IncludeRelative);
  liquid.registerTag("highlight", Highlight);
  liquid.registerTag("post_url", urlTag("post_url"));
  liquid.registerTag("link", urlTag("link"));
  allowUnknownTags(liquid, site.omissions);
}

/**
 * A tag that no Jekyll plugin of ours knows (`{% seo %}`, a site's own Ruby plugin) renders nothing, and the
 * banner says so; a block form (`{% x %}…{% endx %}`) drops its content. liquidjs has no hook for unknown
 * tags: its table of tags answers with a placeholder for any name it lacks.
 */
function allowUnknownTags(liquid: Liquid, omissions: Omissions): void {
  const placeholders = new Map<string, unknown>();
  const placeholderFor = (name: string) => {
    let placeholder = placeholders.get(name);
    if (!placeholder) {
      placeholder = class extends Tag {
        constructor(token: TagToken, remain: TopLevelToken[], engine: Liquid) {
          super(token, remain, engine);
          const end = remain.findIndex((item) => "name" in item && item.name === `end${name}`);
          if (end !== -1) remain.splice(0, end + 1);
          const plugin = PLUGIN_TAGS[name];
          omissions.add(
            plugin ? `{% ${name} %} (extension ${plugin})` : `{% ${name} %} (extension Jekyll inconnue)`,
          );
        }
        render(): string {
          return "";
        }
      };
      placeholders.set(name, placeholder);
    }
    return placeholder;
  };
  const tags = liquid.tags;
  Reflect.set(
    liquid,
    "tags",
    new Proxy(tags, {
      get: (target, name) =>
        typeof name === "string" && !(name in target) && /^\w+$/.test(name) && !name.startsWith("end")
          ? placeholderFor(name)
          : Reflect.get(target, name),
    }),
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
