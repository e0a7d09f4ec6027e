import { posix } from "node:path";

export interface PostDate {
  year: number;
  month: number;
  day: number;
}

/** What a post's file name says about it (`_posts/2017-07-06-cellule-innovation.md`). */
export interface PostPathInfo {
  path: string;
  fileName: string;
  /** Extension with its dot, e.g. `.md`. */
  ext: string;
  /** `YYYY-MM-DD` as written in the name, when the name starts with one. */
  dateText?: string;
  /** The date when it exists in the calendar. */
  date?: PostDate;
  /** The part of the name after the date, without extension: it becomes `:title` in the URL. */
  slug?: string;
  /** Folders above `_posts/` are categories in Jekyll (`blog/_posts/…` → `blog`). */
  folderCategories: string[];
  /** True for a post read from standard input without a name. */
  isAnonymous: boolean;
}

/** The path of a post read from standard input without `--path`: it has no file name to check. */
export const STDIN_PATH = "<stdin>";

/** Jekyll's DATE_FILENAME_MATCHER accepts one-digit months and days (`2024-3-5-bilan.md`). */
const POST_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/;

export function parsePostPath(path: string): PostPathInfo {
  const fileName = posix.basename(path);
  const ext = posix.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  const match = POST_NAME.exec(stem);
  const info: PostPathInfo = {
    path,
    fileName,
    ext,
    folderCategories: folderCategories(path),
    isAnonymous: path === STDIN_PATH,
  };
  if (!match) return info;
  const [, year, month, day, slug] = match as unknown as [string, string, string, string, string];
  info.dateText = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  info.slug = slug;
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  if (isCalendarDate(date)) info.date = date;
  return info;
}

export function isCalendarDate({ year, month, day }: PostDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDate({ year, month, day }: PostDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function folderCategories(path: string): string[] {
  const parts = path.split("/");
  const postsIndex = parts.lastIndexOf("_posts");
  if (postsIndex <= 0) return [];
  return parts.slice(0, postsIndex).filter((part) => part !== "" && part !== ".");
}
