using System.IO;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Rules;
using Xunit;

namespace SoulAtlas.Lint.Tests;

public sealed class LoadingTests
{
    private static string Record(string slug) =>
        File.ReadAllText(Path.Combine(TestPaths.Fixtures, "rules", "schema", "valid", "river-warden.json")).Replace("river-warden", slug, System.StringComparison.Ordinal);

    [Fact]
    public void A_byte_order_mark_is_a_warning_and_the_record_is_still_linted()
    {
        var result = Lint.Run(Path.Combine(TestPaths.Fixtures, "rules", "invalid-encoding", "invalid-bom"));
        var bom = Assert.Single(result.Diagnostics, d => d.Rule == RuleCatalogue.InvalidEncoding);
        Assert.Equal(Severity.Warning, bom.Severity);
        Assert.Equal(2, result.Occupations);
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == RuleCatalogue.InvalidJson);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_and_the_other_files_are_still_linted()
    {
        var result = Lint.Run(Path.Combine(TestPaths.Fixtures, "rules", "invalid-encoding", "invalid-latin1-byte"));
        var bad = Assert.Single(result.Diagnostics, d => d.Rule == RuleCatalogue.InvalidEncoding);
        Assert.Equal(Severity.Error, bad.Severity);
        Assert.Contains("0xE9", bad.Message, System.StringComparison.Ordinal);
        Assert.Equal(1, result.Occupations);
    }

    [Fact]
    public void Json_that_is_not_a_record_is_passed_over_unless_it_sits_among_records_or_is_named()
    {
        using var root = new TempFolder();
        root.Write("records/river-warden.json", Record("river-warden"));
        root.Write("package.json", "{ \"name\": \"content\", \"private\": true }");
        root.Write("tsconfig.json", "{ // comments are fine here\n }");
        root.Write("schema/metadata.schema.json", "{ \"$schema\": \"http://json-schema.org/draft-07/schema#\" }");

        var whole = Lint.Run(root.Path);
        Assert.DoesNotContain(whole.Diagnostics, d => d.File is "package.json" or "tsconfig.json" || d.File.StartsWith("schema/", System.StringComparison.Ordinal));
        Assert.Equal(1, whole.Occupations);

        var named = Lint.Run(root.Path, "package.json");
        var d = Assert.Single(named.Diagnostics);
        Assert.Equal(RuleCatalogue.Schema, d.Rule);
        Assert.Contains("not an occupation record", d.Message, System.StringComparison.Ordinal);

        root.Write("records/notes.json", "{ \"todo\": [] }");
        root.Write("records/broken.json", "{ \"slug\": ");
        var mixed = Lint.Run(root.Path);
        Assert.Contains(mixed.Diagnostics, x => x.File == "records/notes.json" && x.Rule == RuleCatalogue.Schema);
        Assert.Contains(mixed.Diagnostics, x => x.File == "records/broken.json" && x.Rule == RuleCatalogue.InvalidJson);
    }

    [Fact]
    public void Linting_one_file_resolves_links_against_the_whole_corpus_and_reports_only_that_file()
    {
        var corpus = Path.Combine(TestPaths.Fixtures, "rules", "related-exists", "invalid");
        var result = Lint.Run(corpus, "bridge-keeper.json");
        Assert.Equal(1, result.Occupations);
        Assert.Empty(result.Diagnostics);

        var other = Lint.Run(corpus, "river-warden.json");
        Assert.All(other.Diagnostics, d => Assert.Equal("river-warden.json", d.File));
        Assert.Single(other.Diagnostics, d => d.Rule == RuleCatalogue.RelatedExists);
    }

    [Fact]
    public void Build_and_dependency_folders_are_never_entered()
    {
        using var root = new TempFolder();
        root.Write("river-warden.json", Record("river-warden"));
        root.Write("node_modules/pkg/bridge-keeper.json", Record("bridge-keeper"));
        root.Write("bin/Debug/bridge-keeper.json", Record("bridge-keeper"));
        root.Write(".git/bridge-keeper.json", Record("bridge-keeper"));
        var result = Lint.Run(root.Path);
        Assert.Equal(1, result.Occupations);
        Assert.Contains(result.Diagnostics, d => d.Rule == RuleCatalogue.RelatedExists);
    }

    [Fact]
    public void Diagnostics_are_sorted_by_file_line_column_and_rule()
    {
        var result = Lint.Run(Path.Combine(TestPaths.Fixtures, "rules", "duplicate-slug", "invalid"));
        var sorted = result.Diagnostics.OrderBy(d => d, DiagnosticOrder.Instance).ToList();
        Assert.Equal(sorted, result.Diagnostics);
        Assert.True(result.Diagnostics.Count >= 3);
    }

    [Fact]
    public void Columns_count_utf16_code_units_after_multibyte_text()
    {
        using var root = new TempFolder();
        var text = Record("river-warden").Replace("\"category\": \"Government\"", "\"category\": \"Gövernment\"", System.StringComparison.Ordinal)
            .Replace("\"tags\": [", "\"tags\": [\"naïve\", ", System.StringComparison.Ordinal);
        root.WriteBytes("river-warden.json", new UTF8Encoding(false).GetBytes(text));
        var result = Lint.Run(root.Path);
        var enumError = Assert.Single(result.Diagnostics, d => d.Rule == RuleCatalogue.Schema && d.Message.Contains("Gövernment", System.StringComparison.Ordinal));
        var line = text.Split('\n')[enumError.Line - 1];
        Assert.Equal(line.IndexOf("\"Gövernment\"", System.StringComparison.Ordinal) + 1, enumError.Column);
        Assert.Equal(enumError.Column + "\"Gövernment\"".Length, enumError.EndColumn);
    }
}
