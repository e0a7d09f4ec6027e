/** What the preview could not reproduce, said once each in the page's banner. */
export class Omissions {
  private readonly items = new Set<string>();

  add(item: string): void {
    this.items.add(item);
  }

  list(): string[] {
    return [...this.items];
  }
}
