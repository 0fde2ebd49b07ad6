using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// Work a run shares between documents: a source folder parsed once for its own check and its
/// records', a record's section taking its source section's syntax tree, buffers reused from one
/// read to the next. None of it may change a diagnostic or a byte read.
/// </summary>
public sealed class SharedWorkTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "soul-lint-shared-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_source_folder_is_read_for_the_index_and_once_more_for_its_own_check_and_its_records()
    {
        var corpus = Path.Combine(TestPaths.Fixtures, "corpus");
        var reads = 0;
        var documents = new List<ContentFile>();
        foreach (var file in Directory.GetFiles(corpus, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var path = Path.Combine(Root, Path.GetRelativePath(corpus, file));
            documents.Add(path.EndsWith(Path.Combine("cargo-inspector", "SOUL.md"), StringComparison.Ordinal)
                ? ContentFile.FromSource(path, bytes.Length, () => { reads++; return bytes; })
                : ContentFile.FromBytes(path, bytes));
        }

        // A checkout holds each record twice (public/api and src/generated).
        var record = Path.Combine(corpus, "api", "souls", "cargo-inspector.json");
        documents.Add(ContentFile.FromBytes(Path.Combine(Root, "generated", "cargo-inspector.json"), File.ReadAllBytes(record)));

        var counted = Render(new LintEngine().Lint(new LintRequest(documents, Lint.AllRules()) { BaseDirectory = Root }));
        Assert.Equal(2, reads);

        var held = documents.Select(d => ContentFile.FromBytes(d.Path, d.Content.ToArray())).ToList();
        Assert.Equal(Render(new LintEngine().Lint(new LintRequest(held, Lint.AllRules()) { BaseDirectory = Root })), counted);
    }

    [Fact]
    public void A_section_shares_a_syntax_tree_only_with_a_section_of_the_same_markdown()
    {
        var file = new SourceFile("/x/SOUL.md", "SOUL.md", "text");
        Section Of(string markdown) => new(0, "Purpose", SourceRange.At(file, 0), markdown, SourceRange.At(file, 0), null);

        var source = Of("Some *text* here.\n");
        var same = Of("Some *text* here.\n");
        var other = Of("Some *other* and longer text.\n");
        same.ShareSyntaxWith(source);
        other.ShareSyntaxWith(source);

        Assert.Same(source.Syntax, same.Syntax);
        Assert.Equal(3, same.WordCount(Computation.WordCounter.Count));
        Assert.Equal(5, other.WordCount(Computation.WordCounter.Count));
        Assert.NotSame(source.Syntax, other.Syntax);
        Assert.Contains("other", Markdig.Markdown.ToHtml(other.Syntax), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("as built")]
    [InlineData("html edited")]
    [InlineData("markdown and html edited alike")]
    public void A_records_section_html_is_judged_alike_with_and_without_its_source_folder(string variant)
    {
        var path = Path.Combine(TestPaths.Fixtures, "rules", "section-html", "valid", "bridge-keeper.json");
        var record = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var section = record["sections"]![0]!.AsObject();
        var markdown = (string)section["markdown"]!;
        var html = (string)section["html"]!;

        // A word the section's markdown and html each hold once, as plain text, to be replaced by a
        // longer one (so that a tree parsed from the other markdown would misplace the text after it).
        var word = Regex.Matches(markdown, @"\b[a-z]{7,}\b")
            .Select(m => m.Value)
            .First(w => Count(markdown, w) == 1 && Count(html, w) == 1);
        if (variant != "as built")
        {
            section["html"] = html.Replace(word, "quixotically", StringComparison.Ordinal);
        }

        if (variant == "markdown and html edited alike")
        {
            section["markdown"] = markdown.Replace(word, "quixotically", StringComparison.Ordinal);
        }

        // The source folder the record was built from: its sections' markdown is the record's as built.
        var body = new StringBuilder("# " + (string)record["title"]! + "\n\n");
        foreach (var s in record["sections"]!.AsArray())
        {
            var stored = s == section ? markdown : (string)s!["markdown"]!;
            body.Append("## ").Append((string)s!["heading"]!).Append("\n\n").Append(stored).Append("\n\n");
        }

        var recordBytes = Encoding.UTF8.GetBytes(record.ToJsonString());
        var alone = SectionHtml(new[] { ContentFile.FromBytes(Path.Combine(Root, "api", "bridge-keeper.json"), recordBytes) });
        var withSource = SectionHtml(new[]
        {
            ContentFile.FromBytes(Path.Combine(Root, "api", "bridge-keeper.json"), recordBytes),
            ContentFile.FromText(Path.Combine(Root, "souls", "bridge-keeper", "SOUL.md"), body.ToString()),
            ContentFile.FromText(Path.Combine(Root, "souls", "bridge-keeper", "metadata.yaml"), "slug: bridge-keeper\ntitle: " + (string)record["title"]! + "\n"),
        });

        Assert.Equal(alone.Diagnostics, withSource.Diagnostics);
        Assert.Equal(variant == "html edited", alone.Diagnostics.Count > 0);

        // As built, the folder's markdown is the record's (so the record's sections take the
        // folder's trees); edited alike, the record's markdown differs and is parsed on its own.
        Assert.Equal(variant == "markdown and html edited alike", withSource.MarkdownDiffers);
    }

    [Fact]
    public void A_buffer_a_larger_file_used_gives_a_smaller_one_its_own_bytes_only()
    {
        var buffers = new ReadBuffers();
        ContentFile Source(string name, byte[] bytes) => ContentFile.FromSource(
            Path.Combine(Root, name),
            bytes.Length,
            () => (byte[])bytes.Clone(),
            buffer =>
            {
                bytes.CopyTo(buffer, 0);
                return bytes.Length;
            });

        var big = Enumerable.Repeat((byte)'x', 100_000).ToArray();
        var small = Encoding.UTF8.GetBytes("{\"slug\":\"tiny\"}");
        byte[] used;
        using (var first = buffers.Read(Source("big.json", big), 1_000_000))
        {
            Assert.True(first.IsBorrowed);
            Assert.Equal(big.Length, first.Count);
            used = first.Bytes!;
        }

        using (var second = buffers.Read(Source("small.json", small), 1_000_000))
        {
            // The same buffer, handed on; only its first bytes are the small file's.
            Assert.Same(used, second.Bytes);
            Assert.Equal(small, second.Bytes!.Take(second.Count));
        }

        // Over the limit, unreadable or held in memory: no buffer is lent.
        Assert.Null(buffers.Read(Source("big.json", big), 1_000).Bytes);
        Assert.Null(buffers.Read(ContentFile.FromSource(Path.Combine(Root, "gone.json"), 10, () => throw new IOException("gone"), _ => throw new IOException("gone")), 1_000).Bytes);
        using var held = buffers.Read(ContentFile.FromBytes(Path.Combine(Root, "held.json"), small), 1_000);
        Assert.False(held.IsBorrowed);
        Assert.Equal(small.Length, held.Count);
    }

    private static (List<string> Diagnostics, bool MarkdownDiffers) SectionHtml(IReadOnlyList<ContentFile> documents)
    {
        var result = new LintEngine().Lint(new LintRequest(documents, Lint.AllRules()) { BaseDirectory = Root });
        return (
            Render(result).Where(d => d.Contains(" section-html ", StringComparison.Ordinal)).ToList(),
            result.Diagnostics.Any(d => d.Rule == RuleCatalogue.RecordSource && d.Message.Contains("the markdown of section", StringComparison.Ordinal)));
    }

    private static int Count(string text, string word) => Regex.Matches(text, $@"\b{word}\b").Count;

    private static List<string> Render(LintResult result) => result.Diagnostics
        .Select(d => $"{d.File.Replace('\\', '/')}:{d.Line}:{d.Column}-{d.EndLine}:{d.EndColumn} {d.Rule.Name} {d.Message}")
        .ToList();
}
