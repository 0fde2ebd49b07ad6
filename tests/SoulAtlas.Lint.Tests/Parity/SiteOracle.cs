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

        var (_, validation) = Run("node", new[] { "scripts/validate.mjs" }, tree, TimeSpan.FromMinutes(10));
        return new OracleRun(Path.Combine(tree, "public", "api", "souls"), ValidatorErrors(validation), validation);
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

/// <summary>What one generator run produced: the records folder and the validator's errors by slug.</summary>
internal sealed record OracleRun(string RecordsFolder, IReadOnlyDictionary<string, List<string>> ValidatorErrors, string ValidatorOutput);
