using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SoulAtlas.Lint.Tests.Parity;

/// <summary>
/// The site's own generator and validator (../shared/reference/site-generator), run with node on a
/// corpus: the oracle of the differential tests. The pinned packages are installed once into a
/// folder under the temporary directory, keyed by the package.json they come from, and each corpus
/// is laid out below that folder so node finds them without a copy.
/// </summary>
internal static class SiteOracle
{
    public static string ReferenceFolder => Path.Combine(TestPaths.Shared, "reference", "site-generator");

    public static string CorpusFolder => Path.Combine(TestPaths.Shared, "corpus", "soul-atlas");

    /// <summary>Why the oracle cannot run here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists(Path.Combine(ReferenceFolder, "scripts", "generate.mjs")) || !Directory.Exists(Path.Combine(CorpusFolder, "souls")))
        {
            return "the site generator and corpus (../shared/reference/site-generator, ../shared/corpus/soul-atlas) are not beside this checkout";
        }

        foreach (var tool in new[] { "node", "npm", "git" })
        {
            if (!OnPath(tool))
            {
                return tool + " is not installed";
            }
        }

        return null;
    }

    private static readonly object InstallLock = new();

    /// <summary>The folder holding node_modules with the generator's pinned packages.</summary>
    public static string PackagesFolder()
    {
        lock (InstallLock)
        {
            var package = File.ReadAllBytes(Path.Combine(ReferenceFolder, "package.json"));
            var key = Convert.ToHexString(SHA256.HashData(package))[..16].ToLowerInvariant();
            var folder = Path.Combine(Path.GetTempPath(), "soul-lint-site-oracle", key);
            if (File.Exists(Path.Combine(folder, "node_modules", ".installed")))
            {
                return folder;
            }

            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "package.json"), package);
            var (code, output) = Run("npm", new[] { "install", "--no-audit", "--no-fund", "--loglevel=error" }, folder, TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                throw new InvalidOperationException("npm install of the site generator's packages failed: " + output);
            }

            File.WriteAllText(Path.Combine(folder, "node_modules", ".installed"), "ok");
            return folder;
        }
    }

    /// <summary>A fresh work tree (souls/, mirrored/, schema/, scripts/) under the packages folder.</summary>
    public static string NewWorkTree()
    {
        var tree = Path.Combine(PackagesFolder(), "runs", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(tree);
        CopyDirectory(Path.Combine(ReferenceFolder, "scripts"), Path.Combine(tree, "scripts"));
        CopyDirectory(Path.Combine(CorpusFolder, "schema"), Path.Combine(tree, "schema"));
        return tree;
    }

    /// <summary>Commits the tree (the generator reads git history), runs generate.mjs and validate.mjs.</summary>
    public static OracleRun Generate(string tree)
    {
        Git(tree, "init", "-q");
        Git(tree, "add", "-A");
        Git(tree, "-c", "user.name=Parity Tester", "-c", "user.email=parity@example.org", "commit", "-qm", "corpus");
        var (code, output) = Run("node", new[] { "scripts/generate.mjs" }, tree, TimeSpan.FromMinutes(10));
        if (code != 0)
        {
            throw new InvalidOperationException("generate.mjs failed: " + output);
        }

        var validation = Validate(tree);
        var unjudged = new List<string>();
        if (!ValidatorFinished.IsMatch(validation))
        {
            // validate.mjs lower-cases every title at its end and stops there, printing nothing, when
            // a title is a Date, a number or another non-string. Those souls are set aside so that the
            // validator judges the rest; they are not judged at all.
            unjudged.AddRange(NonStringTitles(tree));
            var aside = tree + "-aside";
            var moved = new List<(string From, string To)>();
            foreach (var folder in unjudged.SelectMany(slug => SoulFolders(tree, slug)))
            {
                var to = Path.Combine(aside, Path.GetRelativePath(tree, folder));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                Directory.Move(folder, to);
                moved.Add((folder, to));
            }

            try
            {
                validation = Validate(tree);
            }
            finally
            {
                foreach (var (from, to) in moved)
                {
                    Directory.Move(to, from);
                }

                if (Directory.Exists(aside))
                {
                    Directory.Delete(aside, recursive: true);
                }
            }

            if (!ValidatorFinished.IsMatch(validation))
            {
                throw new InvalidOperationException("validate.mjs did not finish: " + validation);
            }
        }

        return new OracleRun(Path.Combine(tree, "public", "api", "souls"), ValidatorErrors(validation), validation, unjudged);
    }

    /// <summary>
    /// validate.mjs's report. It ends with process.exit, which drops what node has not yet written to
    /// a pipe (past 64 KiB of findings the closing line is lost), so its output goes to a file.
    /// </summary>
    private static string Validate(string tree)
    {
        var file = Path.Combine(tree, "validation.txt");
        Run("sh", new[] { "-c", "exec node scripts/validate.mjs > validation.txt 2>&1" }, tree, TimeSpan.FromMinutes(10));
        var output = File.ReadAllText(file);
        File.Delete(file);
        return output;
    }

    /// <summary>The validator's closing line ("N SOULs · N errors · N warnings").</summary>
    private static readonly Regex ValidatorFinished = new(@"^\d+ SOULs · ", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private const string TitleScript = @"
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
const root = process.argv[2];
const found = [];
for (const folder of [path.join(root, 'souls'), ...(fs.existsSync(path.join(root, 'mirrored')) ? fs.readdirSync(path.join(root, 'mirrored')).map(o => path.join(root, 'mirrored', o)) : [])]) {
  if (!fs.existsSync(folder)) continue;
  for (const slug of fs.readdirSync(folder)) {
    const file = path.join(folder, slug, 'metadata.yaml');
    if (!fs.existsSync(file)) continue;
    let meta;
    try { meta = yaml.load(fs.readFileSync(file, 'utf8')); } catch { continue; }
    if (meta && meta.title && typeof meta.title !== 'string') found.push(slug);
  }
}
console.log(JSON.stringify(found));
";

    /// <summary>The souls whose metadata title js-yaml reads as a truthy value that is not a string.</summary>
    private static List<string> NonStringTitles(string tree)
    {
        var script = Path.Combine(PackagesFolder(), "non-string-titles.mjs");
        File.WriteAllText(script, TitleScript);
        var (code, output) = Run("node", new[] { script, tree }, PackagesFolder(), TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            throw new InvalidOperationException("listing the titles that stop validate.mjs failed: " + output);
        }

        return Newtonsoft.Json.Linq.JArray.Parse(output.Trim()).Select(t => (string)t!).ToList();
    }

    private static IEnumerable<string> SoulFolders(string tree, string slug)
    {
        var roots = new List<string> { Path.Combine(tree, "souls") };
        if (Directory.Exists(Path.Combine(tree, "mirrored")))
        {
            roots.AddRange(Directory.GetDirectories(Path.Combine(tree, "mirrored")));
        }

        return roots.Select(r => Path.Combine(r, slug)).Where(Directory.Exists).ToList();
    }

    private static readonly Regex Ansi = new("\u001b\\[[0-9;]*m", RegexOptions.CultureInvariant);

    /// <summary>The validator's errors by slug (lines "✗ slug  message").</summary>
    private static Dictionary<string, List<string>> ValidatorErrors(string output)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in output.Split('\n'))
        {
            var line = Ansi.Replace(raw, string.Empty);
            if (!line.StartsWith("✗ ", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line.Substring(2);
            var cut = rest.IndexOf("  ", StringComparison.Ordinal);
            var slug = cut < 0 ? rest : rest.Substring(0, cut);
            if (!errors.TryGetValue(slug, out var list))
            {
                errors[slug] = list = new List<string>();
            }

            list.Add(cut < 0 ? string.Empty : rest.Substring(cut + 2));
        }

        return errors;
    }

    private static void Git(string tree, params string[] args)
    {
        var (code, output) = Run("git", args, tree, TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            throw new InvalidOperationException("git " + string.Join(' ', args) + " failed: " + output);
        }
    }

    public static (int Code, string Output) Run(string file, IEnumerable<string> args, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " did not finish in " + timeout);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static bool OnPath(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}

/// <summary>
/// What one generator run produced: the records folder, the validator's errors by slug, and the
/// souls the validator could not judge (it stops on them; they were validated apart from the rest).
/// </summary>
internal sealed record OracleRun(string RecordsFolder, IReadOnlyDictionary<string, List<string>> ValidatorErrors, string ValidatorOutput, IReadOnlyList<string> Unjudged);
