using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SoulAtlas.Lint.Tests.Parity;

/// <summary>
/// Seeded edits of a real soul (SOUL.md and metadata.yaml text), the way contributors edit them and
/// the way they get them wrong: prose with awkward words, code, HTML and entities, links, tables and
/// task lists, headings with markup and other scripts, line-ending and white-space accidents, front
/// matter, sections at the rounding edges of reading time and completeness, and metadata edits of
/// related[], reviewers, provenance, source and dates.
/// </summary>
internal sealed class SoulEdits
{
    private static readonly string[] Words =
    {
        "practice", "judgement", "the", "client", "risk", "don't", "it's", "o'clock", "rock'n'roll", "well-known", "state-of-the-art",
        "e-mail", "24/7", "3D", "COVID-19", "1st", "v2.0", "x86_64", "naïve", "café", "Zürich", "São", "Ålesund", "smörgåsbord", "straße",
        "Δ-check", "πρακτική", "работа", "日本語", "عمل", "कार्य", "한국어", "l'été", "O’Brien", "rock’n’roll", "—", "–", "-", "--", "---",
        "#hashtag", "a|b", "*", "_x_", "__init__", "snake_case", "UPPER", "½", "²", "₂", "İstanbul", "ΟΔΟΣ", "ﬁle", "&", "&amp;", "&copy;",
        "&#233;", "&nbsp;", "<br>", "<b>bold</b>", "1,000", "3.14", "10%", "$5", "@handle", "user@example.org", "https://example.org/a_b",
        "www.example.com", "\\*escaped\\*", "~tilde~", "~~struck~~", "😀", "👩‍⚕️", "🇯🇵", "x²", "H₂O", "1/2", "'quoted'", "\"dq\"", "(paren)",
        "[bracket]", "{brace}", "<angle>", "a<b", "c>d", "e&f", "-leading", "trailing-", "'", "’", "-'-", "0", "007", "9-to-5", "a-", "'tis",
    };

    private static readonly string[] HeadingPieces =
    {
        "Purpose", "Core Mission", "Workflow", "Tools", "Ethics", "Scenarios", "Vocabulary", "References", "Notes", "FAQ",
        "`code`", "**bold**", "*em*", "_under_", "~~del~~", "[link](https://example.org)", "![img](x.png)", "![](y.png)", "<em>html</em>", "<br>",
        "&amp;", "&copy;", "&eacute;", "&#233;", "&#x41;", "&#128512;", "&lt;tag&gt;", "&foo;", "AT&T", "R&D", "C#", "C++", ".NET", "F#", "#1",
        "1.", "2)", "Q&A", "What?", "Why!", "x²", "½", "H₂O", "v1.0 → v2.0", "—", "–", "a—b", "İstanbul", "ΣΟΦΙΑ ΟΔΟΣ", "Straße", "Ǆemal", "ﬁle",
        "日本語", "Русский", "العربية", "עברית", "हिन्दी", "ไทย", "😀", "👩‍⚕️", "🇯🇵", "✔", "★", "©", "™", "§", "¶", "•", "…", "\"quoted\"",
        "'single'", "(parens)", "[brackets]", "{braces}", "a_b", "a-b", "a  b", "a\tb", "trailing #", "##", "#", "\\#", "\\*", "*", "_", "__",
        "<!-- c -->", "<span>x</span>", "<a href=\"#x\">a</a>", "1 < 2", "3 > 2", "x<y", "Zeta\u00A0Nbsp", "zero\u200Bwidth", "soft\u00ADhyphen",
        "ＡＢＣ", "Ⅻ", "ⅻ", "①", "🄰", "\u0130I", "ΣΣ", "σς", "ΑΣ.", "x_ _y", "`a|b`", "https://example.org", "www.example.org", "<https://e.org>",
        "`code` and [link](https://e.org)", "**`bold code`**", "[`code link`](x)", "*[em link](x)*", "***both***", "_*mixed*_", "**a** `b` _c_",
        "[a **b** c](x)", "`x` **y** [z](#z)", "&lt;b&gt;", "&quot;q&quot;", "&nbsp;", "&#x1F600;", "&#0;", "&AMP;", "&Amp;", "&#65;&#x42;",
        "Café", "Cafe\u0301", "\u212B", "\u00C5", "\u2126", "ﬀ", "\u1100\u1161", "Ｐｕｒｐｏｓｅ", "https://example.org/x)", "(www.e.org)",
    };

    private static readonly string[] RelationshipTypes = { "related", "specialization", "prerequisite", "adjacent", "collaboration", "progression" };

    private readonly Random _random;
    private readonly IReadOnlyList<string> _slugs;
    private readonly IReadOnlyDictionary<string, int> _minWords;

