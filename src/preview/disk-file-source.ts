import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { listSiteFiles } from "../site/load-local-site.js";
import { filesUnder, type SiteFileSource, sitePath } from "./file-source.js";

/**
 * A folder on disk as a file source (the command line's). The listing is taken once: a preview renders
 * a site as it stands when the command starts.
 */
export function diskFileSource(root: string): SiteFileSource {
  let listing: string[] | undefined;
  return {
    readFile: async (path) => {
      const inside = sitePath(path);
      if (inside === undefined) return undefined;
      try {
        return await readFile(join(root, inside));
      } catch {
        return undefined; // Absent, a folder or unreadable: for a template, the file is not there.
      }
    },
    list: async (folder) => {
      listing ??= listSiteFiles(root);
      return filesUnder(listing, folder);
    },
  };
}
