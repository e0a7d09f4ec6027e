import { describe, expect, it } from "vitest";
import { liquidBlocks } from "../../src/review/liquid-blocks.js";

describe("liquidBlocks", () => {
  const rows: { name: string; source: string; expected: string[] }[] = [
    {
      name: "a raw block",
      source: "a {% raw %}{{ x }}{% endraw %} b",
      expected: ["{% raw %}{{ x }}{% endraw %}"],
    },
    {
      name: "whitespace control",
      source: "{%- raw -%}x{%- endraw -%}",
      expected: ["{%- raw -%}x{%- endraw -%}"],
    },
    {
      name: "a highlight block with its language",
      source: "{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}",
      expected: ["{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}"],
    },
    { name: "an opening tag never closed", source: "{% raw %} a {% raw %} b", expected: [] },
    { name: "a closing tag alone", source: "a {% endraw %}", expected: [] },
    {
      name: "nested openings close at the first end",
      source: "{% raw %}{% raw %}x{% endraw %}",
      expected: ["{% raw %}{% raw %}x{% endraw %}"],
    },
    {
      name: "another kind's end does not close",
      source: "{% comment %}x{% endraw %}y{% endcomment %}",
      expected: ["{% comment %}x{% endraw %}y{% endcomment %}"],
    },
    { name: "names not asked for", source: "{% capture a %}x{% endcapture %}", expected: [] },
  ];
  for (const { name, source, expected } of rows) {
    it(name, () => {
      const blocks = liquidBlocks(source, ["raw", "comment", "highlight"]).map(([start, end]) =>
        source.slice(start, end),
      );
      expect(blocks).toEqual(expected);
    });
  }

  it("stays linear on thousands of unclosed tags", () => {
    const source = "{% raw %}".repeat(20000);
    expect(liquidBlocks(source, ["raw"])).toEqual([]);
  });
});