    public SoulEdits(int seed, IReadOnlyList<string> slugs, IReadOnlyDictionary<string, int> minWords)
    {
        _random = new Random(seed);
        _slugs = slugs;
        _minWords = minWords;
    }

    /// <summary>Edits one soul in place; returns a short description of what was done, for a failure message.</summary>
    public List<string> Edit(string slug, ref string soul, ref string metadata, bool mirror)
    {
        var applied = new List<string>();
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            if (_random.Next(3) == 0)
            {
                applied.Add(EditMetadata(slug, ref metadata, mirror));
            }
            else
            {
                applied.Add(EditBody(ref soul));
            }
        }

        return applied;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string Sentence(int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                sb.Append(_random.Next(12) == 0 ? Pick(new[] { ", ", " — ", "; ", "\n", "  ", "\t", "\u00A0" }) : " ");
            }

            sb.Append(_random.Next(3) == 0 ? Pick(Words) : Pick(new[] { "work", "team", "plan", "data", "review", "safety", "cost" }));
        }

        return sb.Append('.').ToString();
    }

    private string Heading()
    {
        var parts = new List<string>();
        var n = 1 + _random.Next(3);
        for (var i = 0; i < n; i++)
        {
            parts.Add(Pick(HeadingPieces));
        }

        var text = string.Join(Pick(new[] { " ", " ", "", "  ", " - ", ": " }), parts);
        switch (_random.Next(10))
        {
            case 0:
                text += Pick(new[] { " #", " ##", " \\#", "\uFEFF", "\u00A0", " \u3000", "\u2003", "\t", " ", "\r" });
                break;
            case 1:
                text = Pick(new[] { "\u00A0", "\uFEFF", " ", "\u2009" }) + text;
                break;
        }

        return text;
    }

    private string Block()
    {
        switch (_random.Next(33))
        {
            case 0:
                return "Use `" + Pick(new[] { "a|b", "x && y", "<div>", "## not a heading", "`", "&amp;", "it's", "*x*" }) + "` and ``a ` b`` here.";
            case 1:
                return Pick(new[] { "```", "~~~", "````", "```js", "~~~ python" }) + "\n" + Pick(new[] { "## Inside fence", "let x = 'y';", "# title?", "<b>x</b> &amp;" }) + "\n" + Sentence(3) + "\n" + Pick(new[] { "```", "~~~", "````", "```" });
            case 2:
                return "    indented code " + Sentence(3) + "\n    ## indented";
            case 3:
                return "<div class=\"note\">" + Sentence(5) + "</div>\n\n<!-- a comment with words " + Sentence(2) + " -->\n\nA&B &amp; &copy; &#8212; &unknown; < > &";
            case 4:
                return "[a link](https://example.org/path_(x)) and ![an image](img.png \"t\") and <https://example.org> and www.example.com/x and " + Sentence(3);
            case 5:
                return "*em* **strong** _u_ __uu__ ***both*** ~~del~~ ~one~ " + Sentence(4);
            case 6:
                return "| Col A | Col B |\n| --- | :-: |\n| `x|y` | " + Sentence(2) + " |\n| a \\| b | c |";
            case 7:
                return "- [x] done " + Sentence(2) + "\n- [ ] open " + Sentence(2) + "\n  - [X] nested\n1. [x] ordered";
            case 8:
                return "> " + Sentence(6) + "\n> > nested " + Sentence(2);
            case 9:
                return "Term\n: not a definition " + Sentence(3) + "\n\n---\n\n***";
            case 10:
                return Sentence(2) + "<br>\n" + Sentence(2) + "  \n" + Sentence(2) + "\\\n" + Sentence(1);
            case 11:
                return "#" + Pick(new[] { "", "#", "###", "####" }) + " " + Heading();
            case 12:
                return Sentence(3) + "\n" + Pick(new[] { "===", "---" });
            case 13:
                return "<details><summary>More</summary>\n\n" + Sentence(8) + "\n\n</details>";
            case 14:
                return Pick(new[]
                {
                    "Footnote[^1] " + Sentence(3) + "\n\n[^1]: " + Sentence(2),
                    "[ref]: https://example.org/ref\n\nSee [ref][] and [x].",
                    "```\nunclosed fence " + Sentence(3),
                    "##Tight heading\n#hashtag line " + Sentence(2),
                    "<table><tr><td>" + Sentence(3) + "</td></tr></table>",
                    "1) first\n2) second " + Sentence(2),
                    "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| only |",
                    "Text with `code\nacross lines` and ``double `tick` code``.",
                });
            case 15:
                // Setext headings over several lines: soft and hard breaks, indented continuations, inside containers.
                return Pick(new[]
                {
                    Sentence(2) + "\n" + Sentence(2) + "\n" + Pick(new[] { "===", "---", "  ---", "=" }),
                    "one " + Pick(Words) + " \n   two " + Pick(Words) + "\n---",
                    "hard  \nbreak\n---",
                    "back\\\nslash\n===",
                    "tab\t\nnext\n---",
                    "*em*\n`code` line\n---",
                    "> quoted " + Pick(Words) + "\n>   setext\n> ---",
                    "- item " + Pick(Words) + "\n     setext\n  ---",
                    "See [it](#" + Pick(new[] { "one-two", "onetwo", "hardbreak", "one--two" }) + ").",
                });
            case 16:
                return Pick(new[]
                {
                    "- a\n  - b " + Sentence(2) + "\n    - c\n      1. deep\n- d",
                    "3. three\n4. four " + Sentence(2) + "\n\n* star\n+ plus\n\n10) ten",
                    "1. item\n\n   para in item " + Sentence(3) + "\n\n       code in item\n2. next",
                    "- [link](https://e.org)\n-\n  empty start\n- `code`\n\n  lazy\ncontinuation " + Sentence(2),
                    "-\tTabbed item " + Sentence(2) + "\n  -\ttabbed nested",
                });
            case 17:
                return Pick(new[]
                {
                    "[text][Ref] and ![img][logo] " + Sentence(2) + "\n\n[ref]: https://example.org/r \"Title\"\n[logo]: /x.png",
                    "[Full Ref] and [collapsed][] and [shortcut]\n\n[full ref]: <https://example.org/a b>\n[collapsed]: /c 'single'\n[shortcut]: /s (paren)",
                    "[undefined][nowhere] and [^note] " + Sentence(2),
                    "[ref]:\nhttps://example.org/next-line\n\n[ref]",
                });
            case 18:
                return Pick(new[] { "**a*", "*a**", "snake_case_word", "a*b*c", "***a**b*", "_a_b", "**bold**text", "*a _b* c_", "__a__b", "~~a~b~~", "* not a list *", "**", "_ _", "*\\*", "***" })
                    + " " + Sentence(3);
            case 19:
                return Pick(new[] { "zero\u200Bwidth", "non\u200Cjoiner", "joi\u200Dner", "word\u2060joiner", "e\u0301te\u0301", "\u200Fright-to-left mark", "\u202Eoverride\u202C", "שלום עולם", "مرحبا بالعالم", "👍🏽 thumbs", "✔\uFE0F ok", "🏳️‍🌈 flag", "\u00ADsoft", "Ａ full width" })
                    + " " + Sentence(3) + "\n\n### " + Pick(new[] { "zero\u200Bwidth", "e\u0301te\u0301", "\u200Frtl", "שלום", "👍🏽 up", "a\u2060b", "ﷺ", "İi̇" });
            case 20:
                return Pick(new[]
                {
                    "<div>\n\n*markdown inside* " + Sentence(3) + "\n\n</div>",
                    "<pre>\n## not a heading in pre\n  " + Sentence(2) + "\n</pre>",
                    "<!--\n## inside a comment\n-->\n\n" + Sentence(2),
                    "<p align=\"center\">" + Sentence(3) + "</p>",
                    "<img src=\"x.png\" alt=\"an image\"> " + Sentence(2),
                    "<section>\n<h3>Html heading</h3>\n" + Sentence(2) + "\n</section>",
                    "<DIV CLASS=x>upper case tags " + Sentence(2) + "</DIV>",
                });
            case 21:
                return Pick(new[]
                {
                    "| Left | Center | Right |\n|:-----|:------:|------:|\n| *a* | `b` | [c](https://e.org) |\n| 1 | 2 |",
                    "a | b\n--- | ---\n1 | " + Sentence(2),
                    "| only header |\n| --- |",
                    "|a|b|\n|-|-|\n|x\\|y|z|",
                    "| a |\n|:-:|\n| " + Pick(Words) + " |\n\nafter table",
                });
            case 24:
                // Headings inside a section with inline markup and entities together.
                return Pick(new[] { "### ", "#### ", "## " }) + Pick(new[]
                {
                    "`code` and [link](https://e.org) **bold**", "*[em link](x)* &amp; `c`", "&lt;tag&gt; &quot;q&quot; &#x1F600;", "**`x`** _y_ ~~z~~",
                    "[a `b` *c*](#d)", "&nbsp;spaced&nbsp;", "&#65;&#x42;&copy;", "Entity&colon; colon",
                });
            case 25:
                // Ordered lists that start at other numbers, repeat a number, or use ')'.
                return Pick(new[]
                {
                    "7. seven " + Sentence(2) + "\n8. eight", "0. zero\n1. one", "999999999. big\n1000000000. too big", "2) two\n3) three",
                    "1. a\n1. b\n1. c", Sentence(3) + "\n2. not a list start", Sentence(2) + "\n1. interrupts", "5. five\n\n   para\n6. six",
                });
            case 26:
                // Nested lists indented with tabs and spaces mixed.
                return Pick(new[]
                {
                    "- a\n\t- b\n  \t- c\n    - d", "1. a\n\t1. b " + Sentence(2), "* a\n \t* b\n\t\t* c", "- a\n\n\tcontinued " + Sentence(2),
                    "- a\n  - b\n\t- c\n- d", "+ a\n\t+\tb",
                });
            case 27:
                // Footnote-like syntax, which marked renders as text and links.
                return Pick(new[]
                {
                    "Text[^note] " + Sentence(2) + "\n\n[^note]: The note.\n    Indented continuation.", "[^1]:\n\nA ^[inline note] here.",
                    "See[^a][^b].\n\n[^a]: one\n[^b]: two", "[^x]: at the start\n" + Sentence(3),
                });
            case 28:
                return Pick(new[]
                {
                    "<details>\n<summary>Sum</summary>\n\n- item " + Sentence(2) + "\n\n</details>",
                    "<details open><summary>**md**</summary>" + Sentence(3) + "</details>",
                    "<details>\n<summary>Nested</summary>\n\n<details><summary>Inner</summary>\n\n" + Sentence(2) + "\n\n</details>\n</details>",
                    "<details><summary>Heading inside</summary>\n\n### Inner heading\n\ntext\n\n</details>",
                });
            case 29:
                // Hard line breaks: a backslash, trailing spaces, a trailing tab.
                return Pick(new[]
                {
                    "line one\\\nline two " + Sentence(2), "trailing spaces   \nnext " + Sentence(2), "trailing tab\t\nnext", "ends with a backslash\\",
                    "two\\\n\\\nbreaks", "- item  \n  broken", "> quote\\\n> broken",
                });
            case 30:
                // Very long words and URLs.
                return Pick(new[]
                {
                    new string('a', 300), string.Concat(Enumerable.Repeat("super-", 60)) + "long", "https://example.org/" + new string('p', 200) + "?q=" + new string('1', 50),
                    string.Concat(Enumerable.Repeat("日本語", 80)), "`" + new string('x', 400) + "`", string.Concat(Enumerable.Repeat("don't", 50)),
                });
            case 31:
                // The same text in other Unicode normal forms and compatibility characters.
                return Pick(new[] { "Café and Cafe\u0301", "\u212B and \u00C5", "\u2126hm", "ﬁne ﬂow", "\u1100\u1161\u11A8", "Ｆｕｌｌ ｗｉｄｔｈ", "x\u0308\u0301" }) + " " + Sentence(3);
            case 32:
                // Block quotes nested, with lists and lines that continue them lazily.
                return Pick(new[]
                {
                    "> - a " + Pick(Words) + "\nlazy line\n> > nested " + Sentence(2), "> 1. x\n> continued\n>> deeper", "> > > three\n> back to one",
                    "> - a\n>   - b\n> c", "> a\n>\n> > b\n> c", ">- tight\n>> tight nested",
                });
            default:
                return Sentence(3 + _random.Next(25));
        }
    }

    private string EditBody(ref string soul)
    {
        var lines = soul.Split('\n').ToList();
        var sectionLines = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith("## ", StringComparison.Ordinal)).ToList();
        var kind = _random.Next(24);
        switch (kind)
        {
            case 0 or 1 or 2 or 3:
            {
                var at = sectionLines.Count == 0 ? lines.Count : Pick(sectionLines) + 2;
                lines.Insert(Math.Min(at, lines.Count), Block() + "\n");
                soul = string.Join('\n', lines);
                return "block";
            }

            case 4 or 5:
            {
                if (sectionLines.Count == 0)
                {
                    goto default;
                }

                var at = Pick(sectionLines);
                lines[at] = "## " + (_random.Next(3) == 0 ? lines[at].Substring(3) + " " + Heading() : Heading());
                soul = string.Join('\n', lines);
                return "heading: " + lines[at];
            }

            case 6:
            {
                lines.Add(string.Empty);
                lines.Add("## " + Heading());
                lines.Add(string.Empty);
                lines.Add(Block());
                soul = string.Join('\n', lines);
                return "new section";
            }

            case 7:
            {
                // A canonical section at a min-words boundary.
                if (sectionLines.Count == 0)
                {
                    goto default;
                }

                var index = _random.Next(sectionLines.Count);
                var start = sectionLines[index];
                var end = index + 1 < sectionLines.Count ? sectionLines[index + 1] : lines.Count;
                var heading = lines[start].Substring(3).Trim();
                var min = _minWords.TryGetValue(heading, out var m) ? m : 25;
                var words = Math.Max(0, min + _random.Next(-1, 2));
                var body = string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(new[] { "alpha", "beta", "don't", "well-known", "x2", "é", "'s" })));
                lines.RemoveRange(start + 1, end - start - 1);
                lines.Insert(start + 1, "\n" + body + "\n");
                soul = string.Join('\n', lines);
                return "boundary section " + heading + " " + words;
            }

            case 8:
            {
                // The whole body at a reading-time boundary: 225 * k ± 113.
                var k = 1 + _random.Next(8);
                var target = (225 * k) + 112 + _random.Next(0, 2);
                var filler = string.Join(' ', Enumerable.Range(0, target).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)));
                soul = "# Title\n\n## Purpose\n\n" + filler + "\n";
                return "reading-time boundary " + target;
            }

            case 9:
                soul = soul.Replace("\n", "\r\n", StringComparison.Ordinal);
                return "crlf";
            case 10:
                soul = "\uFEFF" + soul;
                return "bom";
            case 11:
                soul = "---\n" + Pick(new[] { "layout: soul", "title: Front", "draft: true\ntags: [a, b]" }) + "\n---\n" + soul;
                return "front matter";
            case 12:
            {
                // The title line: removed, emptied, moved into a section, doubled.
                var h1 = lines.FindIndex(l => l.StartsWith("# ", StringComparison.Ordinal));
                var choice = _random.Next(5);
                if (h1 >= 0 && choice == 0)
                {
                    lines.RemoveAt(h1);
                }
                else if (h1 >= 0 && choice == 1)
                {
                    lines[h1] = Pick(new[] { "#  ", "# \u00A0", "# \uFEFF", "#\t\t" });
                }
                else if (h1 >= 0 && choice == 2 && sectionLines.Count > 1)
                {
                    var title = lines[h1];
                    lines.RemoveAt(h1);
                    lines.Insert(Math.Min(lines.Count, Pick(sectionLines) + 1), title);
                }
                else if (choice == 3)
                {
                    lines.Insert(Math.Min(lines.Count, (sectionLines.Count > 0 ? Pick(sectionLines) : 0) + 1), "# Another " + Heading());
                }
                else
                {
                    lines.Insert(0, Pick(new[] { "#  ", "# " + Heading(), "#\u00A0Nbsp title" }));
                }

                soul = string.Join('\n', lines);
                return "title " + choice;
            }

            case 13:
            {
                var replacement = Pick(new[] { "\t", "\u00A0", "\u2003", "\u3000", "\uFEFF", "\u200B", "\u0085", "\r", "\u2028" });
                var at = _random.Next(Math.Max(1, soul.Length));
                soul = soul.Insert(at, replacement);
                return "space " + ((int)replacement[0]).ToString("X4", CultureInfo.InvariantCulture);
            }

            case 14:
            {
                if (sectionLines.Count == 0)
                {
                    goto default;
                }

                var at = Pick(sectionLines);
                lines[at] = Pick(new[] { "## ", "##  ", "##\t", "##", "###", "## \u00A0", "## \uFEFF", "##\u00A0Purpose" }) + (_random.Next(2) == 0 ? lines[at].Substring(3) : string.Empty);
                soul = string.Join('\n', lines);
                return "heading line " + lines[at];
            }

            case 16:
            {
                // An empty section: a heading straight before the next one, or a body of white space only.
                var at = sectionLines.Count == 0 ? lines.Count : Pick(sectionLines);
                lines.Insert(at, "## " + Heading() + Pick(new[] { "\n", "\n\n", "\n   \n\t\n", string.Empty }));
                soul = string.Join('\n', lines);
                return "empty section";
            }

            case 17:
            {
                // A very long section.
                var words = 3000 + _random.Next(4000);
                var body = string.Join(' ', Enumerable.Range(0, words).Select(i => i % 97 == 0 ? "\n\n" + Pick(Words) : Pick(Words)));
                lines.Add(string.Empty);
                lines.Add("## " + Pick(new[] { "Scenarios", "Long Notes", "Vocabulary" }));
                lines.Add(string.Empty);
                lines.Add(body);
                soul = string.Join('\n', lines);
                return "long section " + words.ToString(CultureInfo.InvariantCulture);
            }

            case 18:
            {
                // Tabs where spaces were: list markers, indentation, heading gaps.
                soul = Pick(new[] { "- ", "  ", "## " }) switch
                {
                    "- " => soul.Replace("\n- ", "\n-\t", StringComparison.Ordinal),
                    "  " => soul.Replace("\n  ", "\n\t", StringComparison.Ordinal),
                    _ => soul.Replace("\n## ", "\n##\t", StringComparison.Ordinal),
                };
                return "tabs";
            }

            case 19:
            {
                if (sectionLines.Count == 0)
                {
                    goto default;
                }

                var at = Pick(sectionLines);
                lines[at] = "## " + Pick(new[] { "Zero\u200BWidth", "Purpose\u200B", "\u200FPurpose", "Cafe\u0301", "שלום", "👍🏽 Thumbs", "Workflow\u2060", "A\u202Eb\u202C", "Ethics\uFE0F", "\u00ADTools" });
                soul = string.Join('\n', lines);
                return "heading: " + lines[at];
            }

            case 20:
            {
                // Trailing spaces and tabs on lines, headings included.
                for (var i = 0; i < lines.Count; i++)
                {
                    if (_random.Next(4) == 0)
                    {
                        lines[i] += Pick(new[] { " ", "  ", "   ", "\t", " \t" });
                    }
                }

                soul = string.Join('\n', lines);
                return "trailing spaces";
            }

            case 21:
            {
                // A canonical heading in another normal form or with compatibility characters.
                if (sectionLines.Count == 0)
                {
                    goto default;
                }

                var at = Pick(sectionLines);
                var heading = lines[at].Substring(3);
                lines[at] = "## " + Pick(new[]
                {
                    heading.Normalize(NormalizationForm.FormD), heading.Replace("e", "e\u0301", StringComparison.Ordinal), heading.Replace("i", "ı", StringComparison.Ordinal),
                    heading.Replace("fi", "ﬁ", StringComparison.Ordinal), heading.ToUpperInvariant(), heading.Replace(" ", "  ", StringComparison.Ordinal), heading + " " + new string('x', 200),
                });
                soul = string.Join('\n', lines);
                return "heading form: " + lines[at];
            }

            case 22:
                // Ordered lists renumbered.
                soul = soul.Replace("\n1. ", "\n" + Pick(new[] { "3. ", "0. ", "1) ", "01. " }), StringComparison.Ordinal);
                return "renumbered";
            case 23:
            {
                // A section quoted whole.
                if (sectionLines.Count == 0)
                {
                    goto default;
                }

                var index = _random.Next(sectionLines.Count);
                var end = index + 1 < sectionLines.Count ? sectionLines[index + 1] : lines.Count;
                var prefix = Pick(new[] { "> ", ">", "> > " });
                for (var i = sectionLines[index] + 1; i < end; i++)
                {
                    lines[i] = prefix + lines[i];
                }

                soul = string.Join('\n', lines);
                return "quoted section";
            }

            default:
            {
                if (sectionLines.Count == 0)
                {
                    return "nothing";
                }

                var at = Pick(sectionLines);
                var other = Pick(sectionLines);
                lines[at] = lines[other];
                soul = string.Join('\n', lines);
                return "duplicate heading";
            }
        }
    }

    private string EditMetadata(string slug, ref string metadata, bool mirror)
    {
        string value;
        string key;
        switch (_random.Next(25))
        {
            case 0 or 1:
            {
                key = "related";
                var entries = new List<string>();
                var n = _random.Next(5);
                for (var i = 0; i < n; i++)
                {
                    var target = _random.Next(6) switch
                    {
                        0 => slug,
                        1 => "no-such-soul-" + _random.Next(3).ToString(CultureInfo.InvariantCulture),
                        _ => Pick(_slugs),
                    };
                    var type = _random.Next(8) switch
                    {
                        0 => null,
                        1 => "'sibling'",
                        2 => "''",
                        3 => "'Related'",
                        _ => Pick(RelationshipTypes),
                    };
                    entries.Add(type is null ? $"  - {{ slug: '{target}' }}" : $"  - {{ slug: '{target}', type: {type} }}");
                    if (_random.Next(5) == 0)
                    {
                        entries.Add(entries[^1]);
                    }
                }

                value = entries.Count == 0 ? " []" : "\n" + string.Join('\n', entries);
                break;
            }

            case 2:
                key = "reviewers";
                value = Pick(new[] { " []", " null", "\n  - { name: 'A Reviewer' }", "\n  - { name: 'R', date: 2026-05-01 }", "\n  - { name: '' }", " 'someone'", " {}", " ''" });
                break;
            case 3 or 4:
                key = "last_reviewed";
                value = Pick(new[] { " ''", " null", " ~", " 2026-07-01", " '2026-07-01'", " 2026-7-1", " 2026-07-01T10:00:00Z", " 2026-07-01 10:00:00", " false", " 0", " 'no'", " no", " yes", " []", " 0.0", " '0'", " \"\"" });
                break;
            case 5:
                key = "provenance";
                value = Pick(new[] { " ai-generated", " ai-assisted", " human", " ''", " AI-generated", " null" });
                break;
            case 6:
                key = "source";
                value = Pick(new[] { " { origin: '' }", " { origin: 'souls.directory' }", " null", " {}", " { origin: 0 }", " { origin: 'x', url: 'https://e.org/x' }", " []", " { origin: true }", " 'souls.directory'", " { origin: ~ }" });
                break;
            case 7:
                key = "slug";
                value = Pick(new[] { $" '{slug}-renamed'", " 'Not A Slug'", $" {slug}", " ''" });
                break;
            case 8:
                key = "title";
                value = Pick(new[] { " ''", " null", " 'A New Title'", " \"Title: with colon\"", " 'R&D Lead'", " 'Ünïcode Tïtle'", " 2026-01-01", " '  Padded  '" });
                break;
            case 9:
                // A mirror has no git history, so its citation falls back to these dates; the
                // generator cannot cite a Date (it crashes), so a mirror keeps them strings.
                key = Pick(new[] { "created", "updated" });
                value = mirror ? Pick(new[] { " '2026-01-02'", " ''" }) : Pick(new[] { " 2026-01-02", " '2026-01-02'", " 2026-01-02T03:04:05Z", " 20260102", " ''" });
                break;
            case 10:
                key = "contributors";
                value = Pick(new[] { " ['soul-atlas', 'soul-atlas']", " []", " ['A. Person', 'soul-atlas']", " null", " ['']", " ['Parity Tester']", " ['Zoë, Jr.', 'A and B']" });
                break;
            case 11:
                key = "summary";
                value = Pick(new[] { " " + new string('x', 321), " 'Short: summary'", " yes", " 1e3", " 0x1F", " 1_000", " .5", " 0o17", " +12" });
                break;
            case 12:
                key = "tags";
                value = Pick(new[] { " [yes, no, on, off]", " [1, 2.5, null]", " ['a', 'b']", " [2026-01-01]" });
                break;
            case 14:
                // URLs as contributors write them; the validator checks source.url and source.repo as URIs.
                key = "source";
                value = " { origin: 'souls.directory', " + Pick(new[] { "url", "repo" }) + ": " + Pick(new[]
                {
                    "'https://souls.directory/souls/a/b'", "'https://e.org/a b'", "'https://例え.jp/パス'", "'https://e.org/ü'", "'example.org/x'",
                    "'mailto:x@y.org'", "'urn:isbn:123'", "'https://e.org/%zz'", "'https://e.org/a|b'", "'https:/x'", "'a:b'", "'https://e.org:99999/'",
                    "'https://e.org#a#b'", "'https://e.org/{x}'", "'HTTPS://E.ORG'", "'http://[::1]/'", "'https://e.org '", "'https://user:pw@e.org/'",
                }) + " }";
                break;
            case 15:
            {
                // Lengths by code point (astral characters are two UTF-16 units) and by grapheme.
                key = Pick(new[] { "summary", "title" });
                var unit = Pick(new[] { "😀", "e\u0301", "👩‍⚕️", "𝒜", "a" });
                var count = key == "summary" ? Pick(new[] { 10, 19, 20, 21, 160, 161, 320, 321 }) : Pick(new[] { 1, 2, 40, 41, 80, 81 });
                value = " '" + string.Concat(Enumerable.Repeat(unit, count)) + "'";
                break;
            }

            case 16:
                // Block scalars keep a final line break, which the slug pattern's $ does not allow in JavaScript.
                switch (_random.Next(4))
                {
                    case 0:
                        key = "slug";
                        value = Pick(new[] { $" |\n  {slug}\n", $" \"{slug}\\n\"", $" >\n  {slug}\n" });
                        break;
                    case 1:
                        key = "tags";
                        value = Pick(new[] { " [\"tag\\n\"]", "\n  - |\n    tag\n", " ['ok', \"two\\n\"]" });
                        break;
                    case 2:
                        key = "title";
                        value = Pick(new[] { " |\n  Block Title\n", " >-\n  Folded\n  Title\n", " |+\n  Kept\n\n" });
                        break;
                    default:
                        key = "related";
                        value = "\n  - { slug: \"" + Pick(_slugs) + "\\n\", type: related }";
                        break;
                }

                break;
            case 17:
                key = mirror ? "last_reviewed" : Pick(new[] { "created", "updated", "last_reviewed" });
                value = Pick(new[] { " '0000-01-01'", " '2024-02-29'", " '2026-02-29'", " '2026-13-01'", " '2026-00-10'", " '2026-01-01\\n'", " \"2026-01-01\\n\"", " '１２３４-01-01'" });
                break;
            case 18:
                // YAML as people write it: comments, anchors, quoted keys, escapes.
                key = Pick(new[] { "contributors", "reviewers", "summary" });
                value = key switch
                {
                    "contributors" => Pick(new[] { " ['a', 'b'] # trailing comment", " &people ['x']", "\n  # a comment line\n  - 'Someone'", " [\"It's\", 'It''s']" }),
                    "reviewers" => Pick(new[] { " &rv\n  - { name: 'A' }", "\n  - name: \"Tab\\there\"\n    date: '2026-01-01'", " [ { name: x } ] # c" }),
                    _ => Pick(new[] { " >\n  Folded summary line one\n  and line two of it.\n", " |\n  Literal summary line one\n  and line two.\n", " \"Escapes \\u00e9 \\t tab and a \\\"quote\\\" here\"", " 'Twenty chars exactly'" }),
                };
                break;
            case 19:
                // A title that is not a string.
                key = "title";
                value = Pick(new[] { " 1776", " true", " 3.5", " 0", " false" });
                break;
            case 20:
                // A title that is an array or a mapping.
                key = "title";
                value = Pick(new[] { " [Alpha, Beta]", " {a: b}", " []", " [[x, 1.5], null]", " ['One']", " {}", " [true, 0]" });
                break;
            case 21:
            {
                // Related slugs and types with odd casing and white space.
                key = "related";
                var target = Pick(_slugs);
                value = "\n" + Pick(new[]
                {
                    $"  - {{ slug: ' {target}', type: related }}", $"  - {{ slug: '{target.ToUpperInvariant()}', type: related }}", $"  - {{ slug: '{target} ', type: adjacent }}",
                    $"  - {{ slug: \"{target}\\t\", type: related }}", $"  - {{ slug: {target}, type: ' related' }}", $"  - {{ slug: '{target}', type: RELATED }}",
                    $"  - slug: {target}\n    type: related", $"  - {{ slug: '{target}', type: related, note: 'A note' }}",
                });
                break;
            }

            case 22:
                // Odd but valid quoting.
                key = Pick(new[] { "title", "summary" });
                value = Pick(new[]
                {
                    " \"Double \\\"escaped\\\" quotes\"", " 'It''s quoted'", " 'Folded\n\n  single quoted'", " \"Unicode \\u00e9 escape\"", " a #not a comment",
                    " a#b", " \"Tab\\tin it\"", " 'Trailing space '", " \"\\x41 hex\"", " ! tagged string",
                });
                break;
            case 23:
                // Unicode normal forms in the title and summary.
                key = Pick(new[] { "title", "summary" });
                value = Pick(new[] { " 'Café'", " 'Cafe\u0301'", " '\u212Bngstr\u00F6m'", " 'ﬁle ﬂow'", " '" + string.Concat(Enumerable.Repeat("e\u0301", 20)) + "'" });
                break;
            case 24:
                // A document start marker or directive before the one document (js-yaml throws on a
                // second document, so no '...' end marker, after which a later edit would add keys,
                // and no second '---').
                if (metadata.StartsWith('%') || Regex.IsMatch(metadata, @"(?m)^---[ \t]*\r?$"))
                {
                    return "metadata document markers: already";
                }

                metadata = Pick(new[] { "---\n" + metadata, "%YAML 1.2\n---\n" + metadata, "# leading comment\n---\n" + metadata });
                return "metadata document markers";
            default:
                key = "status";
                value = Pick(new[] { " stable", " draft", " 'review'", " Stable" });
                break;
        }

        metadata = SetKey(metadata, key, value);
        return "metadata " + key + ":" + value.Replace('\n', ' ');
    }

    private static readonly Regex TopLevelKey = new(@"^[A-Za-z_][A-Za-z0-9_]*\s*:", RegexOptions.CultureInvariant);

    /// <summary>Replaces (or appends) a top-level key; a key's block runs to the next top-level key.</summary>
    internal static string SetKey(string yaml, string key, string value)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (start >= 0)
        {
            var end = start + 1;
            while (end < lines.Count && !TopLevelKey.IsMatch(lines[end]) && !lines[end].StartsWith('#'))
            {
                end++;
            }

            lines.RemoveRange(start, end - start);
            lines.Insert(start, key + ":" + value);
        }
        else
        {
            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            lines.Add(key + ":" + value);
            lines.Add(string.Empty);
        }

        return string.Join('\n', lines);
    }
}
